import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { seededActor, seedPractice, type SeededPractice } from '../../../test/support/seed-rows.js';
import { testContext, type TestContext } from '../../../test/support/test-context.js';
import { listAccessLog } from './access-log-entries.js';

/**
 * The access log as an administrator reads it (HIPAA §164.312(b) audit controls: who read or changed
 * which patient's data): the patient's name and MRN beside the id, filtered by user, patient, date
 * (the facility's days) and action; another practice's rows never show.
 */
describe.each(ENGINES)('the access log on %s', (engine) => {
  let tdb: TestDatabase;
  let t: TestContext;
  let a: SeededPractice;
  let b: SeededPractice;
  const admin = () => seededActor(a, 'admin');

  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    t = await testContext(tdb);
    a = await seedPractice(tdb.db, 'a');
    b = await seedPractice(tdb.db, 'b');
    const row = (p: SeededPractice, user: string, at: string, action: string, patientId: string | null) => ({
      at: new Date(at),
      practice_id: p.practiceId,
      user_id: user,
      action,
      patient_ids: patientId ? [patientId] : [],
      route: 'GET /api/courses/:id',
    });
    await tdb.db
      .insertInto('access_log')
      .values([
        // 2026-03-10 23:30 in New York is 03:30 UTC on the 11th: the facility's day is the 10th.
        row(a, a.users.coder.id, '2026-03-11T03:30:00Z', 'read', a.patientId),
        row(a, a.users.biller.id, '2026-03-12T15:00:00Z', 'change', a.patientId),
        row(a, a.users.admin.id, '2026-03-12T16:00:00Z', 'read', null),
        row(b, b.users.coder.id, '2026-03-12T15:00:00Z', 'read', b.patientId),
      ])
      .execute();
  }, 60_000);
  afterAll(() => tdb?.close());

  const users = (page: Awaited<ReturnType<typeof listAccessLog>>) => page.items.map((e) => e.userId);

  it("names the patient of each row, newest first, and never shows another practice's rows", async () => {
    const page = await listAccessLog(t.ctx, admin(), {});
    expect(page.items.map((e) => [e.userId, e.patients.map((p) => [p.name, p.mrn])])).toEqual([
      [a.users.admin.id, []],
      [a.users.biller.id, [[a.patientName, a.mrn]]],
      [a.users.coder.id, [[a.patientName, a.mrn]]],
    ]);
    expect(page.items.some((e) => e.patients.some((p) => p.id === b.patientId))).toBe(false);
  });

  it.each([
    ['the user', { userId: 'biller' }, ['biller']],
    ['part of the patient name, any case', { patient: 'synthetic patient a' }, ['biller', 'coder']],
    ['part of the MRN', { patient: '-a-00' }, ['biller', 'coder']],
    ['name words in any order', { patient: 'patient a synthetic' }, ['biller', 'coder']],
    ['a name word and an MRN part', { patient: ' a-00  synthetic ' }, ['biller', 'coder']],
    ['one word of no patient with one of a patient', { patient: 'synthetic qqq' }, []],
    ['the action', { action: 'change' as const }, ['biller']],
    ['the facility day (from)', { from: '2026-03-11' }, ['admin', 'biller']],
    ['the facility day (to)', { to: '2026-03-10' }, ['coder']],
    ['a patient that matches nothing', { patient: '100%_' }, []],
  ])('filters by %s', async (_what, filter, roles) => {
    const q = 'userId' in filter ? { userId: a.users[filter.userId as 'biller'].id } : filter;
    const page = await listAccessLog(t.ctx, admin(), q);
    expect(users(page)).toEqual(roles.map((r) => a.users[r as 'biller'].id));
    expect(page.total).toBe(roles.length);
  });

  it('is for administrators only', async () => {
    await expect(listAccessLog(t.ctx, seededActor(a, 'biller'), {})).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
