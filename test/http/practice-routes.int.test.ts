import { describe, expect, it } from 'vitest';
import { DEMO_BILLING } from '../../src/app/setup/demo-billing.js';
import type { BillingSettingsView, PracticeUserView } from '../../src/app/views.js';
import { ENGINES } from '../support/db-harness.js';
import { SEED_PASSWORD } from '../support/seed-rows.js';
import { httpSuite } from './http-harness.js';

/** The practice routes' validation and round trips (roles and tenancy: route-roles, tenancy). */
describe.each(ENGINES)('practice routes on %s', { timeout: 30_000 }, (engine) => {
  const t = httpSuite(engine, 'admin');

  it('refuses bad billing settings with 400 and each field located, then saves good ones for billers to read', async () => {
    const bad = { ...DEMO_BILLING, provider: { ...DEMO_BILLING.provider, npi: '1234567890' } };
    const refused = await t.h.request('PUT', '/api/practice/billing', { session: t.session, json: bad });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { error: { issues: { location: string; message: string }[] } };
    expect(body.error.issues).toEqual([
      { location: 'body.provider.npi', message: 'a 10-digit NPI with its check digit' },
    ]);
    expect(JSON.stringify(body)).not.toContain('1234567890');

    const saved = await t.h.request('PUT', '/api/practice/billing', {
      session: t.session,
      json: DEMO_BILLING,
    });
    expect(saved.status).toBe(200);
    const read = await t.h.request('GET', '/api/practice/billing', {
      session: await t.h.session(t.h.a, 'biller'),
    });
    const view = (await read.json()) as BillingSettingsView;
    expect(view.settings?.provider.name).toBe('DEMO RADIATION ONCOLOGY');
    expect(view.missing).toEqual([]);
  });

  it('adds a login that can log in, refuses a short password, disables a login', async () => {
    const short = await t.h.request('POST', '/api/users', {
      session: t.session,
      json: { email: 'new@a.test', role: 'coder', password: 'short' },
    });
    expect(short.status).toBe(400);
    const added = await t.h.request('POST', '/api/users', {
      session: t.session,
      json: { email: 'new@a.test', role: 'coder', displayName: 'New Coder', password: SEED_PASSWORD },
    });
    expect(added.status).toBe(200);
    const users = (await added.json()) as PracticeUserView[];
    const user = users.find((u) => u.email === 'new@a.test')!;
    expect(user).toMatchObject({ role: 'coder', displayName: 'New Coder', disabled: false });
    const login = await t.h.request('POST', '/api/auth/login', {
      json: { email: 'new@a.test', password: SEED_PASSWORD },
    });
    expect(login.status).toBe(200);

    const disabled = await t.h.request('POST', `/api/users/${user.id}/disable`, { session: t.session });
    expect(((await disabled.json()) as PracticeUserView[]).find((u) => u.id === user.id)?.disabled).toBe(
      true,
    );
    const again = await t.h.request('POST', '/api/auth/login', {
      json: { email: 'new@a.test', password: SEED_PASSWORD },
    });
    expect(again.status).toBe(401);
    const self = await t.h.request('POST', `/api/users/${t.h.a.users.admin.id}/disable`, {
      session: t.session,
    });
    expect(self.status).toBe(409);
  });

  it("refuses an admin an operator login (adding or disabling one): only the operator or the server's CLI", async () => {
    const operator = { email: 'ops@a.test', role: 'operator', password: SEED_PASSWORD };
    const added = await t.h.request('POST', '/api/users', { session: t.session, json: operator });
    const body = (await added.json()) as { error: { code: string; message: string } };
    expect([added.status, body.error.code]).toEqual([403, 'forbidden']);
    expect(body.error.message).toContain('only the installation operator');
    const disable = await t.h.request('POST', `/api/users/${t.h.a.users.operator.id}/disable`, {
      session: t.session,
    });
    expect(disable.status).toBe(403);
    const byOperator = await t.h.request('POST', '/api/users', {
      session: await t.h.session(t.h.a, 'operator'),
      json: operator,
    });
    expect(
      ((await byOperator.json()) as PracticeUserView[]).find((u) => u.email === 'ops@a.test'),
    ).toMatchObject({ role: 'operator' });
  });
});
