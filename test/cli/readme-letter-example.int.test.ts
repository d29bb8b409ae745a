import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import { openApp } from '../../src/app/open-app.js';
import { loadDemoHospital } from '../../src/app/setup/demo-hospital.js';
import { demoClock } from '../../src/app/setup/demo-practice.js';
import { pgliteDataDir } from '../support/db-harness.js';
import { DEMO_HOOK_TIMEOUT_MS, DEMO_PRACTICE } from '../support/demo-harness.js';
import { runCli } from '../support/run-cli.js';

/**
 * The README's `sgrt-billing letter` example, as written, on the database `npm start` makes (the demo
 * practice and the demo hospital: two practices, so the course names its practice), and the
 * `--practice` choices around it. PGlite under --data-dir, as the command line uses it.
 */
describe('the README letter example on the demo database', () => {
  let dir = '';
  let db = '';
  const databaseUrl = process.env.DATABASE_URL;
  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    dir = await mkdtemp(join(tmpdir(), 'sgrt-readme-letter-'));
    db = join(dir, 'db');
    await pgliteDataDir(db, DEMO_PRACTICE);
    const app = await openApp({ dataDir: db, log: createLogger({ level: 'silent' }), now: demoClock() });
    await loadDemoHospital(app.ctx);
    await app.close();
  }, DEMO_HOOK_TIMEOUT_MS);
  afterAll(async () => {
    if (databaseUrl !== undefined) process.env.DATABASE_URL = databaseUrl;
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes the appeal the README shows', { timeout: 60_000 }, async () => {
    const readme = (await readFile('README.md', 'utf8')).replace(/\s+/g, ' ');
    const example = /`sgrt-billing (letter [a-z][^`]+)`/.exec(readme)?.[1];
    expect(example).toBeDefined();
    // As written, with the database given and the file written out of the project (a later --out wins).
    const out = join(dir, 'appeal.pdf');
    const run = await runCli(...example!.split(' '), '--data-dir', db, '--out', out);
    expect(run.stderr).toMatch(/written to .*appeal\.pdf/);
    expect(run.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('--practice that does not exist, and a course both practices hold, say so (exit 2)', async () => {
    const letter = ['letter', 'prior-authorization', '--out', join(dir, 'x.pdf'), '--data-dir', db];
    const unknown = await runCli(...letter, '--course', 'C-5010', '--practice', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: --practice nope: no such practice \(.*"Demo Radiation Oncology/);
    // C-5001 is a course key of both demo practices.
    const both = await runCli(...letter, '--course', 'C-5001');
    expect(both.code).toBe(2);
    // The practices holding it are listed, each with its id for --practice.
    expect(both.stderr).toMatch(
      /^error: --course C-5001: several practices hold this course: choose one with --practice \(\S+ "[^"]+", \S+ "[^"]+"\)\n/,
    );
    expect(both.stderr).toContain('"Demo Radiation Oncology');
    expect(both.stderr).toContain('"Demo Hospital Radiation Oncology (synthetic)"');
    const claims = await runCli('claims', '--format', '837p', '--data-dir', db);
    expect(claims.code).toBe(2);
    expect(claims.stderr).toContain('choose one with --practice');
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});
