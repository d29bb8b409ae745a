import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BILLING } from '../../src/app/setup/demo-billing.js';
import type { BillingSettingsView, PracticeUserView } from '../../src/app/views.js';
import { ENGINES } from '../support/db-harness.js';
import { SEED_PASSWORD } from '../support/seed-rows.js';
import { type HttpHarness, openHttpHarness, type Session } from './http-harness.js';

/** Opening a database and seeding it (argon2 hashes) is slow on a loaded 2-core machine. */
const HOOK_TIMEOUT_MS = 60_000;

/** The practice routes' validation and round trips (roles and tenancy: route-roles, tenancy). */
describe.each(ENGINES)('practice routes on %s', { timeout: 30_000 }, (engine) => {
  let h: HttpHarness;
  let admin: Session;
  beforeAll(async () => {
    h = await openHttpHarness(engine);
    admin = await h.session(h.a, 'admin');
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => h?.close(), HOOK_TIMEOUT_MS);

  it('refuses bad billing settings with 400 and each field located, then saves good ones for billers to read', async () => {
    const bad = { ...DEMO_BILLING, provider: { ...DEMO_BILLING.provider, npi: '1234567890' } };
    const refused = await h.request('PUT', '/api/practice/billing', { session: admin, json: bad });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { error: { issues: { location: string; message: string }[] } };
    expect(body.error.issues).toEqual([
      { location: 'body.provider.npi', message: 'a 10-digit NPI with its check digit' },
    ]);
    expect(JSON.stringify(body)).not.toContain('1234567890');

    const saved = await h.request('PUT', '/api/practice/billing', { session: admin, json: DEMO_BILLING });
    expect(saved.status).toBe(200);
    const read = await h.request('GET', '/api/practice/billing', { session: await h.session(h.a, 'biller') });
    const view = (await read.json()) as BillingSettingsView;
    expect(view.settings?.provider.name).toBe('DEMO RADIATION ONCOLOGY');
    expect(view.missing).toEqual([]);
  });

  it('adds a login that can log in, refuses a short password, disables a login', async () => {
    const short = await h.request('POST', '/api/users', {
      session: admin,
      json: { email: 'new@a.test', role: 'coder', password: 'short' },
    });
    expect(short.status).toBe(400);
    const added = await h.request('POST', '/api/users', {
      session: admin,
      json: { email: 'new@a.test', role: 'coder', displayName: 'New Coder', password: SEED_PASSWORD },
    });
    expect(added.status).toBe(200);
    const users = (await added.json()) as PracticeUserView[];
    const user = users.find((u) => u.email === 'new@a.test')!;
    expect(user).toMatchObject({ role: 'coder', displayName: 'New Coder', disabled: false });
    const login = await h.request('POST', '/api/auth/login', {
      json: { email: 'new@a.test', password: SEED_PASSWORD },
    });
    expect(login.status).toBe(200);

    const disabled = await h.request('POST', `/api/users/${user.id}/disable`, { session: admin });
    expect(((await disabled.json()) as PracticeUserView[]).find((u) => u.id === user.id)?.disabled).toBe(
      true,
    );
    const again = await h.request('POST', '/api/auth/login', {
      json: { email: 'new@a.test', password: SEED_PASSWORD },
    });
    expect(again.status).toBe(401);
    const self = await h.request('POST', `/api/users/${h.a.users.admin.id}/disable`, { session: admin });
    expect(self.status).toBe(409);
  });

  it("refuses an admin an operator login (adding or disabling one): only the operator or the server's CLI", async () => {
    const operator = { email: 'ops@a.test', role: 'operator', password: SEED_PASSWORD };
    const added = await h.request('POST', '/api/users', { session: admin, json: operator });
    const body = (await added.json()) as { error: { code: string; message: string } };
    expect([added.status, body.error.code]).toEqual([403, 'forbidden']);
    expect(body.error.message).toContain('only the installation operator');
    const disable = await h.request('POST', `/api/users/${h.a.users.operator.id}/disable`, {
      session: admin,
    });
    expect(disable.status).toBe(403);
    const byOperator = await h.request('POST', '/api/users', {
      session: await h.session(h.a, 'operator'),
      json: operator,
    });
    expect(
      ((await byOperator.json()) as PracticeUserView[]).find((u) => u.email === 'ops@a.test'),
    ).toMatchObject({ role: 'operator' });
  });
});
