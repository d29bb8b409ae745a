import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { seededActor, type SeededPractice, seedPractice } from '../../../test/support/seed-rows.js';
import { testContext, type TestContext } from '../../../test/support/test-context.js';
import type { Actor } from '../app-context.js';
import { exportList } from '../exports/export-list.js';
import { dashboard } from './dashboard.js';
import { listFractions } from './fractions.js';
import { signaturesDue } from './signatures-due.js';

/**
 * A charge whose rate is unknown (no rate table or contract gives its code an amount: expected_cents
 * null) is not $0.00: every total it enters says it is partly unknown, in the API views and the exports.
 */
describe.each(ENGINES)('totals with an unknown rate on %s', (engine) => {
  let tdb: TestDatabase;
  let t: TestContext;
  let s: SeededPractice;
  const coder = (): Actor => seededActor(s, 'coder');
  const PARTLY_UNKNOWN = { cents: null, knownCents: 60_000, linesWithoutRate: 1 };

  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    t = await testContext(tdb);
    s = await seedPractice(t.ctx.db, 'u');
    // The seeded fraction holds a 77412 of $600.00; its 77387-26 has no rate, its SGRT record is unsigned.
    await t.ctx.db
      .insertInto('charges')
      .values({
        id: 'charge-u-igrt',
        practice_id: s.practiceId,
        fraction_id: s.fractionId,
        code: '77387',
        modifiers: '26',
        units: 1,
        expected_cents: null,
        status: 'hold',
        reason: null,
        updated_at: new Date('2026-03-13T16:00:00Z'),
      })
      .execute();
    await t.ctx.db
      .updateTable('fractions')
      .set({ status: 'hold', audit: sql`jsonb_set(audit, '{reasons}', '["DOC-008"]')` })
      .where('id', '=', s.fractionId)
      .execute();
    await t.ctx.db
      .insertInto('documents')
      .values({
        id: 'document-u-sgrt',
        practice_id: s.practiceId,
        course_id: s.courseId,
        fraction_id: s.fractionId,
        kind: 'sgrt-record',
        document_key: 'SGRT-U-1',
        signed: false,
      })
      .execute();
  }, 60_000);
  afterAll(() => tdb.close());

  it('the worklist, the dashboard and the signatures due say the total is partly unknown', async () => {
    const list = await listFractions(t.ctx, coder(), {});
    expect(list.items.map((i) => i.atRisk)).toEqual([PARTLY_UNKNOWN]);
    const dash = await dashboard(t.ctx, coder(), { from: '2026-01-01', to: '2026-12-31' });
    expect(dash.holds.atRisk).toEqual(PARTLY_UNKNOWN);
    expect(dash.topHoldReasons.map((r) => [r.ruleId, r.atRisk])).toEqual([['DOC-008', PARTLY_UNKNOWN]]);
    const due = await signaturesDue(t.ctx, coder(), {});
    expect(due.map((d) => d.atRisk)).toEqual([PARTLY_UNKNOWN]);
  });

  it('the exports leave the total empty and count the lines without a rate', async () => {
    for (const list of ['fractions', 'signatures'] as const) {
      const file = await exportList(t.ctx, coder(), list, 'csv', {});
      const [header, row] = new TextDecoder()
        .decode(file.body)
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/)
        .map((l) => l.split(','));
      const cell = (name: string) => row![header!.indexOf(name)];
      expect([cell('At risk ($)'), cell('At risk known ($)'), cell('Lines without a rate')]).toEqual([
        '',
        '600.00',
        '1',
      ]);
    }
  });

  it('a total of known rates only is a plain total', async () => {
    await t.ctx.db
      .updateTable('charges')
      .set({ expected_cents: 3_674 })
      .where('id', '=', 'charge-u-igrt')
      .execute();
    const known = { cents: 63_674, knownCents: 63_674, linesWithoutRate: 0 };
    expect((await listFractions(t.ctx, coder(), {})).items[0]!.atRisk).toEqual(known);
    expect((await dashboard(t.ctx, coder(), { from: '2026-01-01', to: '2026-12-31' })).holds.atRisk).toEqual(
      known,
    );
  });
});
