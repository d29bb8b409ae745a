import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

/** `sgrt-billing practice …` and `user …` on an app database (PGlite under --data-dir). */
describe('sgrt-billing practice and user', () => {
  let dir = '';
  let db: string[] = [];
  const saved = {
    DATABASE_URL: process.env.DATABASE_URL,
    SGRT_ADMIN_PASSWORD: process.env.SGRT_ADMIN_PASSWORD,
    SGRT_USER_PASSWORD: process.env.SGRT_USER_PASSWORD,
  };
  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    dir = await mkdtemp(join(tmpdir(), 'sgrt-practice-'));
    db = ['--data-dir', join(dir, 'db')];
  });
  afterAll(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(
    'creates a practice from clinic.json and billing.json, lists it, adds and disables a user',
    { timeout: 120_000 },
    async () => {
      process.env.SGRT_ADMIN_PASSWORD = 'admin-password-2026';
      const created = await runCli(
        'practice',
        'create',
        '--name',
        'Example Radiation Oncology',
        '--clinic',
        'examples/clinic.json',
        '--billing',
        'examples/billing.json',
        '--admin-email',
        'Admin@Example.test',
        ...db,
      );
      expect(created.code, created.stderr).toBe(0);
      const id = created.stdout.trim();
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(created.stderr).toContain('with the administrator admin@example.test');

      const list = await runCli('practice', 'list', ...db);
      expect(list.code).toBe(0);
      expect(list.stdout).toMatch(new RegExp(`${id}\\s+Example Radiation Oncology\\s+1\\s+yes`));

      process.env.SGRT_USER_PASSWORD = 'coder-password-2026';
      const add = await runCli(
        'user',
        'add',
        '--practice',
        id,
        '--email',
        'coder@example.test',
        '--role',
        'coder',
        '--name',
        'Coder One',
        ...db,
      );
      expect(add.code, add.stderr).toBe(0);
      const users = await runCli('user', 'list', '--practice', id, ...db);
      expect(users.stdout).toMatch(/coder@example\.test\s+Coder One\s+coder\s+active/);
      expect(users.stdout).toMatch(/admin@example\.test\s+admin@example\.test\s+admin/);

      expect((await runCli('user', 'disable', '--email', 'coder@example.test', ...db)).code).toBe(0);
      expect((await runCli('user', 'list', ...db)).stdout).toMatch(/coder@example\.test.*disabled/);
      const again = await runCli('user', 'add', '--email', 'coder@example.test', '--role', 'viewer', ...db);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('a user with this email exists');
      expect((await runCli('user', 'add', '--email', 'x@example.test', '--role', 'owner', ...db)).code).toBe(
        2,
      );
      // The installation operator (loads the CMS files every practice shares) is made on the server.
      const operator = await runCli(
        'user',
        'add',
        '--email',
        'ops@example.test',
        '--role',
        'operator',
        ...db,
      );
      expect(operator.code, operator.stderr).toBe(0);
      expect(operator.stderr).toContain('user ops@example.test (operator) added');

      const shown = await runCli('practice', 'billing', '--show', ...db);
      expect(shown.code).toBe(0);
      expect(JSON.parse(shown.stdout)).toEqual(JSON.parse(await readFile('examples/billing.json', 'utf8')));
    },
  );

  it(
    'exits 2 with located problems on bad billing settings, and stores nothing',
    { timeout: 60_000 },
    async () => {
      const example = JSON.parse(await readFile('examples/billing.json', 'utf8')) as {
        provider: Record<string, unknown>;
      };
      const bad = join(dir, 'bad-billing.json');
      await writeFile(
        bad,
        JSON.stringify({ ...example, provider: { ...example.provider, npi: '1234567890' } }),
      );
      const update = await runCli('practice', 'billing', '--file', bad, ...db);
      expect(update.code).toBe(2);
      expect(update.stderr).toContain('billing.provider.npi: a 10-digit NPI with its check digit');
      expect(update.stderr).not.toContain('1234567890');

      process.env.SGRT_ADMIN_PASSWORD = 'admin-password-2026';
      const create = await runCli(
        'practice',
        'create',
        '--name',
        'Refused',
        '--clinic',
        'examples/clinic.json',
        '--billing',
        bad,
        '--admin-email',
        'other@example.test',
        ...db,
      );
      expect(create.code).toBe(2);
      expect(create.stderr).toContain('billing.provider.npi');
      const broken = join(dir, 'broken.json');
      await writeFile(broken, '{\n  "schemaVersion": 1,\n  "name": }\n');
      const syntax = await runCli(
        'practice',
        'create',
        '--name',
        'Refused',
        '--clinic',
        broken,
        '--admin-email',
        'other@example.test',
        ...db,
      );
      expect(syntax.code).toBe(2);
      expect(syntax.stderr).toContain(`${broken}:line 3, column 11`);
      const list = await runCli('practice', 'list', ...db);
      expect(list.stdout.trim().split('\n')).toHaveLength(3);

      delete process.env.SGRT_ADMIN_PASSWORD;
      const noPassword = await runCli(
        'practice',
        'create',
        '--name',
        'No password',
        '--clinic',
        'examples/clinic.json',
        '--admin-email',
        'np@example.test',
        ...db,
      );
      expect(noPassword.code).toBe(2);
      expect(noPassword.stderr).toContain('set SGRT_ADMIN_PASSWORD');
      expect((await runCli('practice', 'billing', ...db)).code).toBe(2);
    },
  );

  it(
    'designates a covering physician over dates, lists and removes it; refuses an unknown course',
    { timeout: 60_000 },
    async () => {
      const cover = ['practice', 'cover'];
      // A covering physician and the one covered must be the practice's physicians (their logins here).
      process.env.SGRT_USER_PASSWORD = 'physician-password-2026';
      for (const physician of ['DR-COVER', 'DR-HALE']) {
        const user = await runCli(
          'user',
          'add',
          '--email',
          `${physician.toLowerCase()}@example.test`,
          '--role',
          'physician',
          '--physician-id',
          physician,
          ...db,
        );
        expect(user.code, user.stderr).toBe(0);
      }
      const added = await runCli(
        ...cover,
        'add',
        '--physician',
        'DR-COVER',
        '--for',
        'DR-HALE',
        '--from',
        '2026-03-02',
        '--to',
        '2026-03-06',
        ...db,
      );
      expect(added.code, added.stderr).toBe(0);
      expect(added.stdout).toMatch(/DR-COVER\s+DR-HALE\s+2026-03-02\s+2026-03-06\s+command line/);
      const id = added.stdout.split('\n')[2]!.split(/\s+/)[0]!;
      const unknown = await runCli(...cover, 'add', '--physician', 'DR-COVER', '--course', 'C-NONE', ...db);
      expect([unknown.code, unknown.stderr]).toEqual([2, 'Nothing was done: course not found\n']);
      expect((await runCli(...cover, 'add', '--physician', 'DR-COVER', ...db)).code).toBe(2);
      expect((await runCli(...cover, 'remove', '--id', id, ...db)).code).toBe(0);
      expect((await runCli(...cover, 'list', ...db)).stdout).not.toContain('DR-COVER');
    },
  );
});
