import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

/**
 * Bad input on the command line is the user's, never an internal error: exit 2 with a message naming the
 * flag as typed, before any database is opened or created (README, "The command line": exit codes).
 */
describe('bad input on the command line', () => {
  let dir = '';
  const databaseUrl = process.env.DATABASE_URL;
  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    dir = await mkdtemp(join(tmpdir(), 'sgrt-bad-input-'));
    await mkdir(join(dir, 'empty'));
  });
  afterAll(async () => {
    if (databaseUrl !== undefined) process.env.DATABASE_URL = databaseUrl;
    await rm(dir, { recursive: true, force: true });
  });

  const letter = (type: string, ...more: string[]) => ['letter', type, '--course', 'C-1', ...more];
  const cases: [string, () => string[], RegExp][] = [
    [
      'audit --occlusion-tolerance below its range',
      () => ['audit', 'examples/courses', '--occlusion-tolerance', '-5'],
      /^error: --occlusion-tolerance must be from 0 to 120 \(got "-5"\)/,
    ],
    [
      'audit --occlusion-tolerance above its range',
      () => ['audit', 'examples/courses', '--occlusion-tolerance', '500'],
      /^error: --occlusion-tolerance must be from 0 to 120/,
    ],
    [
      'audit --last-fraction-hours 0',
      () => ['audit', 'examples/courses', '--last-fraction-hours', '0'],
      /^error: --last-fraction-hours must be from 1 to 720 \(got "0"\)/,
    ],
    [
      'audit --rule NOPE',
      () => ['audit', 'examples/courses', '--rule', 'NOPE'],
      /^error: --rule NOPE: no rule id starts with it/,
    ],
    ['rules --id NOPE', () => ['rules', '--id', 'NOPE'], /^error: --id NOPE: no rule id starts with it/],
    ...['appeal-downcode', 'appeal-igrt-denial', 'appeal-authorization-2025', 'appeal-zero-payment'].map(
      (type): [string, () => string[], RegExp] => [
        `letter ${type} without --claim`,
        () => [...letter(type, '--out', join(dir, 'a.pdf')), '--data-dir', join(dir, 'never')],
        new RegExp(`^error: ${type} needs --claim`),
      ],
    ),
    [
      'letter --out in a folder that does not exist',
      () => [
        ...letter('prior-authorization', '--out', join(dir, 'missing-dir', 'x.pdf')),
        '--data-dir',
        join(dir, 'never'),
      ],
      /^error: --out .*missing-dir\/x\.pdf: the folder .*missing-dir does not exist/,
    ],
    ...[
      ['claims', '--format', '837p'],
      ['claim', 'history', '--claim', 'C-1'],
      letter('prior-authorization', '--out', 'x.pdf'),
      ['practice', 'list'],
      ['practice', 'billing', '--show'],
      ['practice', 'cover', 'list'],
      ['user', 'list'],
    ].flatMap((argv): [string, () => string[], RegExp][] => [
      [
        `${argv.slice(0, 2).join(' ')} --data-dir that does not exist`,
        () => [...argv, '--data-dir', join(dir, 'never')],
        /^error: --data-dir .*never: no such folder; `sgrt-billing serve`, `practice create` or `reference import` creates one/,
      ],
      [
        `${argv.slice(0, 2).join(' ')} --data-dir of an empty folder`,
        () => [...argv, '--data-dir', join(dir, 'empty')],
        /^error: --data-dir .*empty: no database in this folder/,
      ],
    ]),
  ];
  it.each(cases)('%s: exit 2 naming the flag', async (_name, argv, message) => {
    const run = await runCli(...argv());
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/occlusionToleranceSec|lastFractionSignatureHours|internal error/);
    expect(run.stdout).toBe('');
    // Refused before anything was opened: no database was created, the empty folder stays empty.
    expect(existsSync(join(dir, 'never'))).toBe(false);
    expect(existsSync(join(dir, 'empty', 'PG_VERSION'))).toBe(false);
  });

  it('a rule id is case-insensitive and may be the start of one', async () => {
    const run = await runCli('rules', '--id', 'doc-00', '--format', 'json');
    expect(run.code).toBe(0);
    const ids = (JSON.parse(run.stdout) as { id: string }[]).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(1);
    expect(ids.every((id) => id.startsWith('DOC-00'))).toBe(true);
  });
});
