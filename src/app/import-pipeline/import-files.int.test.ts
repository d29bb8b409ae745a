import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { demoUploads } from '../setup/demo-uploads.js';
import { testContext } from '../../../test/support/test-context.js';
import { addDays } from '../../core/time/calendar-date.js';
import { createPractice } from '../setup/create-practice.js';
import { DEMO_BILLING } from '../setup/demo-billing.js';
import { billDemo } from '../setup/demo-claims.js';
import { auditAndSave } from '../persist/audit-and-save.js';
import type { Course } from '../../core/model/course.js';
import { importFiles } from './import-files.js';
import { isUnlinkedRecordFile } from '../demo-data/emit-unlinked.js';

/**
 * Issue #4 "Storage": an import of the generated demo clinic stores every fraction with the status the
 * generator expects; the same files again change nothing; the charge history records each move.
 */
describe.each(ENGINES)('importFiles on %s', (engine) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
  });
  afterAll(() => tdb.close());

  it('stores the demo clinic as expected, and a second import of the same files changes nothing', async () => {
    const { generated, files, clinic } = await demoUploads({ patients: 6, days: 6, seed: 5 });
    const { ctx, clock } = await testContext(tdb, undefined);
    clock.set(generated.clinic.options.now);
    const practiceId = await createPractice(ctx, { name: 'Demo', clinic });

    const first = await importFiles(ctx, practiceId, files);
    expect(first.files.filter((f) => f.status === 'failed')).toEqual([]);
    // Unlinked: only the records the demo makes to match no course, from their files.
    const unlinked = await ctx.db
      .selectFrom('unlinked_records')
      .select('source')
      .where('practice_id', '=', practiceId)
      .execute();
    expect(unlinked).toHaveLength(first.summary.unlinked);
    expect(unlinked.length).toBeGreaterThanOrEqual(3);
    expect(unlinked.filter((u) => !isUnlinkedRecordFile(u.source))).toEqual([]);
    const expected = generated.outcome.fractions;
    expect(first.summary.fractions).toBe(expected.length);

    const rows = await ctx.db
      .selectFrom('fractions as f')
      .innerJoin('courses as c', 'c.id', 'f.course_id')
      .select(['c.course_key', 'f.number', 'f.status'])
      .where('f.practice_id', '=', practiceId)
      .execute();
    const got = new Map(rows.map((r) => [`${r.course_key}#${r.number}`, r.status]));
    for (const e of expected)
      expect(got.get(`${e.courseId}#${e.number}`), `${e.courseId}#${e.number}`).toBe(e.status);

    const count = async () => ({
      charges: (
        await ctx.db
          .selectFrom('charges')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
      history: (
        await ctx.db
          .selectFrom('charge_status_history')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
      imports: (
        await ctx.db
          .selectFrom('imports')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    });
    const authorizations = await ctx.db.selectFrom('authorizations').select('number').execute();
    expect(authorizations.length).toBeGreaterThan(0);
    const before = await count();
    const again = await importFiles(ctx, practiceId, files);
    expect(again.files.every((f) => f.status === 'duplicate')).toBe(true);
    expect(await count()).toEqual(before);
  }, 120_000);

  it('moves charges when evidence arrives in a later import, and keeps the history of each charge', async () => {
    const { generated, files, clinic } = await demoUploads({ patients: 6, days: 6, seed: 8 });
    const { ctx, clock } = await testContext(tdb, undefined);
    clock.set(generated.clinic.options.now);
    const practiceId = await createPractice(ctx, { name: 'Later evidence', clinic });
    const later = (name: string) => name.startsWith('documents/') || name.startsWith('alignrt/');
    const first = await importFiles(
      ctx,
      practiceId,
      files.filter((f) => !later(f.name)),
    );
    expect(first.summary.fractions).toBe(generated.outcome.fractions.length);
    const statuses = async () =>
      new Map(
        (
          await ctx.db
            .selectFrom('fractions as f')
            .innerJoin('courses as c', 'c.id', 'f.course_id')
            .select(['c.course_key', 'f.number', 'f.status'])
            .where('f.practice_id', '=', practiceId)
            .execute()
        ).map((r) => [`${r.course_key}#${r.number}`, r.status]),
      );
    const withoutEvidence = await statuses();

    await importFiles(
      ctx,
      practiceId,
      files.filter((f) => later(f.name)),
    );
    const withEvidence = await statuses();
    for (const e of generated.outcome.fractions) {
      expect(withEvidence.get(`${e.courseId}#${e.number}`), `${e.courseId}#${e.number}`).toBe(e.status);
    }
    const moved = [...withEvidence].filter(([k, v]) => withoutEvidence.get(k) !== v);
    expect(moved.length).toBeGreaterThan(0);
    const histories = await ctx.db
      .selectFrom('charge_status_history as h')
      .innerJoin('charges as ch', 'ch.id', 'h.charge_id')
      .select(['h.charge_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('ch.practice_id', '=', practiceId)
      .groupBy('h.charge_id')
      .execute();
    expect(histories.some((h) => Number(h.n) >= 2)).toBe(true);
  }, 120_000);

  it('counts a payment sent again in other bytes once, and says so on the second file', async () => {
    const { ctx } = await testContext(tdb, undefined);
    const { clinic } = await demoUploads({ patients: 1, days: 1, seed: 5 });
    const practiceId = await createPractice(ctx, { name: 'Payments', clinic });
    const sample = 'test/fixtures/x12/linuxforhealth-x12/835_005010X221A1/managed-care.835';
    const text = await readFile(sample, 'utf8');
    // The same payment (payer, TRN02) re-enveloped: another interchange control number, other bytes.
    const again = text.replace(/\*000000907\*/, '*000000908*').replace('IEA*1*000000907', 'IEA*1*000000908');
    expect(again).not.toBe(text);
    const remitLines = async () =>
      Number(
        (
          await ctx.db
            .selectFrom('remit_lines')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('practice_id', '=', practiceId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const bytes = (s: string) => new TextEncoder().encode(s);
    const first = await importFiles(ctx, practiceId, [{ name: 'era-1.835', bytes: bytes(text) }]);
    const trn = (r: typeof first) => r.files[0]!.problems.filter((p) => p.location.includes(': TRN '));
    expect(first.files[0]!.status).toBe('imported');
    expect(trn(first)).toEqual([]);
    const lines = await remitLines();
    expect(lines).toBeGreaterThan(0);
    const second = await importFiles(ctx, practiceId, [{ name: 'era-2.835', bytes: bytes(again) }]);
    expect(second.files[0]!.status).toBe('imported');
    expect(trn(second)).toEqual([
      {
        location: expect.stringMatching(/^era-2\.835: TRN /),
        message: expect.stringMatching(/already imported from era-1\.835; its lines count once$/),
      },
    ]);
    expect(await remitLines()).toBe(lines);
  });

  it('refuses a file that gives a payment’s trace number other contents; the first file’s lines stay', async () => {
    const { ctx } = await testContext(tdb, undefined);
    const { clinic } = await demoUploads({ patients: 1, days: 1, seed: 5 });
    const practiceId = await createPractice(ctx, { name: 'Conflicting payments', clinic });
    const sample = 'test/fixtures/x12/linuxforhealth-x12/835_005010X221A1/managed-care.835';
    const text = await readFile(sample, 'utf8');
    // Same payer and TRN02, but one claim paid less (CLP04 and BPR02 lowered together, still balanced).
    const other = text
      .replace('BPR*I*945.00*', 'BPR*I*900.00*')
      .replace('CLP*5554555444*1*800.00*450.00*', 'CLP*5554555444*1*800.00*405.00*');
    expect(other).not.toBe(text);
    const bytes = (s: string) => new TextEncoder().encode(s);
    const lines = async () =>
      (
        await ctx.db
          .selectFrom('remit_lines')
          .select(['claim_pcn', 'paid_cents'])
          .where('practice_id', '=', practiceId)
          .orderBy('id')
          .execute()
      ).map((r) => `${r.claim_pcn}:${r.paid_cents}`);
    await importFiles(ctx, practiceId, [{ name: 'era-1.835', bytes: bytes(text) }]);
    const before = await lines();
    const second = await importFiles(ctx, practiceId, [{ name: 'era-1b.835', bytes: bytes(other) }]);
    expect(second.files[0]!.status).toBe('failed');
    expect(second.files[0]!.problems).toContainEqual({
      location: expect.stringMatching(/^era-1b\.835: TRN /),
      message: expect.stringMatching(/already imported from era-1\.835 with another amount or other claims/),
    });
    expect(await lines()).toEqual(before);
  });

  it('warns of a payment dated after the practice’s today', async () => {
    const { ctx, clock } = await testContext(tdb, undefined);
    clock.set(Date.parse('2026-03-20T12:00:00-04:00'));
    const { clinic } = await demoUploads({ patients: 1, days: 1, seed: 5 });
    const practiceId = await createPractice(ctx, { name: 'Future payment', clinic });
    const text = await readFile(
      'test/fixtures/x12/linuxforhealth-x12/835_005010X221A1/managed-care.835',
      'utf8',
    );
    const later = text.replace(/(BPR\*[^~]*\*)(\d{8})~/, '$120261120~');
    expect(later).not.toBe(text);
    const run = await importFiles(ctx, practiceId, [
      { name: 'later.835', bytes: new TextEncoder().encode(later) },
    ]);
    expect(run.files[0]!.status).toBe('imported');
    expect(run.files[0]!.problems).toContainEqual({
      location: expect.stringMatching(/^later\.835: TRN /),
      message:
        'this payment is dated 2026-11-20, after today (2026-03-20): check the file before relying on its appeal dates',
    });
  });

  it("refuses another clinic's course list that reuses course ids; a billed fraction withdrawn from its course stays", async () => {
    const { generated, files, clinic } = await demoUploads({ patients: 4, days: 6, seed: 5 });
    const { ctx, clock } = await testContext(tdb, undefined);
    clock.set(generated.clinic.options.now);
    const practiceId = await createPractice(ctx, { name: 'Billed', clinic, billing: DEMO_BILLING });
    await importFiles(ctx, practiceId, files);
    await billDemo(ctx, practiceId, addDays(new Date(ctx.now()).toISOString().slice(0, 10), -1));
    const billed = async () =>
      await ctx.db
        .selectFrom('claim_lines as cl')
        .innerJoin('charges as ch', 'ch.id', 'cl.charge_id')
        .innerJoin('fractions as f', 'f.id', 'ch.fraction_id')
        .select(['ch.id', 'ch.status', 'f.course_id', 'f.fraction_key'])
        .where('cl.practice_id', '=', practiceId)
        .orderBy('ch.id')
        .execute();
    const before = await billed();
    expect(before.length).toBeGreaterThan(0);

    // Another clinic's export numbers its courses the same way, for other patients: its course list is
    // refused with the course ids, the rest of its files are read, nothing billed moves.
    const other = await demoUploads({ patients: 2, days: 3, seed: 7 });
    const again = await importFiles(ctx, practiceId, other.files);
    const list = again.files.find((f) => f.name.endsWith('courses.json'))!;
    expect(list.status).toBe('failed');
    expect(list.problems).toContainEqual({
      location: expect.stringMatching(/courses\.json: \[0\]\.courseId$/),
      message: expect.stringMatching(/^course C-5001 belongs to another patient in this practice/),
    });
    expect(again.files.filter((f) => f.status === 'failed')).toHaveLength(1);
    expect(await billed()).toEqual(before);

    // A course saved again without a billed fraction (a record withdrawn from the chart) keeps that
    // fraction and its released charge: it is on a claim already sent.
    const course = await ctx.db
      .selectFrom('courses')
      .select('document')
      .where('id', '=', before[0]!.course_id)
      .executeTakeFirstOrThrow();
    const doc = course.document as Course;
    const withdrawn = { ...doc, fractions: doc.fractions.filter((f) => f.id !== before[0]!.fraction_key) };
    expect(withdrawn.fractions.length).toBe(doc.fractions.length - 1);
    await ctx.db.transaction().execute((trx) => auditAndSave(ctx, trx, practiceId, withdrawn));
    expect(await billed()).toEqual(before);
  }, 120_000);
});

/**
 * A job's progress report fails when the job was cancelled (worker.ts `JobStopped`): while the files are
 * read, that failure ends the import with its error; an unhandled rejection would end the server.
 */
describe.each(ENGINES)('importFiles on %s, when a read-phase progress report fails', (engine) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
  });
  afterAll(() => tdb.close());

  it('rejects with that error and stores nothing', async () => {
    const { generated, files, clinic } = await demoUploads({ patients: 1, days: 2, seed: 3 });
    const { ctx, clock } = await testContext(tdb, undefined);
    clock.set(generated.clinic.options.now);
    const practiceId = await createPractice(ctx, { name: 'Cancelled', clinic });
    const cancelled = new Error('job stopped');
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const result = await importFiles(ctx, practiceId, files, {
        onProgress: async (p) => {
          if (p.phase === 'read') throw cancelled;
        },
      }).catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(result).toBe(cancelled);
      expect(unhandled).toEqual([]);
      const imports = await ctx.db
        .selectFrom('imports')
        .select('id')
        .where('practice_id', '=', practiceId)
        .execute();
      expect(imports).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
