import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/app/views.js';
import { ENGINES } from '../support/db-harness.js';
import { type HttpHarness, openHttpHarness, type Session } from './http-harness.js';
import { sampleRequest } from './route-samples.js';

/** Opening a database and seeding it (argon2 hashes) is slow on a loaded 2-core machine. */
const HOOK_TIMEOUT_MS = 60_000;

/**
 * Every route of the role table × every role: allowed roles never get 403, the others always do, and
 * without a session every non-public route answers 401.
 */
describe.each(ENGINES)('route × role on %s', { timeout: 30_000 }, (engine) => {
  let h: HttpHarness;
  const sessions = new Map<string, Session>();
  beforeAll(async () => {
    h = await openHttpHarness(engine);
    for (const role of ROLES) sessions.set(role, await h.session(h.a, role));
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => h?.close(), HOOK_TIMEOUT_MS);

  it('covers every route of the table', () => {
    expect(h.routes.length).toBeGreaterThanOrEqual(18);
    for (const r of h.routes) expect(() => sampleRequest(r, h.a)).not.toThrow();
  });

  it.each(ROLES)('as %s: allowed routes do not answer 403, the others do', async (role) => {
    const outcomes: string[] = [];
    for (const r of h.routes) {
      const sample = sampleRequest(r, h.a);
      // Logging out ends the session: use a session of its own.
      const session = r.path === '/api/auth/logout' ? await h.session(h.a, role) : sessions.get(role)!;
      const res = await h.request(r.method.toUpperCase(), sample.path, { session, ...sample });
      const allowed = r.roles === 'public' || r.roles.includes(role);
      const body = res.status === 403 ? ((await res.json()) as { error: { code: string } }) : null;
      const ok = allowed
        ? res.status !== 403 && res.status < 500
        : res.status === 403 && body?.error.code === 'forbidden';
      outcomes.push(
        `${ok ? 'ok ' : 'BAD'} ${r.method.toUpperCase()} ${r.path} → ${res.status} (${allowed ? 'allowed' : 'denied'})`,
      );
    }
    expect(
      outcomes.filter((o) => o.startsWith('BAD')),
      outcomes.join('\n'),
    ).toEqual([]);
  });

  it('answers 401 to anonymous requests on every non-public route', async () => {
    for (const r of h.routes) {
      const sample = sampleRequest(r, h.a);
      const res = await h.request(r.method.toUpperCase(), sample.path, { ...sample });
      if (r.roles === 'public') expect(res.status, r.path).not.toBe(401);
      else expect([r.path, res.status]).toEqual([r.path, 401]);
    }
  });
});
