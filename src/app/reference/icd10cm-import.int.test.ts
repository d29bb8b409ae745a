import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CMS_FIXTURE_DIR, ICD10CM_FIXTURE_FILES } from '../../../test/support/cms-fixtures.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { testContext } from '../../../test/support/test-context.js';
import type { AppContext } from '../app-context.js';
import { InputError } from '../engine-context.js';
import { importReferenceFiles, type ReferenceFile } from './reference-import.js';
import { listReleases } from './reference-settings.js';

const [ORDER, CODES] = ICD10CM_FIXTURE_FILES;
const fixture = async (name: string, as = name): Promise<ReferenceFile> => ({
  name: as,
  bytes: new Uint8Array(await readFile(`${CMS_FIXTURE_DIR}/${name}`)),
});
const text = (name: string, body: string): ReferenceFile => ({ name, bytes: new TextEncoder().encode(body) });
const Q1 = { year: 2026, quarter: 1 } as const;

const problemsOf = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(InputError);
  return (e as InputError).problems;
};

/** ICD-10-CM code files: one release per fiscal year (and its April update), atomic and idempotent. */
describe.each(ENGINES)('ICD-10-CM import on %s', { timeout: 60_000 }, (engine) => {
  let tdb: TestDatabase;
  let ctx: AppContext;
  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    ctx = (await testContext(tdb)).ctx;
  }, 60_000);
  afterAll(() => tdb?.close());

  const icd = async () =>
    (await listReleases(ctx))
      .filter((r) => r.kind === 'icd10cm')
      .map((r) => ({ id: r.id, from: r.effectiveFrom, to: r.effectiveTo, rows: r.rows, sources: r.sources }));

  it('stores the order file as the fiscal year of the chosen quarter; the same file again changes nothing', async () => {
    const first = await importReferenceFiles(ctx, null, [await fixture(ORDER)], Q1);
    expect(first).toMatchObject({
      files: [{ name: ORDER, kind: 'icd10cm', rows: 36, release: 'ICD10CM-FY2026' }],
      releases: ['ICD10CM-FY2026'],
      warnings: [],
    });
    const before = await icd();
    expect(before).toEqual([
      { id: 'ICD10CM-FY2026', from: '2025-10-01', to: '2026-09-30', rows: { icd10cm: 36 }, sources: [ORDER] },
    ]);
    await importReferenceFiles(ctx, null, [await fixture(ORDER)], { year: 2025, quarter: 4 });
    expect(await icd()).toEqual(before);
    const header = await ctx.db
      .selectFrom('cms_icd10cm_codes')
      .selectAll()
      .where('code', 'in', ['C5091', 'Z510'])
      .orderBy('code')
      .execute();
    expect(header).toEqual([
      {
        release_id: 'ICD10CM-FY2026',
        code: 'C5091',
        billable: false,
        description: 'Malignant neoplasm of breast of unspecified site, female',
      },
      {
        release_id: 'ICD10CM-FY2026',
        code: 'Z510',
        billable: true,
        description: 'Encounter for antineoplastic radiation therapy',
      },
    ]);
  });

  it('stores an April 1 update as its own release from the stated date to the end of the fiscal year', async () => {
    const r = await importReferenceFiles(ctx, null, [await fixture(CODES, 'icd10cm-codes-April-2026.txt')], {
      ...Q1,
      effectiveFrom: '2026-04-01',
    });
    expect(r.releases).toEqual(['ICD10CM-FY2026-0401']);
    expect(r.warnings).toEqual([]);
    expect((await icd()).map(({ id, from, to, rows }) => [id, from, to, rows])).toEqual([
      ['ICD10CM-FY2026-0401', '2026-04-01', '2026-09-30', { icd10cm: 23 }],
      ['ICD10CM-FY2026', '2025-10-01', '2026-09-30', { icd10cm: 36 }],
    ]);
  });

  it('warns when the file name names another fiscal year than the release', async () => {
    const r = await importReferenceFiles(ctx, null, [await fixture(ORDER, 'icd10cm_order_2027.txt')], {
      year: 2027,
      quarter: 1,
    });
    expect(r.releases).toEqual(['ICD10CM-FY2027']);
    await importReferenceFiles(ctx, null, [await fixture(ORDER, 'icd10cm_order_2027.txt')], Q1).then((x) =>
      expect(x.warnings).toEqual([
        {
          location: 'icd10cm_order_2027.txt',
          message: expect.stringMatching(/^the file name says 2027 but it is stored as the FY 2026 release/),
        },
      ]),
    );
  });

  it('is atomic: a bad line in the ICD-10-CM file stores nothing of the other files', async () => {
    const before = await listReleases(ctx);
    const gpci = text('GPCI_new.csv', 'MAC,Locality Number,PW GPCI,PE GPCI,MP GPCI\n99903,01,1.0,1.0,1.0\n');
    const bad = text('icd10cm_codes_2026.txt', 'C61     Malignant neoplasm of prostate\nC50.911 Malignant\n');
    expect(await problemsOf(importReferenceFiles(ctx, null, [gpci, bad], Q1))).toEqual([
      { location: 'icd10cm_codes_2026.txt:line 2', message: expect.stringMatching(/ICD-10-CM code/) },
    ]);
    expect(await listReleases(ctx)).toEqual(before);
  });

  it('names the ICD-10-CM files among the layouts it knows', async () => {
    const problems = await problemsOf(importReferenceFiles(ctx, null, [text('x.txt', 'hello\n')], Q1));
    expect(problems[0]!.message).toMatch(/ICD-10-CM order or codes file/);
  });
});
