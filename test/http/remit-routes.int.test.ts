import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaceRemittances } from '../support/stored-remittances.js';
import type { Page, RemitLineView, RemitPaymentView, RemitSummaryView } from '../../src/app/views.js';
import type { Remittance } from '../../src/core/model/remittance.js';
import { readRemittancesFromBytes } from '../../src/formats/x12/read-835.js';
import { ENGINES } from '../support/db-harness.js';
import { type HttpHarness, openHttpHarness, type Session } from './http-harness.js';

/** Opening a database and seeding it (argon2 hashes) is slow on a loaded 2-core machine. */
const HOOK_TIMEOUT_MS = 60_000;

/**
 * The remittance routes' query validation and response shapes on practice A's hand-written 835s (roles
 * and tenancy of every route: route-roles, tenancy).
 */
describe.each(ENGINES)('remittance routes on %s', { timeout: 30_000 }, (engine) => {
  let h: HttpHarness;
  let biller: Session;
  beforeAll(async () => {
    h = await openHttpHarness(engine);
    biller = await h.session(h.a, 'biller');
    // Practice A's remittances: the hand-written TR3-shaped files of the CLI tests (two payers, two months).
    const remittances: { source: string; remittance: Remittance }[] = [];
    for (const file of ['tr3-2026-04-worklist.835', 'tr3-2026-05-reversal.835']) {
      const bytes = new Uint8Array(await readFile(`test/fixtures/remit/${file}`));
      for (const remittance of readRemittancesFromBytes(bytes, file).remittances)
        remittances.push({ source: file, remittance });
    }
    await h.db.db
      .transaction()
      .execute((trx) => replaceRemittances(h.t.ctx, trx, h.a.practiceId, remittances, '11'));
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => h?.close(), HOOK_TIMEOUT_MS);

  it.each([
    'limit=501',
    'limit=0',
    'offset=-1',
    'matched=yes',
    'category=denied-somehow',
    'queue=appeal-somehow',
    `payer=${'x'.repeat(201)}`,
  ])('refuses ?%s with 400 invalid_input', async (query) => {
    const res = await h.request('GET', `/api/remittances/lines?${query}`, { session: biller });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input' } });
  });

  it.each(['limit=0', 'offset=-1', 'unbalanced=yes', `payer=${'x'.repeat(201)}`])(
    'refuses payments?%s with 400 invalid_input',
    async (query) => {
      const res = await h.request('GET', `/api/remittances/payments?${query}`, { session: biller });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'invalid_input' } });
    },
  );

  it('lists a work queue with its remarks and their meaning, the soonest deadline first', async () => {
    const res = await h.request('GET', '/api/remittances/lines?queue=corrected-claim', { session: biller });
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page<RemitLineView>;
    expect(page.items).toEqual([
      expect.objectContaining({
        claim: 'WQ-3',
        category: 'missing-information',
        queue: 'corrected-claim',
        claimStatus: '4',
        payerClaimControlNumber: 'PCC0003',
        remarks: [{ code: 'N290', meaning: expect.stringMatching(/rendering provider/) }],
        appealBy: null, // a corrected claim answers it, not an appeal
        openCents: expect.any(Number),
      }),
    ]);
    const both = await h.request(
      'GET',
      '/api/remittances/lines?queue=bill-patient-or-secondary&category=coordination-of-benefits',
      {
        session: biller,
      },
    );
    const cob = (await both.json()) as Page<RemitLineView>;
    expect(cob.items.map((l) => [l.claim, l.patientResponsibilityCents, l.openCents, l.appealBy])).toEqual([
      ['WQ-2', 15000, 15000, null], // the patient's balance is billed, not appealed
    ]);
  });

  it('shows a reversal pair netted', async () => {
    const res = await h.request('GET', '/api/remittances/lines?category=reversal', { session: biller });
    const page = (await res.json()) as Page<RemitLineView>;
    expect(
      page.items.map((l) => [
        l.claimStatus,
        l.paidCents,
        l.reversal?.role,
        l.reversal?.partner?.paidCents,
        l.reversal?.netCents,
        l.appealBy,
      ]),
    ).toEqual([
      // A take-back and the payment it cancels are not appealed: no appeal date.
      ['22', -90000, 'take-back', 90000, 0, null],
      ['1', 90000, 'reversed', -90000, 0, null],
    ]);
  });

  it('summarises per category (reversals netted) and per work queue with the soonest deadline', async () => {
    const res = await h.request('GET', '/api/remittances/summary', { session: biller });
    const summary = (await res.json()) as RemitSummaryView;
    expect(summary.byCategory.find((c) => c.category === 'reversal')).toMatchObject({
      lines: 2,
      paidCents: 0,
      takenBackCents: 0,
    });
    expect(summary.queues.find((q) => q.queue === 'retro-authorization')).toEqual({
      queue: 'retro-authorization',
      lines: 1,
      openCents: 39146,
      withoutRate: 0,
      soonestAppealBy: '2026-10-07',
      overdue: 0,
    });
    expect(summary.queues.map((q) => q.queue)).toContain('twice-daily-documentation');
  });

  it('counts a reversed service once in the payer scorecard’s expected amount', async () => {
    const res = await h.request('GET', '/api/remittances/summary', { session: biller });
    const summary = (await res.json()) as RemitSummaryView;
    // EXAMPLE HEALTH PLAN: WQ-1, WQ-3, WQ-4 and WQ-5's corrected claim at the 77412 amount ($391.46 each);
    // WQ-5's original payment and its take-back net out, and the secondary WQ-2 (its primary's payment
    // not on file) has no expected amount of its own.
    expect(summary.payers.find((p) => p.payer === 'EXAMPLE HEALTH PLAN')).toMatchObject({
      expectedCents: 4 * 39146,
      paidCents: 150 * 100 + 1000 * 100,
    });
  });

  it('lists the payments with their PLB reconciled, filtered to those that do not balance', async () => {
    const res = await h.request('GET', '/api/remittances/payments', { session: biller });
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page<RemitPaymentView>;
    expect(
      page.items.map((p) => [
        p.traceNumber,
        p.paidCents,
        p.claimsPaidCents,
        p.providerAdjustmentCents,
        p.balanced,
      ]),
    ).toEqual([
      ['EFT-EHP-0508', 10000, 10000, 0, true],
      ['EFT-MCR-0417', 65000, 90000, 25000, true],
      ['EFT-EHP-0410', 106234, 105000, -1234, true],
    ]);
    expect(page.items[2]!.providerAdjustments).toEqual([
      { reason: 'L6', meaning: 'interest paid by the payer', reference: 'WQ-5', amountCents: -1234 },
    ]);
    const unbalanced = await h.request('GET', '/api/remittances/payments?unbalanced=true', {
      session: biller,
    });
    expect(await unbalanced.json()).toEqual({ items: [], total: 0 });
    const other = await h.request('GET', '/api/remittances/payments', {
      session: await h.session(h.b, 'biller'),
    });
    expect(await other.json()).toEqual({ items: [], total: 0 });
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
    for (const path of ['/api/remittances/lines', '/api/remittances/summary', '/api/remittances/payments']) {
      const res = await h.request('GET', path, { session: physician });
      expect([path, res.status]).toEqual([path, 403]);
    }
  });
});
