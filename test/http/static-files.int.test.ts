import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../src/http/create-http-app.js';
import type { HttpEnv } from '../../src/http/http-env.js';
import { openTestDatabase, type TestDatabase } from '../support/db-harness.js';
import { testContext } from '../support/test-context.js';

/** Opening a database and seeding it (argon2 hashes) is slow on a loaded 2-core machine. */
const HOOK_TIMEOUT_MS = 60_000;

describe('the built web UI', () => {
  let dir = '';
  let db: TestDatabase;
  let app: Hono<HttpEnv>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sgrt-web-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(join(dir, 'assets', 'app.js'), 'console.log(1)');
    db = await openTestDatabase('pglite');
    app = createHttpApp((await testContext(db)).ctx, { webRoot: dir });
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const get = (path: string) => Promise.resolve(app.request(`http://localhost${path}`));

  it('serves files, falls back to index.html for client routes, keeps 404 for missing assets and API paths', async () => {
    for (const path of ['/', '/courses/abc', '/worklists/holds']) {
      const res = await get(path);
      expect([path, res.status]).toEqual([path, 200]);
      expect(await res.text()).toContain('id="root"');
    }
    const js = await get('/assets/app.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await get('/assets/missing.js')).status).toBe(404);
    for (const path of ['/../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json']) {
      expect(await (await get(path)).text()).not.toMatch(/root:|"name"/);
    }
    const api = await get('/api/unknown');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'not_found' } });
    expect(await (await get('/api/health')).json()).toEqual({ ok: true });
  });
});
