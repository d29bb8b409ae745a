import { lstat, mkdir, mkdtemp, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hydrateSymlinks } from './embedded-postgres.js';
import { serverAddress, testServerPlan } from './test-database-url.js';

/** The test harness's own logic: which server a run uses, and the embedded package made runnable. */
describe('the test PostgreSQL server', () => {
  it.each([
    ['postgres://postgres@127.0.0.1:5432/test', true, 'use'],
    ['postgres://postgres@127.0.0.1:55999/test', false, 'start'],
    ['postgres://postgres@localhost:5432/test', false, 'start'],
    ['postgres://postgres@[::1]:5432/test', false, 'start'],
    ['postgres://ci@db.example.org:5432/test', true, 'use'],
    ['postgres://ci@db.example.org:5432/test', false, 'unreachable'],
  ] as const)('%s, answered %s: %s', (url, answered, plan) => {
    expect(testServerPlan(url, answered)).toBe(plan);
  });

  it('names the server by host and port only, never its password', () => {
    expect(serverAddress('postgres://u:secret@db.example.org/test')).toBe('db.example.org:5432');
  });

  describe('hydrateSymlinks (what the package postinstall would do)', () => {
    let pkg = '';
    beforeAll(async () => {
      pkg = await mkdtemp(join(tmpdir(), 'sgrt-embedded-pg-'));
      await mkdir(join(pkg, 'native', 'bin'), { recursive: true });
      await mkdir(join(pkg, 'native', 'lib'));
      for (const program of ['initdb', 'postgres']) {
        await writeFile(join(pkg, 'native', 'bin', program), '#!/bin/sh\n', { mode: 0o644 });
      }
      await writeFile(join(pkg, 'native', 'lib', 'libpq.so.5.18'), '');
      await writeFile(
        join(pkg, 'native', 'pg-symlinks.json'),
        JSON.stringify([
          { source: 'native/lib/libpq.so.5.18', target: 'native/lib/libpq.so.5' },
          { source: 'native/lib/libpq.so.5.18', target: 'native/lib/libpq.so' },
        ]),
      );
    });
    afterAll(() => rm(pkg, { recursive: true, force: true }));

    it('links the libraries relative to their folder and makes the programs executable, twice alike', async () => {
      for (let run = 0; run < 2; run++) {
        await hydrateSymlinks(join(pkg, 'native'));
        for (const link of ['libpq.so.5', 'libpq.so']) {
          const path = join(pkg, 'native', 'lib', link);
          expect((await lstat(path)).isSymbolicLink()).toBe(true);
          expect(await readlink(path)).toBe('libpq.so.5.18');
        }
        for (const program of ['initdb', 'postgres'])
          expect((await stat(join(pkg, 'native', 'bin', program))).mode & 0o555).toBe(0o555);
      }
    });
  });
});
