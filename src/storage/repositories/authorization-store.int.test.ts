import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { type AuthorizationToSave, saveAuthorizations } from './authorization-store.js';

const auth = (number: string, fractionsAuthorized: number): AuthorizationToSave => ({
  patientMrn: 'SYN1',
  payer: 'Synthetic Health Plan',
  number,
  codes: ['77412'],
  fractionsAuthorized,
  obtainedOn: '2026-01-05',
  validFrom: '2026-01-05',
  validTo: '2026-06-30',
});

/** A later export of the same number replaces it, whatever its case or padding (payers echo upper case). */
describe.each(ENGINES)('authorization store on %s', (engine) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    await tdb.db.insertInto('practices').values({ id: 'p1', name: 'P', clinic: '{}' }).execute();
    await tdb.db.insertInto('patients').values({ id: 'pt1', practice_id: 'p1', mrn: 'SYN1' }).execute();
  });
  afterAll(() => tdb.close());

  it('keeps one row per number compared trimmed and case-insensitively', async () => {
    const save = (...a: AuthorizationToSave[]) =>
      tdb.db.transaction().execute((trx) => saveAuthorizations(trx, 'p1', a));
    await save(auth('ua-2026-5', 20));
    await save(auth(' UA-2026-5 ', 25), auth('UA-2026-6', 5));
    const rows = await tdb.db
      .selectFrom('authorizations')
      .select(['number', 'fractions_authorized'])
      .orderBy('number')
      .execute();
    expect(rows).toEqual([
      { number: 'UA-2026-5', fractions_authorized: 25 },
      { number: 'UA-2026-6', fractions_authorized: 5 },
    ]);
  });
});
