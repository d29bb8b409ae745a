import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CMS_FIXTURE_DIR, ICD10CM_FIXTURE_FILES } from '../support/cms-fixtures.js';
import { runCli } from '../support/run-cli.js';

/** `sgrt-billing reference import` of an ICD-10-CM order file (PGlite under --data-dir). */
describe('sgrt-billing reference import, ICD-10-CM', { timeout: 180_000 }, () => {
  let dir = '';
  const databaseUrl = process.env.DATABASE_URL;
  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    dir = await mkdtemp(join(tmpdir(), 'sgrt-icd10cm-'));
  });
  afterAll(async () => {
    if (databaseUrl !== undefined) process.env.DATABASE_URL = databaseUrl;
    await rm(dir, { recursive: true, force: true });
  });

  it('stores the order file as the release of the fiscal year holding the quarter (2026 Q2 → FY 2026)', async () => {
    const file = join(CMS_FIXTURE_DIR, ICD10CM_FIXTURE_FILES[0]);
    const run = await runCli(
      'reference',
      'import',
      file,
      '--data-dir',
      join(dir, 'db'),
      '--year',
      '2026',
      '--quarter',
      '2',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/icd10cm_order_2026_SYNTH\.txt\s+icd10cm\s+36\s+ICD10CM-FY2026/);
    expect(run.stderr).toContain('release ICD10CM-FY2026;');
  });
});
