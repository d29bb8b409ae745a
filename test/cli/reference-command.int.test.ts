import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CMS_FIXTURE_DIR, CMS_RELEASE_FILES } from '../support/cms-fixtures.js';
import { runCli } from '../support/run-cli.js';

const CMS = CMS_RELEASE_FILES.map((f) => join(CMS_FIXTURE_DIR, f));

/** `sgrt-billing reference import` on an app database (PGlite under --data-dir). */
describe('sgrt-billing reference import', () => {
  let dir = '';
  const databaseUrl = process.env.DATABASE_URL;
  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    dir = await mkdtemp(join(tmpdir(), 'sgrt-reference-'));
  });
  afterAll(async () => {
    if (databaseUrl !== undefined) process.env.DATABASE_URL = databaseUrl;
    await rm(dir, { recursive: true, force: true });
  });

  it('exits 2 with the file and line of an unknown layout, storing nothing', async () => {
    const odd = join(dir, 'odd.csv');
    await writeFile(odd, 'Title line\nHCPCS,Something,Else\n77412,1,2\n');
    const run = await runCli(
      'reference',
      'import',
      CMS[0]!,
      odd,
      '--data-dir',
      join(dir, 'db'),
      '--year',
      '2026',
      '--quarter',
      '1',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/odd\.csv:line 2: unknown layout: closest to the PPRRVU table/);
  });

  it('imports the CMS files into their releases with a summary, and a contract-rate CSV errors located', async () => {
    const db = ['--data-dir', join(dir, 'db'), '--year', '2026', '--quarter', '1'];
    const run = await runCli('reference', 'import', ...CMS, ...db);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/PPRRVU26_SYNTH\.csv\s+pprrvu\s+11\s+RVU26A/);
    expect(run.stderr).toContain('releases RVU26A, OPPS26A, NCCI-PRA26A');
    const rates = join(dir, 'rates.csv');
    await writeFile(
      rates,
      'payer,code,modifier,rate,effective_from,effective_to\nUHC,77412,,4.5.0,2026-01-01,\n',
    );
    const bad = await runCli('reference', 'import', rates, ...db);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('rates.csv:line 2, column "rate"');
  });
});
