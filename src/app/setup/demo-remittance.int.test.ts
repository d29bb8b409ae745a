import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type TestDatabase } from '../../../test/support/db-harness.js';
import { DEMO_HOOK_TIMEOUT_MS, openDemoPractice } from '../../../test/support/demo-harness.js';
import type { TestContext } from '../../../test/support/test-context.js';
import { REMIT_CATEGORIES } from '../../core/remit/remit-category.js';
import { readRemittancesFromBytes } from '../../formats/x12/read-835.js';
import { demoRemittances } from './demo-remittance.js';

/**
 * The demo practice's 835s show every remittance category a billing team meets (domain.md §4, §6.1),
 * from several payers, as the whole pipeline stores them: read, matched to the claims sent, classified
 * and paired across payments.
 */
describe.each(ENGINES)('the demo remittances on %s', (engine) => {
  let tdb: TestDatabase;
  let t: TestContext;
  let practiceId: string;
  const lines = () =>
    t.ctx.db
      .selectFrom('remit_lines')
      .select([
        'category',
        'payer_id',
        'claim_status',
        'claim_pcn',
        'code',
        'modifiers',
        'carcs',
        'remarks',
        'paid_cents',
        'billed_cents',
        'reversal_role',
        'charge_id',
        'payment_date',
        'appeal_by',
        'queue',
        'open_cents',
        'message',
      ])
      .where('practice_id', '=', practiceId)
      .execute();

  beforeAll(async () => {
    ({ tdb, t, practiceId } = await openDemoPractice(engine));
  }, DEMO_HOOK_TIMEOUT_MS);
  afterAll(() => tdb?.close());

  it('writes one balanced 835 per payer and payment, from the five payers of the demo courses', async () => {
    const through = new Date(t.ctx.now() - 86_400_000).toISOString().slice(0, 10);
    const files = await demoRemittances(t.ctx, practiceId, through);
    const payers = new Set<string>();
    for (const f of files) {
      const read = readRemittancesFromBytes(f.bytes, f.name);
      expect(read.problems, f.name).toEqual([]);
      expect(read.warnings, f.name).toEqual([]); // balancing (TR3 1.10.2.1) is checked by the reader
      expect(read.remittances).toHaveLength(1);
      payers.add(read.remittances[0]!.payer.id!);
    }
    expect(payers.size).toBe(5);
    const payments = await t.ctx.db
      .selectFrom('remit_payments')
      .select(['payer_id', 'balanced', 'provider_adjustments'])
      .where('practice_id', '=', practiceId)
      .execute();
    expect(payments).toHaveLength(files.length);
    expect(payments.every((p) => p.balanced)).toBe(true);
    const plb = payments.flatMap((p) => p.provider_adjustments as { reason: string; amountCents: number }[]);
    expect(plb.find((a) => a.reason === 'L6')?.amountCents).toBeLessThan(0); // interest adds to the payment
    expect(plb.find((a) => a.reason === 'WO')?.amountCents).toBeGreaterThan(0); // a recoupment withholds
  });

  it('shows every category of the contract, from at least three payers, every line matched to its charge', async () => {
    const all = await lines();
    const categories = new Set(all.map((l) => l.category));
    // All but the payer's unbalanced amounts: the demo 835s balance (the first test).
    for (const category of REMIT_CATEGORIES.filter((c) => c !== 'unbalanced-amounts'))
      expect(categories, category).toContain(category);
    expect(new Set(all.map((l) => l.payer_id)).size).toBeGreaterThanOrEqual(3);
    const unpaid = all.filter((l) => l.category !== 'paid-as-expected');
    expect(new Set(unpaid.map((l) => l.payer_id)).size).toBeGreaterThanOrEqual(3);
    expect(all.filter((l) => l.charge_id === null)).toEqual([]);
  });

  it('reads each case the demo payers send by group first, then reason', async () => {
    const all = await lines();
    const find = (test: (l: (typeof all)[number]) => boolean) => all.filter(test).map((l) => l.category);
    const has = (l: (typeof all)[number], carc: string) => l.carcs.split(',').includes(carc);
    // The deductible taking the whole allowed amount, on a 77412 and on a 77387-26: the patient owes it.
    expect(find((l) => l.code === '77412' && has(l, 'PR-1') && Number(l.paid_cents) === 0)).toEqual([
      'patient-responsibility',
    ]);
    expect(
      find((l) => l.code === '77387' && has(l, 'PR-1') && Number(l.paid_cents) === 0).length,
    ).toBeGreaterThanOrEqual(1);
    expect(new Set(find((l) => l.code === '77387' && has(l, 'PR-1')))).toEqual(
      new Set(['patient-responsibility']),
    );
    for (const carc of ['PR-2', 'PR-3'])
      expect(
        find((l) => l.claim_status === '1' && has(l, carc)),
        carc,
      ).toContain('patient-responsibility');
    // The supplemental plan's payment after the primary forwarded the claim.
    expect(new Set(find((l) => l.claim_status === '2' && has(l, 'OA-23')))).toEqual(
      new Set(['coordination-of-benefits']),
    );
    expect(find((l) => l.claim_status === '19').length).toBeGreaterThan(0);
    // The primary's share the supplemental plan paid is settled: no queue, nothing open on the claim.
    const secondaryPaid = new Set(all.filter((l) => l.claim_status === '2').map((l) => l.claim_pcn));
    const settled = all.filter((l) => l.claim_status === '19' && secondaryPaid.has(l.claim_pcn));
    expect(settled.length).toBeGreaterThan(0);
    expect(settled.map((l) => [l.queue, Number(l.open_cents)])).toEqual(settled.map(() => [null, 0]));
    expect(settled.every((l) => /The secondary paid \$/.test(String(l.message)))).toBe(true);
    expect(find((l) => l.claim_status === '19')).not.toContain('other-denial');
    expect(find((l) => has(l, 'CO-151'))).toEqual(['frequency-denial']);
    expect(find((l) => has(l, 'CO-16') && l.remarks.split(',').includes('N290'))).toEqual([
      'missing-information',
    ]);
    expect(new Set(find((l) => has(l, 'CO-197')))).toEqual(
      new Set(['authorization-2025', 'authorization-denial']),
    );
    // CO-197 on a 2026 date with a 2026 authorization on file, and on traditional Medicare (no prior
    // authorization for radiation therapy: a corrected claim, not a retro-authorization): both
    // authorization denials.
    const co197 = all.filter((l) => has(l, 'CO-197') && l.category === 'authorization-denial');
    expect(
      co197.filter(
        (l) =>
          l.queue === 'corrected-claim' &&
          /traditional Medicare has no prior authorization/.test(String(l.message)),
      ),
    ).toHaveLength(1);
    expect(
      co197.filter((l) => /(an authorization|authorization \S+) is on file/.test(String(l.message))),
    ).toHaveLength(1);
    // And from a commercial payer with no authorization on file: a retro-authorization to request.
    expect(
      co197
        .filter((l) => /no authorization on file/.test(String(l.message)))
        .map((l) => [l.payer_id, l.queue]),
    ).toEqual([[expect.stringMatching(/^SYN(PPO|UHC)01$/), 'retro-authorization']]);
    // The appeal clock follows the payer: Medicare Part B redetermination 120 days, the Medicare
    // Advantage plan (declared so in the payer settings) 60, the PPO 180.
    const days = (l: (typeof all)[number]) =>
      (Date.parse(String(l.appeal_by)) - Date.parse(String(l.payment_date))) / 86_400_000;
    expect(all.filter((l) => has(l, 'CO-151')).map(days)).toEqual([120]);
    const advantage = all.filter((l) => l.payer_id === 'SYNMAH01');
    expect(advantage.filter((l) => has(l, 'CO-50')).map((l) => [l.queue, days(l)])).toEqual([['appeal', 60]]);
    expect(new Set(all.filter((l) => l.claim_status === '4').map(days))).toEqual(new Set([180]));
    // Hidden zero payments under CLP02 1 and under CLP02 4 (a claim denied with only CO-45).
    for (const status of ['1', '4'])
      expect(
        find((l) => l.claim_status === status && l.carcs === 'CO-45' && Number(l.paid_cents) === 0),
        status,
      ).toContain('zero-paid-no-denial-code');
  });

  it('pairs the take-back with the payment it reverses: they net out, and the correction follows', async () => {
    const all = await lines();
    const back = all.filter((l) => l.claim_status === '22');
    expect(back.length).toBeGreaterThan(0);
    expect(new Set(back.map((l) => l.reversal_role))).toEqual(new Set(['take-back']));
    const pcn = back[0]!.claim_pcn;
    const pair = all.filter((l) => l.claim_pcn === pcn && l.reversal_role !== 'correction');
    expect(new Set(pair.map((l) => l.reversal_role))).toEqual(new Set(['take-back', 'reversed']));
    expect(new Set(pair.map((l) => l.category))).toEqual(new Set(['reversal']));
    expect(pair.reduce((n, l) => n + Number(l.paid_cents), 0)).toBe(0);
    expect(pair.reduce((n, l) => n + Number(l.billed_cents), 0)).toBe(0);
    const corrected = all.filter((l) => l.claim_pcn === pcn && l.reversal_role === 'correction');
    expect(corrected).toHaveLength(back.length);
    expect(corrected.every((l) => Number(l.paid_cents) > 0)).toBe(true);
  });
});
