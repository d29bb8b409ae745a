import { describe, expect, it } from 'vitest';
import { cas, remitClaim, remitLine } from '../../../test/support/remit-builder.js';
import type { Adjustment, RemitClaim, RemitServiceLine, Remittance } from '../model/remittance.js';
import { claimBalance, lineBalance, paymentBalance } from './balance-835.js';

function line(chargeCents: number, paidCents: number, adjustments: Adjustment[]): RemitServiceLine {
  return remitLine({ chargeCents, paidCents, adjustments, location: 'f:ST[1]/2100[1]/2110[1]' });
}

function claim(
  chargeCents: number,
  paidCents: number,
  adjustments: Adjustment[],
  lines: RemitServiceLine[],
): RemitClaim {
  return remitClaim({
    patientControlNumber: 'PCN-1',
    status: chargeCents < 0 ? '22' : '1',
    chargeCents,
    paidCents,
    payerClaimControlNumber: null,
    facilityType: null,
    statementFrom: null,
    statementTo: null,
    adjustments,
    lines,
    location: 'f:ST[1]/2100[1]',
  });
}

describe('lineBalance: SVC02 − SVC03 = Σ line CAS (TR3 1.10.2.1.1)', () => {
  it.each([
    [
      'balanced, contractual and coinsurance',
      line(150000, 70000, [cas('CO', '45', 60000), cas('PR', '2', 20000)]),
      0,
    ],
    ['paid in full, no CAS', line(50000, 50000, []), 0],
    [
      'a negative adjustment (OA-94) increases the paid amount',
      line(54100, 3400, [cas('OA', '23', 51600), cas('OA', '94', -900)]),
      0,
    ],
    ['a reversal: every amount negated', line(-150000, -70000, [cas('CO', '45', -80000)]), 0],
    ['CAS short by 10.00', line(150000, 70000, [cas('CO', '45', 79000)]), 1000],
    ['CAS over by 0.01', line(100, 0, [cas('CO', '97', 101)]), -1],
  ])('%s', (_name, l, difference) => {
    expect(lineBalance(l).differenceCents).toBe(difference);
  });
});

describe('claimBalance: CLP03 − CLP04 = Σ CAS of the claim and its lines (TR3 1.10.2.1.2)', () => {
  const lines = [line(150000, 70000, [cas('CO', '45', 80000)]), line(60000, 20000, [cas('CO', '45', 40000)])];
  it.each([
    ['line adjustments only', claim(210000, 90000, [], lines), 0],
    ['claim and line adjustments', claim(220000, 90000, [cas('CO', 'A2', 10000)], lines), 0],
    [
      'claim-level adjudication, no lines',
      claim(150000, 0, [cas('CO', '45', 120000), cas('PR', '1', 30000)], []),
      0,
    ],
    ['a reversal', claim(-150000, -70000, [], [line(-150000, -70000, [cas('CO', '45', -80000)])]), 0],
    ['an adjustment counted at both levels', claim(210000, 90000, [cas('CO', '45', 40000)], lines), -40000],
    ['no lines and no CAS', claim(150000, 0, [], []), 150000],
  ])('%s', (_name, c, difference) => {
    const b = claimBalance(c);
    expect(b.differenceCents).toBe(difference);
    expect(b.leftCents - b.rightCents).toBe(difference);
  });
});

describe('paymentBalance: BPR02 = Σ CLP04 − Σ PLB (TR3 1.10.2.1.3)', () => {
  const remittance = (
    totalPaidCents: number,
    paid: number[],
    plb: number[],
    creditDebit: string | null = 'C',
  ): Remittance => ({
    traceNumber: 'EFT1',
    payerTraceId: null,
    totalPaidCents,
    handling: 'I',
    creditDebit,
    paymentDate: null,
    payer: { name: null, id: null },
    payee: { name: null, npi: null, taxId: null },
    claims: paid.map((p) => claim(p, p, [], [])),
    providerAdjustments: plb.map((amountCents) => ({ reason: 'WO', reference: null, amountCents })),
    location: 'f:ST[1]',
  });
  it.each([
    [
      'claims only',
      remittance(90000, [90000, 0], []),
      {
        claimsPaidCents: 90000,
        providerAdjustmentCents: 0,
        paidCents: 90000,
        differenceCents: 0,
        refusedClaims: [],
      },
    ],
    [
      'L6 interest (negative PLB) and WO recoupment (positive PLB)',
      remittance(76240, [90000, 0], [-1240, 15000]),
      {
        claimsPaidCents: 90000,
        providerAdjustmentCents: 13760,
        paidCents: 76240,
        differenceCents: 0,
        refusedClaims: [],
      },
    ],
    [
      'a recoupment taking the whole payment to zero',
      remittance(0, [20000], [20000]),
      {
        claimsPaidCents: 20000,
        providerAdjustmentCents: 20000,
        paidCents: 0,
        differenceCents: 0,
        refusedClaims: [],
      },
    ],
    [
      'a reversal netting against its correction',
      remittance(20000, [-70000, 90000], []),
      {
        claimsPaidCents: 20000,
        providerAdjustmentCents: 0,
        paidCents: 20000,
        differenceCents: 0,
        refusedClaims: [],
      },
    ],
    [
      'a debit (BPR03 D) is a negative payment',
      remittance(70000, [-70000], [], 'D'),
      {
        claimsPaidCents: -70000,
        providerAdjustmentCents: 0,
        paidCents: -70000,
        differenceCents: 0,
        refusedClaims: [],
      },
    ],
    [
      'interest sent with the wrong sign',
      remittance(76240, [90000], [1240, 15000]),
      {
        claimsPaidCents: 90000,
        providerAdjustmentCents: 16240,
        paidCents: 76240,
        differenceCents: -2480,
        refusedClaims: [],
      },
    ],
    [
      'a record read before BPR03 was kept (no creditDebit)',
      remittance(90000, [90000], [], null),
      {
        claimsPaidCents: 90000,
        providerAdjustmentCents: 0,
        paidCents: 90000,
        differenceCents: 0,
        refusedClaims: [],
      },
    ],
  ])('%s', (_name, r, expected) => {
    expect(paymentBalance(r)).toEqual(expected);
  });
});
