import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/http/security-headers.js';
import { ENGINES } from '../support/db-harness.js';
import { SEED_PASSWORD } from '../support/seed-rows.js';
import { httpSuite, openHttpHarness } from './http-harness.js';

describe.each(ENGINES)('cross-site requests and response headers on %s', { timeout: 30_000 }, (engine) => {
  const t = httpSuite(engine, 'biller');

  const credentials = () => JSON.stringify({ email: t.h.b.users.viewer.email, password: SEED_PASSWORD });

  it.each([
    ['a text/plain body (a cross-site HTML form)', { 'content-type': 'text/plain' }, 415],
    ['a form-encoded body', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    [
      'JSON from another site (Origin)',
      { 'content-type': 'application/json', origin: 'https://evil.example' },
      403,
    ],
    [
      'JSON with Sec-Fetch-Site cross-site',
      { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      403,
    ],
    [
      'JSON with Sec-Fetch-Site same-site',
      { 'content-type': 'application/json', 'sec-fetch-site': 'same-site' },
      403,
    ],
    ['JSON from an opaque origin (null)', { 'content-type': 'application/json', origin: 'null' }, 403],
  ])('refuses a login with %s, before any session is made', async (_, headers, status) => {
    const res = await t.h.request('POST', '/api/auth/login', { text: credentials(), headers });
    expect(res.status).toBe(status);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('accepts a same-origin login (Origin and Sec-Fetch-Site of this server) and one without them', async () => {
    const same = await t.h.request('POST', '/api/auth/login', {
      text: credentials(),
      headers: {
        'content-type': 'application/json; charset=utf-8',
        origin: 'http://localhost',
        'sec-fetch-site': 'same-origin',
      },
    });
    expect(same.status).toBe(200);
    const cli = await t.h.request('POST', '/api/auth/login', {
      text: credentials(),
      headers: { 'content-type': 'application/json' },
    });
    expect(cli.status).toBe(200);
  });

  it('refuses a logged-in change from another site even with the CSRF token', async () => {
    const res = await t.h.request('POST', '/api/auth/logout', {
      session: t.session,
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf');
    expect((await t.h.request('GET', '/api/auth/me', { session: t.session })).status).toBe(200);
  });

  it.each([
    ['a forged Host with its matching Origin', 'http://evil.example', { host: 'evil.example' }],
    ['a forged Host and Origin on the listening port', 'http://evil.example:80', { host: 'evil.example:80' }],
    ['an https Origin of the listening host', 'http://localhost', { origin: 'https://localhost' }],
    ['another port of the listening host', 'http://localhost', { origin: 'http://localhost:8081' }],
  ])(
    'without a public URL, refuses %s (DNS rebinding): only the listening address is this server',
    async (_, url, forged) => {
      const origin = 'origin' in forged ? forged.origin : url;
      const res = await t.h.request('POST', '/api/auth/login', {
        origin: url,
        text: credentials(),
        headers: { 'content-type': 'application/json', ...forged, origin },
      });
      expect(res.status).toBe(403);
      expect(res.headers.get('set-cookie')).toBeNull();
    },
  );

  it('without a public URL, accepts the loopback names of a loopback listener on its port', async () => {
    for (const origin of ['http://localhost', 'http://127.0.0.1:80', 'http://[::1]']) {
      const res = await t.h.request('POST', '/api/auth/login', {
        text: credentials(),
        headers: { 'content-type': 'application/json', origin },
      });
      expect([origin, res.status]).toEqual([origin, 200]);
    }
  });

  it('expects the configured public origin when there is one', async () => {
    const behindProxy = await openHttpHarness(engine, { publicOrigin: 'https://billing.example.org' });
    try {
      const send = (origin: string) =>
        behindProxy.request('POST', '/api/auth/login', {
          text: JSON.stringify({ email: behindProxy.a.users.viewer.email, password: SEED_PASSWORD }),
          headers: { 'content-type': 'application/json', origin },
        });
      expect((await send('http://localhost')).status).toBe(403);
      expect((await send('https://billing.example.org')).status).toBe(200);
    } finally {
      await behindProxy.close();
    }
  });

  it.each([
    ['an API reply', '/api/auth/me', true],
    ['an error reply', '/api/courses/nope', true],
    ['an unknown route', '/api/nope', true],
    ['the health check', '/api/health', false],
  ])('sets the security headers and no-store on %s', async (_, path, withSession) => {
    const res = await t.h.request('GET', path, withSession ? { session: t.session } : {});
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps exports out of caches', async () => {
    const res = await t.h.request('GET', '/api/exports/holds.csv', { session: t.session });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
