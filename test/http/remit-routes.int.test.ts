import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RemitLineView, RemitSummaryView, Page } from '../../src/app/views.js';
import { ENGINES } from '../support/db-harness.js';
import { type HttpHarness, openHttpHarness, type Session } from './http-harness.js';

/** Opening a database and seeding it (argon2 hashes) is slow on a loaded 2-core machine. */
const HOOK_TIMEOUT_MS = 60_000;

/** The remittance routes' query validation and response shapes (roles and tenancy: route-roles, tenancy). */
describe.each(ENGINES)('remittance routes on %s', { timeout: 30_000 }, (engine) => {
  let h: HttpHarness;
  let biller: Session;
  beforeAll(async () => {
    h = await openHttpHarness(engine);
    biller = await h.session(h.a, 'biller');
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => h?.close(), HOOK_TIMEOUT_MS);

  it.each([
    'limit=501',
    'limit=0',
    'offset=-1',
    'matched=yes',
    'category=denied-somehow',
    `payer=${'x'.repeat(201)}`,
  ])('refuses ?%s with 400 invalid_input', async (query) => {
    const res = await h.request('GET', `/api/remittances/lines?${query}`, { session: biller });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input' } });
  });

  it('lists lines as a page, filtered by category, payer and matched', async () => {
    const res = await h.request(
      'GET',
      '/api/remittances/lines?category=downcoded&payer=Medicare&matched=false&limit=500',
      { session: biller },
    );
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page<RemitLineView>;
    expect(page.total).toBeGreaterThanOrEqual(page.items.length);
    for (const line of page.items) {
      expect(line).toMatchObject({ category: 'downcoded', payer: 'Medicare', chargeId: null });
    }
  });

  it('summarises per category and per payer', async () => {
    const res = await h.request('GET', '/api/remittances/summary', { session: biller });
    expect(res.status).toBe(200);
    const summary = (await res.json()) as RemitSummaryView;
    expect(Array.isArray(summary.byCategory)).toBe(true);
    expect(Array.isArray(summary.payers)).toBe(true);
    expect(typeof summary.unmatched).toBe('number');
  });

  it('refuses physicians', async () => {
    const physician = await h.session(h.a, 'physician');
    for (const path of ['/api/remittances/lines', '/api/remittances/summary']) {
      const res = await h.request('GET', path, { session: physician });
      expect([path, res.status]).toEqual([path, 403]);
    }
  });
});
