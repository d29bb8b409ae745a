import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import { openApp } from '../../src/app/open-app.js';
import { readClaims837FromBytes } from '../../src/formats/x12/read-837.js';
import { openCliDemoApp, releaseReadyCharges } from '../support/cli-demo-app.js';
import { DEMO_HOOK_TIMEOUT_MS } from '../support/demo-harness.js';
import { runCli } from '../support/run-cli.js';

/** `sgrt-billing claims` on an app database (PGlite under --data-dir): the 837 out, the summary on stderr. */
describe('sgrt-billing claims', () => {
  let dir = '';
  let practiceId = '';
  const databaseUrl = process.env.DATABASE_URL;
  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    dir = await mkdtemp(join(tmpdir(), 'sgrt-claims-'));
    const opened = await openCliDemoApp(dir, { patients: 4, days: 5, seed: 3 });
    const { app } = opened;
    practiceId = opened.practiceId;
    await releaseReadyCharges(app.ctx, practiceId);
    await app.close();
  }, DEMO_HOOK_TIMEOUT_MS);
  afterAll(async () => {
    if (databaseUrl !== undefined) process.env.DATABASE_URL = databaseUrl;
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes the 837P to --out with a summary, then finds nothing left', { timeout: 60_000 }, async () => {
    const out = join(dir, 'batch.837');
    const run = await runCli('claims', '--format', '837p', '--out', out, '--data-dir', join(dir, 'db'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^837P batch \S+: \d+ claims?, \d+ lines?, \$[\d,]+\.\d{2}, interchange 1/);
    const text = await readFile(out, 'utf8');
    expect(text.startsWith('ISA*')).toBe(true);
    const read = readClaims837FromBytes(new TextEncoder().encode(text), out);
    expect(read.problems).toEqual([]);
    expect(read.sets.flatMap((s) => s.claims).length).toBeGreaterThan(0);

    const again = await runCli('claims', '--format', '837P', '--data-dir', join(dir, 'db'));
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('837P: no released charge left to bill; no batch created.');
  });

  // A freestanding practice (place of service 11) bills only 837P (CLAIM-002: the global claim); a
  // hospital outpatient practice bills both (837P the professional -26 half, 837I the technical part).
  it.each<[string, string | null, number, RegExp]>([
    [
      'no --format, freestanding practice: 837P, said so',
      '11',
      0,
      /^--format not given: 837p, the only format of this practice's claims \(place of service 11, freestanding: global professional claims\)\n837P/,
    ],
    [
      'no --format, hospital outpatient practice: exit 2 naming the flag and both choices',
      '22',
      2,
      /^error: --format is missing: 837p \(professional claims: the -26 half\) or 837i \(technical claims, with revenue codes\); this practice \(place of service 22, hospital outpatient\) bills both\n$/,
    ],
    [
      'a bad --format: exit 2 with the choices',
      null,
      2,
      /^error: --format must be 837p or 837i \(got "835"\): 837p for professional claims \(freestanding global, or the hospital's -26 half\), 837i for a hospital's technical claims\n$/,
    ],
  ])('%s', { timeout: 60_000 }, async (_, placeOfService, code, stderr) => {
    if (placeOfService) await setPlaceOfService(placeOfService);
    try {
      const run = await runCli(
        'claims',
        ...(placeOfService ? [] : ['--format', '835']),
        '--data-dir',
        join(dir, 'db'),
      );
      expect(run.code, run.stderr).toBe(code);
      expect(run.stderr).toMatch(stderr);
    } finally {
      if (placeOfService) await setPlaceOfService('11');
    }
  });

  /** The practice's clinic settings with another place of service (the demo clinic is freestanding). */
  async function setPlaceOfService(placeOfService: string): Promise<void> {
    const app = await openApp({ dataDir: join(dir, 'db'), log: createLogger({ level: 'silent' }) });
    try {
      const row = await app.ctx.db
        .selectFrom('practices')
        .select('clinic')
        .where('id', '=', practiceId)
        .executeTakeFirstOrThrow();
      const clinic = row.clinic as { facility: { placeOfService: string } };
      const changed = { ...clinic, facility: { ...clinic.facility, placeOfService } };
      await app.ctx.db
        .updateTable('practices')
        .set({ clinic: JSON.stringify(changed) })
        .where('id', '=', practiceId)
        .execute();
    } finally {
      await app.close();
    }
  }

  it('exits 2 on bad options and names the practice to choose', { timeout: 60_000 }, async () => {
    expect((await runCli('claims', '--format', '835', '--data-dir', join(dir, 'db'))).code).toBe(2);
    expect(
      (await runCli('claims', '--format', '837i', '--period', 'year', '--data-dir', join(dir, 'db'))).code,
    ).toBe(2);
    const unknown = await runCli(
      'claims',
      '--format',
      '837i',
      '--practice',
      'nope',
      '--data-dir',
      join(dir, 'db'),
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(practiceId);
  });
});
