import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, fx, PHYSICIAN_ID, signedAt } from '../../../test/support/course-builder.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { seededActor, seedPractice, type SeededPractice } from '../../../test/support/seed-rows.js';
import { testContext, type TestContext } from '../../../test/support/test-context.js';
import type { Actor } from '../app-context.js';
import { auditAndSave } from '../persist/audit-and-save.js';
import { addCover, removeCover } from './cover-designations.js';

const OTHER = 'DR-SYN-02';

/**
 * Imported signatures (what the R&V CSV, HL7 and FHIR readers give the linked course) by a physician who
 * is neither the course's nor a designated cover do not count as the physician's review (DOC-011); they
 * are stored with that capacity, and a designation re-audits the course so they count as covering.
 */
describe.each(ENGINES)('imported signatures by another physician on %s', { timeout: 60_000 }, (engine) => {
  let tdb: TestDatabase;
  let t: TestContext;
  let p: SeededPractice;
  let admin: Actor;

  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    t = await testContext(tdb);
    p = await seedPractice(tdb.db, 'a');
    admin = seededActor(p, 'admin');
    await tdb.db.deleteFrom('cover_designations').execute();
    // The chart's course: fraction 1's SGRT record and image review signed by another physician.
    const course = buildCourse({
      fractions: 3,
      edit: (c) => {
        c.courseId = p.courseKey;
        const other = { ...signedAt('2026-03-02T09:30:00'), signerId: OTHER };
        fx(c, 1).sgrtRecord!.signature = other;
        fx(c, 1).imageGuidance!.review = other;
      },
    });
    await tdb.db.transaction().execute((trx) => auditAndSave(t.ctx, trx, p.practiceId, course));
  }, 120_000);
  afterAll(async () => tdb?.close());

  /** Fraction 1's status, its DOC-011 findings' severities and capacities, and its stored capacities. */
  async function fractionOne() {
    const f = await tdb.db
      .selectFrom('fractions')
      .select(['id', 'status', 'audit'])
      .where('practice_id', '=', p.practiceId)
      .where('number', '=', 1)
      .executeTakeFirstOrThrow();
    const findings = (
      f.audit as { findings: { ruleId: string; severity: string; evidence?: Record<string, unknown> }[] }
    ).findings.filter((x) => x.ruleId === 'DOC-011');
    const stored = await tdb.db
      .selectFrom('signatures as s')
      .innerJoin('documents as d', 'd.id', 's.document_id')
      .select(['s.signer_id', 's.signer_capacity', 's.source'])
      .where('d.fraction_id', '=', f.id)
      .execute();
    return {
      status: f.status,
      findings: findings.map(
        (x) => `${x.severity}:${String(x.evidence?.signerId)}:${String(x.evidence?.capacity)}`,
      ),
      stored: stored.map((s) => `${s.source}:${s.signer_id}:${s.signer_capacity}`),
    };
  }

  it('counts them as no signature: the criterion fails, the evidence names the signer and capacity', async () => {
    expect(await fractionOne()).toEqual({
      status: 'downgrade',
      findings: [`error:${OTHER}:undesignated`, `error:${OTHER}:undesignated`],
      stored: [`import:${OTHER}:undesignated`, `import:${OTHER}:undesignated`],
    });
  });

  it('counts them as covering once the practice designates the physician, and not after removal', async () => {
    const covers = await addCover(t.ctx, admin, {
      coveringPhysicianId: OTHER,
      forPhysicianId: PHYSICIAN_ID,
      from: '2026-03-01',
      to: '2026-03-02',
    });
    expect(await fractionOne()).toEqual({
      status: 'ready',
      findings: [`info:${OTHER}:covering`, `info:${OTHER}:covering`],
      stored: [`import:${OTHER}:covering`, `import:${OTHER}:covering`],
    });
    await removeCover(t.ctx, admin, covers[0]!.id);
    expect((await fractionOne()).status).toBe('downgrade');
  });
});
