import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

/** `--out` of `claims` and `claim` is checked before the database is opened: nothing is stored as sent. */
describe('--out that cannot be written', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sgrt-out-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const COMMANDS = [
    ['claims', '--format', '837p'],
    ['claim', 'correct', '--claim', 'C-1', '--payer-claim', 'P-1'],
    ['claim', 'history', '--claim', 'C-1'],
  ];
  it.each(COMMANDS)('%s %s: a folder, a missing folder, an empty name', async (...argv) => {
    // No database under this --data-dir: the check comes first.
    const dataDir = join(dir, 'never-created');
    const cases: [string, RegExp][] = [
      [dir, /is a folder; give a file name/],
      [join(dir, 'missing', 'x.837'), /the folder .*missing does not exist or cannot be written/],
      ['', /--out needs a file name/],
    ];
    for (const [out, message] of cases) {
      const run = await runCli(...argv, '--out', out, '--data-dir', dataDir);
      expect(run.code, out).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    }
    expect(existsSync(dataDir)).toBe(false);
  });
});
