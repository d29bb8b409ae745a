import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import type { Trx } from '../../storage/repositories/course-store.js';
import { replaceUnlinked } from './unlinked-records.js';

/**
 * A history of 600k rows can name 100k patients: replacing their unlinked records must not bind one
 * parameter per patient in one statement (PostgreSQL's protocol allows 65,535 per statement).
 */
describe.each(ENGINES)('replaceUnlinked on %s', { timeout: 120_000 }, (engine) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    await tdb.db.insertInto('practices').values({ id: 'p1', name: 'Scale', clinic: '{}' }).execute();
  }, 120_000);
  afterAll(async () => tdb?.close());

  it('replaces the unlinked records of 70,000 patients', async () => {
    const patients = Array.from({ length: 70_000 }, (_, i) => `P${i}`);
    const unlinked = patients.map((patientId) => ({
      patientId,
      kind: 'treatment-record' as const,
      source: 'h.csv',
      what: 'treatment history 2026-03-02',
      reason: 'no course for this patient in courses.json',
      date: '2026-03-02',
    }));
    await tdb.db.transaction().execute(async (trx) => {
      await replaceUnlinked(trx as unknown as Trx, 'p1', patients, unlinked);
      await replaceUnlinked(trx as unknown as Trx, 'p1', patients, unlinked.slice(0, 10));
    });
    const { n } = await tdb.db
      .selectFrom('unlinked_records')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(10);
  });
});
