import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { testContext } from '../../../test/support/test-context.js';
import { demoUploads } from '../setup/demo-uploads.js';
import { createPractice } from '../setup/create-practice.js';
import type { AppContext } from '../app-context.js';
import { countUnlinkedRecords } from '../queries/unlinked-records.js';
import { importFiles, type UploadedFile } from './import-files.js';
import { isUnlinkedRecordFile } from '../demo-data/emit-unlinked.js';

/**
 * Incremental import: a file re-links, re-audits and rewrites only the courses of the patients it names
 * (row versions, PostgreSQL `xmin`, of every other course and fraction stay as they were), and importing
 * a clinic's files one by one, in any order, stores the same courses, statuses, charges and unlinked
 * records as importing them together. Synthetic clinic from src/app/demo-data.
 */
const text = (name: string, value: unknown): UploadedFile => ({
  name,
  bytes: new TextEncoder().encode(JSON.stringify(value)),
});

/** Courses, fractions, charges and unlinked records of a practice, in a comparable order. */
async function snapshot(ctx: AppContext, practiceId: string) {
  const fractions = await ctx.db
    .selectFrom('fractions as f')
    .innerJoin('courses as c', 'c.id', 'f.course_id')
    .select(['c.course_key', 'f.number', 'f.date_of_service', 'f.status'])
    .where('f.practice_id', '=', practiceId)
    .orderBy('c.course_key')
    .orderBy('f.number')
    .execute();
  const charges = await ctx.db
    .selectFrom('charges as ch')
    .innerJoin('fractions as f', 'f.id', 'ch.fraction_id')
    .innerJoin('courses as c', 'c.id', 'f.course_id')
    .select([
      'c.course_key',
      'f.number',
      'ch.code',
      'ch.modifiers',
      'ch.units',
      'ch.status',
      'ch.expected_cents',
    ])
    .where('ch.practice_id', '=', practiceId)
    .orderBy('c.course_key')
    .orderBy('f.number')
    .orderBy('ch.code')
    .orderBy('ch.modifiers')
    .execute();
  const unlinked = await ctx.db
    .selectFrom('unlinked_records')
    .select(['patient_key', 'source', 'kind', 'what', 'reason'])
    .where('practice_id', '=', practiceId)
    .orderBy('source')
    .orderBy('what')
    .orderBy('reason')
    .execute();
  return {
    fractions,
    charges: charges.map((c) => ({ ...c, expected_cents: String(c.expected_cents) })),
    unlinked,
  };
}

describe.each(ENGINES)('incremental import on %s', (engine) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
  });
  afterAll(() => tdb.close());

  it('a file naming one patient leaves every other course unread and unwritten', async () => {
    const { generated, files, clinic } = await demoUploads({ patients: 3, days: 3, seed: 5 });
    const { ctx, clock } = await testContext(tdb);
    clock.set(generated.clinic.options.now);
    const practiceId = await createPractice(ctx, { name: 'Untouched', clinic });
    await importFiles(ctx, practiceId, files);
    const versions = async () =>
      new Map(
        (
          await ctx.db
            .selectFrom('fractions as f')
            .innerJoin('courses as c', 'c.id', 'f.course_id')
            .select([
              'c.course_key',
              'f.number',
              sql<string>`c.xmin::text`.as('cx'),
              sql<string>`f.xmin::text`.as('fx'),
            ])
            .where('f.practice_id', '=', practiceId)
            .execute()
        ).map((r) => [`${r.course_key}#${r.number}`, `${r.cx}/${r.fx}`]),
      );
    const before = await versions();
    const courses = JSON.parse(new TextDecoder().decode(files.find((f) => f.name === 'courses.json')!.bytes));
    const list = courses as { courseId: string; plan: { id: string } }[];
    const first = list[0]!;
    expect(list.length).toBeGreaterThan(1);

    // The same entry sent again (other bytes): linked and audited, identical, so nothing is rewritten.
    const again = await importFiles(ctx, practiceId, [text('courses-again.json', [first])]);
    expect(again.summary.courses).toBe(1);
    expect(await versions()).toEqual(before);

    // A changed entry: only that course's rows get new versions.
    const changed = await importFiles(ctx, practiceId, [
      text('courses-plan.json', [{ ...first, plan: { ...first.plan, id: `${first.plan.id}-R` } }]),
    ]);
    expect(changed.summary.courses).toBe(1);
    const after = await versions();
    for (const [key, version] of before) {
      if (key.startsWith(`${first.courseId}#`)) expect(after.get(key), key).not.toBe(version);
      else expect(after.get(key), key).toBe(version);
    }
  }, 180_000);

  it('stores the records that matched no course, and replaces them when their patient is linked again', async () => {
    const { generated, files, clinic } = await demoUploads({ patients: 3, days: 3, seed: 5 });
    const { ctx, clock } = await testContext(tdb);
    clock.set(generated.clinic.options.now);
    const practiceId = await createPractice(ctx, { name: 'Unlinked', clinic });
    await importFiles(
      ctx,
      practiceId,
      files.filter((f) => f.name !== 'courses.json'),
    );
    expect(await countUnlinkedRecords(ctx, practiceId)).toBeGreaterThan(0);
    const { unlinked } = await snapshot(ctx, practiceId);
    expect(
      unlinked.every((u) => u.patient_key && u.reason === 'no course for this patient in courses.json'),
    ).toBe(true);
    await importFiles(
      ctx,
      practiceId,
      files.filter((f) => f.name === 'courses.json'),
    );
    // Left: only the records the demo makes to match no course.
    const left = (await snapshot(ctx, practiceId)).unlinked;
    expect(left.length).toBe(await countUnlinkedRecords(ctx, practiceId));
    expect(left.filter((u) => !isUnlinkedRecordFile(u.source))).toEqual([]);
    expect(left.length).toBeLessThan(unlinked.length);
  }, 180_000);

  it('importing the files one by one, in any order, stores what importing them together does', async () => {
    const { generated, files, clinic } = await demoUploads({ patients: 3, days: 3, seed: 5 });
    const { ctx, clock } = await testContext(tdb);
    clock.set(generated.clinic.options.now);
    const together = await createPractice(ctx, { name: 'Together', clinic });
    await importFiles(ctx, together, files);
    const expected = await snapshot(ctx, together);
    expect(expected.fractions.length).toBeGreaterThan(0);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(files, { minLength: files.length, maxLength: files.length }),
        fc.array(fc.boolean(), { minLength: files.length, maxLength: files.length }),
        async (order, cuts) => {
          const practiceId = await createPractice(ctx, { name: `Order ${++run}`, clinic });
          // Batches: a cut after a file ends its batch.
          let batch: UploadedFile[] = [];
          for (const [i, f] of order.entries()) {
            batch.push(f);
            if (cuts[i] || i === order.length - 1) {
              await importFiles(ctx, practiceId, batch);
              batch = [];
            }
          }
          expect(await snapshot(ctx, practiceId)).toEqual(expected);
        },
      ),
      {
        numRuns: 3,
        seed: 15,
        // One by one in reverse: the course list comes after most of the records it links.
        examples: [[[...files].reverse(), files.map(() => true)]],
      },
    );
  }, 600_000);
});
