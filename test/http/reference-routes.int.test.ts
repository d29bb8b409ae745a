import { describe, expect, it } from 'vitest';
import { readContractRates } from '../../src/app/reference/read-contract-rates.js';
import type { ContractRateView, ExpectedRateView, PayerSettingView } from '../../src/app/views.js';
import { ENGINES } from '../support/db-harness.js';
import { httpSuite } from './http-harness.js';

const form = (name: string, text: string) => {
  const f = new FormData();
  f.append('files', new File([new TextEncoder().encode(text)], name));
  return f;
};

/** The reference routes' uploads, validation and round trips (roles and tenancy: route-roles, tenancy). */
describe.each(ENGINES)('reference routes on %s', { timeout: 30_000 }, (engine) => {
  const t = httpSuite(engine, 'biller');

  it('refuses a bad contract CSV with 400 and the located problems; stores nothing', async () => {
    const res = await t.h.request('POST', '/api/contract-rates/import', {
      session: t.session,
      form: form(
        'rates.csv',
        'payer,code,modifier,rate,effective_from,effective_to\nUHC,77412,25,1,2026-01-01,\n',
      ),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'invalid_input', issues: [{ location: 'rates.csv:line 2, column "modifier"' }] },
    });
  });

  it('imports a contract CSV, lists it, exports it in the same layout and prices with it', async () => {
    const csv =
      'payer,code,modifier,rate,effective_from,effective_to\nUHC,77412,,"$1,234.50",2026-01-01,2026-12-31\n';
    const res = await t.h.request('POST', '/api/contract-rates/import', {
      session: t.session,
      form: form('rates.csv', csv),
    });
    expect(res.status).toBe(200);
    const rates = (await (
      await t.h.request('GET', '/api/contract-rates', { session: t.session })
    ).json()) as ContractRateView[];
    expect(rates.find((r) => r.payer === 'UHC')).toMatchObject({
      code: '77412',
      cents: 123450,
      effectiveTo: '2026-12-31',
    });
    const exported = await t.h.request('GET', '/api/contract-rates/export/csv', { session: t.session });
    expect(exported.headers.get('content-disposition')).toContain('contract-rates.csv');
    const back = readContractRates(new Uint8Array(await exported.arrayBuffer()), 'export.csv');
    expect(back.ok && back.value.rows.find((r) => r.payer === 'UHC')).toMatchObject({ cents: 123450 });
    const expected = (await (
      await t.h.request('GET', '/api/reference/expected?code=77412&payer=uhc&dateOfService=2026-06-01', {
        session: t.session,
      })
    ).json()) as ExpectedRateView;
    expect(expected).toMatchObject({ cents: 123450, basis: 'contract' });
  });

  it('saves a payer window and refuses one out of range', async () => {
    const bad = await t.h.request('PUT', '/api/payer-settings', {
      session: t.session,
      json: { payer: 'UHC', appealDays: 0 },
    });
    expect(bad.status).toBe(400);
    const ok = await t.h.request('PUT', '/api/payer-settings', {
      session: t.session,
      json: { payer: 'UHC', appealDays: 90 },
    });
    expect(((await ok.json()) as PayerSettingView[]).find((p) => p.payer === 'UHC')).toMatchObject({
      appealDays: 90,
      saved: true,
    });
    // Declared Medicare Advantage without a window of its own: 60 days (CMS Part C reconsideration).
    const ma = await t.h.request('PUT', '/api/payer-settings', {
      session: t.session,
      json: { payer: 'UHC', payerKind: 'medicare-advantage', appealDays: null },
    });
    expect(((await ma.json()) as PayerSettingView[]).find((p) => p.payer === 'UHC')).toMatchObject({
      payerKind: 'medicare-advantage',
      appealDays: 60,
      ownWindow: false,
    });
    const odd = await t.h.request('PUT', '/api/payer-settings', {
      session: t.session,
      json: { payer: 'UHC', payerKind: 'medicaid' },
    });
    expect(odd.status).toBe(400);
  });

  it('lets a coder read but not change', async () => {
    const coder = await t.h.session(t.h.a, 'coder');
    expect((await t.h.request('GET', '/api/contract-rates', { session: coder })).status).toBe(200);
    const res = await t.h.request('POST', '/api/contract-rates', {
      session: coder,
      json: { payer: 'UHC', code: '77407', modifier: '', cents: 1, effectiveFrom: '2026-01-01' },
    });
    expect(res.status).toBe(403);
  });
});
