import { describe, expect, it } from 'vitest';
import type { ReferenceRelease } from './mpfs-payment.js';
import { expectedOppsPayment, type OppsRate, oppsData } from './opps-payment.js';

const release: ReferenceRelease = {
  id: 'OPPS26A',
  year: 2026,
  quarter: 1,
  effectiveFrom: '2026-01-01',
  effectiveTo: '2026-03-31',
  source: 'Addendum B January 2026 (synthetic)',
};
const rate = (hcpcs: string, si: string, apc: string | null, cents: number | null): OppsRate => ({
  hcpcs,
  statusIndicator: si,
  apc,
  relativeWeight: null,
  paymentRateCents: cents,
  nationalCopaymentCents: null,
  minimumCopaymentCents: null,
  location: `addb:${hcpcs}`,
});
const DATA = oppsData(release, [
  rate('77402', 'S', '5621', 10424),
  rate('77407', 'S', '5622', 39405),
  rate('77412', 'S', '5623', 56451),
  rate('77387', 'N', null, null),
]);

describe('expectedOppsPayment', () => {
  it.each([
    // code, modifiers, wage index, cents, APC
    ['77412', [], undefined, 56451, '5623'],
    ['77407', [], undefined, 39405, '5622'],
    ['77402', ['76'], undefined, 10424, '5621'],
    ['77412', [], 9512, 54798, '5623'],
    ['77407', [], 12000, 44134, '5622'],
    ['77407', [], 10000, 39405, '5622'],
  ] as const)('%s %j, wage index %s → %i cents (APC %s)', (code, modifiers, wageIndex, cents, apc) => {
    const r = expectedOppsPayment([DATA], {
      code,
      modifiers,
      dateOfService: '2026-02-02',
      ...(wageIndex !== undefined && { wageIndex }),
    });
    expect(r).toMatchObject({ ok: true, cents, apc, statusIndicator: 'S', release: 'OPPS26A' });
  });

  it.each([
    ['77387', ['26'], '2026-02-02', 'professional'],
    ['77387', [], '2026-02-02', 'not-paid'],
    ['77301', [], '2026-02-02', 'no-rate'],
    ['77412', [], '2026-04-01', 'no-release'],
  ] as const)('%s %j on %s → %s', (code, modifiers, dateOfService, reason) => {
    expect(expectedOppsPayment([DATA], { code, modifiers, dateOfService })).toMatchObject({
      ok: false,
      reason,
    });
  });
});
