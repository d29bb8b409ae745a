import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/db-harness.js';
import { LOGIN_MAX_CLIENT_FAILURES } from '../../src/app/auth/login.js';
import { SEED_PASSWORD } from '../support/seed-rows.js';
import { type HttpHarness, openHttpHarness } from './http-harness.js';

/** Opening a database and seeding it (argon2 hashes) is slow on a loaded 2-core machine. */
const HOOK_TIMEOUT_MS = 60_000;

const cookieOf = (res: Response) => res.headers.get('set-cookie') ?? '';

describe.each(ENGINES)('HTTP authentication and CSRF on %s', { timeout: 30_000 }, (engine) => {
  let h: HttpHarness;
  beforeAll(async () => {
    h = await openHttpHarness(engine);
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => h?.close(), HOOK_TIMEOUT_MS);

  const loginAs = (email: string, password = SEED_PASSWORD, origin?: string) =>
    h.request('POST', '/api/auth/login', { json: { email, password }, ...(origin ? { origin } : {}) });

  it('logs in: session view, HttpOnly SameSite=Strict cookie, not Secure on http://localhost', async () => {
    const res = await loginAs(h.a.users.coder.email);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: { role: string; practiceId: string }; csrfToken: string };
    expect(body.user).toMatchObject({ role: 'coder', practiceId: h.a.practiceId });
    expect(body.csrfToken).toBeTruthy();
    const cookie = cookieOf(res);
    expect(cookie).toMatch(/^sgrt_session=[\w-]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');

    const session = { cookie: cookie.split(';')[0]!, csrf: body.csrfToken };
    const me = await h.request('GET', '/api/auth/me', { session });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual(body);
  });

  it('marks the cookie Secure from configuration only, whatever Host the client sends', async () => {
    // This harness is configured for plain http: a Host naming a public site does not change that.
    expect(
      cookieOf(await loginAs(h.a.users.viewer.email, SEED_PASSWORD, 'https://billing.example')),
    ).not.toContain('Secure');
    const tls = await openHttpHarness(engine, { secureCookies: true });
    try {
      const res = await tls.request('POST', '/api/auth/login', {
        json: { email: tls.a.users.viewer.email, password: SEED_PASSWORD },
      });
      expect(cookieOf(res)).toContain('Secure');
    } finally {
      await tls.close();
    }
  });

  it('refuses wrong credentials with one generic 401 and rate-limits the 6th attempt with 429', async () => {
    const email = h.a.users.biller.email;
    const bodies: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await loginAs(email, 'wrong-password-x');
      expect(res.status).toBe(401);
      bodies.push(await res.json());
    }
    const unknown = await loginAs('nobody@a.test', 'wrong-password-x');
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual(bodies[0]);
    const sixth = await loginAs(email);
    expect(sixth.status).toBe(429);
    expect(await sixth.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  /** A wrong password for `email`, from socket `socket`, forwarded for `forwardedFor` (if given). */
  const guess = (
    target: HttpHarness,
    email: string,
    socket: string,
    forwardedFor?: string,
    password = 'nope',
  ) =>
    target.request('POST', '/api/auth/login', {
      json: { email, password },
      remoteAddress: socket,
      ...(forwardedFor ? { headers: { 'x-forwarded-for': forwardedFor } } : {}),
    });

  it('ignores X-Forwarded-For unless the operator trusts the proxy: a client cannot pick its address', async () => {
    const email = h.a.users.physician.email;
    for (let i = 0; i < 5; i++)
      expect((await guess(h, email, '198.51.100.7', `203.0.113.${i}`)).status).toBe(401);
    expect((await guess(h, email, '198.51.100.7', '203.0.113.99', SEED_PASSWORD)).status).toBe(429);
  });

  it('behind a trusted proxy, limits per forwarded client: one client locked out does not lock out another', async () => {
    const proxied = await openHttpHarness(engine, { trustedProxies: ['10.0.0.2'] });
    try {
      const email = proxied.a.users.biller.email;
      for (let i = 0; i < 5; i++)
        expect((await guess(proxied, email, '10.0.0.2', '203.0.113.5')).status).toBe(401);
      expect((await guess(proxied, email, '10.0.0.2', '203.0.113.5', SEED_PASSWORD)).status).toBe(429);
      // A spoofed hop left of the client's real address changes nothing.
      expect((await guess(proxied, email, '10.0.0.2', '192.0.2.1, 203.0.113.5', SEED_PASSWORD)).status).toBe(
        429,
      );
      // The same user from another client behind the proxy, and a different email, still log in.
      expect((await guess(proxied, email, '10.0.0.2', '203.0.113.6', SEED_PASSWORD)).status).toBe(200);
      expect(
        (await guess(proxied, proxied.a.users.coder.email, '10.0.0.2', '203.0.113.7', SEED_PASSWORD)).status,
      ).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it('limits one address across many emails (a higher threshold) and answers 429 for the next email', async () => {
    const socket = '198.51.100.8';
    for (let i = 0; i < LOGIN_MAX_CLIENT_FAILURES; i++)
      expect((await guess(h, `spray-${i}@a.test`, socket)).status).toBe(401);
    expect((await guess(h, h.a.users.admin.email, socket, undefined, SEED_PASSWORD)).status).toBe(429);
    expect((await guess(h, h.a.users.admin.email, '198.51.100.9', undefined, SEED_PASSWORD)).status).toBe(
      200,
    );
  });

  it('answers 401 without a session and 400 with the issues for a bad body', async () => {
    const me = await h.request('GET', '/api/auth/me');
    expect(me.status).toBe(401);
    expect(await me.json()).toEqual({ error: { code: 'unauthenticated', message: 'log in first' } });
    const bad = await h.request('POST', '/api/auth/login', { json: { email: 'x@a.test' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: 'invalid_input', issues: [{ location: 'body.password' }] },
    });
  });

  it('answers the session question without an error: 200 {user: null} logged out, the session logged in', async () => {
    // A first page load asks who is logged in; "nobody" is an answer, not a 401 in the browser console.
    const out = await h.request('GET', '/api/session');
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({ user: null });
    const session = await h.session(h.a, 'biller');
    const res = await h.request('GET', '/api/session', { session });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(await (await h.request('GET', '/api/auth/me', { session })).json());
  });

  it('refuses a state-changing request without or with a wrong CSRF token (403 csrf)', async () => {
    const session = await h.session(h.a, 'coder');
    const body = { json: { fractionIds: [h.a.fractionId], reason: 'check' } };
    for (const csrf of [null, 'wrong-token', `${session.csrf}x`]) {
      const res = await h.request('POST', '/api/charges/hold', { session, csrf, ...body });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: 'csrf' } });
    }
    // Another session's token is wrong too.
    const other = await h.session(h.a, 'admin');
    const res = await h.request('POST', '/api/auth/logout', { session, csrf: other.csrf });
    expect(res.status).toBe(403);
  });

  it('logs out: 204, cookie cleared, the session no longer works', async () => {
    const session = await h.session(h.a, 'viewer');
    const res = await h.request('POST', '/api/auth/logout', { session });
    expect(res.status).toBe(204);
    expect(cookieOf(res)).toMatch(/sgrt_session=;.*Max-Age=0/);
    expect((await h.request('GET', '/api/auth/me', { session })).status).toBe(401);
  });

  it('serves health, the OpenAPI document of every route, and a JSON 404 for unknown API paths', async () => {
    expect(await (await h.request('GET', '/api/health')).json()).toEqual({ ok: true });
    const doc = (await (await h.request('GET', '/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { 'x-roles': unknown }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const r of h.routes) {
      const path = r.path.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method]?.['x-roles'], `${r.method} ${r.path}`).toEqual(r.roles);
    }
    const missing = await h.request('GET', '/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('logs one line per request with the route pattern, never the query string or credentials', async () => {
    const session = await h.session(h.a, 'admin');
    await h.request('GET', `/api/courses?search=${encodeURIComponent(h.a.patientName)}`, { session });
    const lines = h.t.logLines().map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests.some((l) => l.route === '/api/courses' && l.userId === h.a.users.admin.id)).toBe(true);
    const text = h.t.logLines().join('\n');
    for (const secret of [h.a.patientName, 'Synthetic', SEED_PASSWORD, '@a.test', session.csrf, 'search=']) {
      expect(text).not.toContain(secret);
    }
  });
});
