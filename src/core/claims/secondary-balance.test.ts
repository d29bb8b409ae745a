import { describe, expect, it } from 'vitest';
import { cas, remitClaim, remitLine } from '../../../test/support/remit-builder.js';
import type { Adjustment, RemitClaim, RemitServiceLine } from '../model/remittance.js';
import { providerLiabilityOnly, secondaryBalanceRefusal } from './secondary-balance.js';

// 835 CAS shapes (005010X221A1 2110 CAS group/CARC/amount): PR-1 deductible, PR-2 coinsurance,
// CO-45 contractual, CO-197 precertification absent, OA-23 prior payer.
const line = (paidCents: number, ...adjustments: Adjustment[]): RemitServiceLine =>
  remitLine({ paidCents, adjustments, lineControlNumber: 'L1' });
const claim = (lines: RemitServiceLine[], adjustments: Adjustment[] = []): RemitClaim =>
  remitClaim({
    chargeCents: 60000 * lines.length,
    paidCents: lines.reduce((n, l) => n + l.paidCents, 0),
    adjustments,
    lines,
  });

describe('a secondary claim carries what the primary left to the patient', () => {
  // prettier-ignore
  const CASES: [string, RemitClaim, RegExp | null][] = [
    ['coinsurance left (PR-2)', claim([line(30000, cas('CO', '45', 22500), cas('PR', '2', 7500))]), null],
    ['deductible only (PR-1, nothing paid)', claim([line(0, cas('CO', '45', 22500), cas('PR', '1', 37500))]), null],
    ['claim-level PR', claim([line(37500, cas('CO', '45', 22500))], [cas('PR', '3', 2000)]), null],
    ['CO-197 denial, nothing to the patient', claim([line(0, cas('CO', '197', 60000))]), /nothing to the patient.*CO-197/],
    ['paid in full after contractual, no PR', claim([line(37500, cas('CO', '45', 22500))]), /nothing to the patient/],
    ['one line PR, one line CO-197', claim([line(30000, cas('CO', '45', 22500), cas('PR', '2', 7500)), line(0, cas('CO', '197', 60000))]), null],
  ];
  it.each(CASES)('%s', (_name, answer, refusal) => {
    const r = secondaryBalanceRefusal(answer);
    if (refusal === null) expect(r).toBeNull();
    else expect(r).toMatch(refusal);
  });

  // prettier-ignore
  const LINES: [string, RemitServiceLine, boolean][] = [
    ['CO-197 denied, nothing paid: left out', line(0, cas('CO', '197', 60000)), true],
    ['CO-50 denied: left out', line(0, cas('CO', '50', 60000)), true],
    ['deductible (PR-1) with CO-45: forwarded', line(0, cas('CO', '45', 22500), cas('PR', '1', 37500)), false],
    ['paid with coinsurance: forwarded', line(30000, cas('CO', '45', 22500), cas('PR', '2', 7500)), false],
    ['paid, CO-45 only: forwarded (the secondary sees the whole claim)', line(37500, cas('CO', '45', 22500)), false],
    ['nothing paid, OA-23 only: forwarded', line(0, cas('OA', '23', 60000)), false],
  ];
  it.each(LINES)('%s', (_name, l, out) => expect(providerLiabilityOnly(l)).toBe(out));
});
