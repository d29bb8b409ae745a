import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

/** A --data-dir the database cannot live in is the caller's input: exit 2 naming it, never a stack trace. */
describe('--data-dir that cannot hold the database', () => {
  let dir = '';
  let file = '';
  const databaseUrl = process.env.DATABASE_URL;
  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    dir = await mkdtemp(join(tmpdir(), 'sgrt-data-dir-'));
    file = join(dir, 'a-file');
    await writeFile(file, 'not a folder');
  });
  afterAll(async () => {
    if (databaseUrl !== undefined) process.env.DATABASE_URL = databaseUrl;
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['claims', '--format', '837p'],
    ['claim', 'history', '--claim', 'C-1'],
  ])('%s: a file, or a folder under a file', async (...argv) => {
    for (const dataDir of [file, join(file, 'db')]) {
      const run = await runCli(...argv, '--data-dir', dataDir);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        new RegExp(
          `^error: --data-dir ${dataDir.replace(/[/\\.]/g, '\\$&')}: cannot open the database there \\(E[A-Z]+\\)`,
        ),
      );
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    }
  });
});
