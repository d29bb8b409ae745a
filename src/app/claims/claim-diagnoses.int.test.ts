import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CMS_FIXTURE_DIR, ICD10CM_FIXTURE_FILES } from '../../../test/support/cms-fixtures.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { testContext } from '../../../test/support/test-context.js';
import type { AppContext } from '../app-context.js';
import { importReferenceFiles } from '../reference/reference-import.js';
import { checkDiagnoses } from './claim-diagnoses.js';

const at = (n: number) => `claim P1, diagnosis ${n}`;
const LEFT_BREAST = { region: 'breast', laterality: 'left' } as const;

describe.each(ENGINES)('checkDiagnoses on %s', { timeout: 60_000 }, (engine) => {
  let tdb: TestDatabase;
  let ctx: AppContext;
  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    ctx = (await testContext(tdb)).ctx;
  }, 60_000);
  afterAll(() => tdb?.close());

  it('with no code file loaded: the format only, and one warning that it is not loaded', async () => {
    const r = await checkDiagnoses(ctx.db, [
      { location: at(1), code: 'C50.91', dateOfService: '2026-02-10' },
      { location: at(2), code: 'C50 911', dateOfService: '2026-02-10' },
    ]);
    expect(r.problems).toEqual([
      { location: at(2), message: expect.stringMatching(/^not an ICD-10-CM code/) },
    ]);
    expect(r.warnings).toEqual([
      { location: 'ICD-10-CM code file', message: expect.stringMatching(/code file is not loaded/) },
    ]);
  });

  it('against the stored FY 2026 release: exists, billable, laterality, and dates no release covers', async () => {
    const name = ICD10CM_FIXTURE_FILES[0];
    const bytes = new Uint8Array(await readFile(`${CMS_FIXTURE_DIR}/${name}`));
    await importReferenceFiles(ctx, null, [{ name, bytes }], { year: 2026, quarter: 1 });
    const items = [
      { location: at(1), code: 'Z51.0', dateOfService: '2026-02-10' },
      { location: at(2), code: 'C50.912', dateOfService: '2026-02-10', site: LEFT_BREAST },
      { location: at(3), code: 'C50.911', dateOfService: '2026-02-10', site: LEFT_BREAST },
      { location: at(4), code: 'C50.91', dateOfService: '2026-02-10' },
      { location: at(5), code: 'C18.9', dateOfService: '2026-02-10' },
      { location: at(6), code: 'C61', dateOfService: '2026-10-01' },
    ];
    const check = (db: Parameters<typeof checkDiagnoses>[0]) => checkDiagnoses(db, items);
    const r = await check(ctx.db);
    expect(r.problems).toEqual([
      {
        location: at(4),
        message: expect.stringMatching(/^C50\.91 is a category \(a header in ICD10CM-FY2026\)/),
      },
      {
        location: at(5),
        message: expect.stringMatching(/^C18\.9 is not a valid ICD-10-CM code of ICD10CM-FY2026/),
      },
    ]);
    expect(r.warnings).toEqual([
      {
        location: at(3),
        message: expect.stringMatching(/^C50\.911 is a right-side code but the course's site is left/),
      },
      {
        location: 'ICD-10-CM code file',
        message:
          'no ICD-10-CM release loaded covers FY 2027 (2026-10-01 – 2027-09-30): 1 diagnosis code was checked for format only',
      },
    ]);
    // The same inside a transaction (claim creation calls it with its Trx).
    expect(await ctx.db.transaction().execute((trx) => check(trx))).toEqual(r);
  });
});
