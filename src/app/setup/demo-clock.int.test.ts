import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { seedPractice, type SeededPractice } from '../../../test/support/seed-rows.js';
import { demoClock, demoExportInstant, demoNowFor, lastRecordedInstant } from './demo-practice.js';

/**
 * The demo clock across a restart: it starts at the demo clinic's export instant, and a restart on data
 * the demo already wrote resumes after the last instant it recorded, never before it (what was signed,
 * read or changed stays in the past).
 */
describe.each(ENGINES)('the demo clock on %s', (engine) => {
  let tdb: TestDatabase;
  let a: SeededPractice;
  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    a = await seedPractice(tdb.db, 'a');
  }, 60_000);
  afterAll(() => tdb?.close());

  const started = 1_000_000;
  const at = (wall: number) => demoClock(started, () => wall);

  it('starts at the export instant and runs in real time', () => {
    const clock = at(started + 5_000);
    expect(clock()).toBe(demoExportInstant() + 5_000);
  });

  it('resumes after the last instant the data recorded, and never goes back', async () => {
    const export_ = demoExportInstant();
    const later = export_ + 3 * 3_600_000;
    await tdb.db
      .insertInto('access_log')
      .values({
        at: new Date(later),
        practice_id: a.practiceId,
        user_id: a.users.admin.id,
        action: 'read',
        patient_ids: [a.patientId],
        route: 'GET /api/courses/:id',
      })
      .execute();
    expect(await lastRecordedInstant(tdb.db)).toBe(later);
    let wall = started;
    const clock = demoClock(started, () => wall);
    clock.resumeAfter(later);
    expect(clock()).toBe(later);
    wall += 60_000;
    expect(clock()).toBe(later + 60_000);
    // An instant before the clock's reading changes nothing.
    clock.resumeAfter(export_);
    expect(clock()).toBe(later + 60_000);
  });

  it("a command on the demo's data runs on the demo clock (after what it recorded); another practice's on none", async () => {
    const later = demoExportInstant() + 3 * 3_600_000; // the access row of the test above
    expect(await demoNowFor(tdb.db, a.practiceId, at(started + 1_000))).toBeNull();
    await tdb.db
      .insertInto('users')
      .values({
        id: 'user-demo-biller',
        practice_id: a.practiceId,
        email: 'biller@demo.test',
        display_name: 'Demo biller',
        role: 'biller',
        password_hash: 'x',
        physician_id: null,
      })
      .execute();
    expect(await demoNowFor(tdb.db, a.practiceId, at(started + 1_000))).toBe(later);
  });
});
