import { describe, expect, it } from 'vitest';
import type { ReversalLink } from '../../core/remit/pair-reversals.js';
import { lineIncome, openCents, partnerLines, rateUnknown, shortCents } from './reversal-lines.js';

const line = (claimId: string, code: string, paidCents: number, dateOfService = '2026-03-02') => ({
  claimId,
  code,
  modifiers: [] as string[],
  dateOfService,
  billedCents: paidCents < 0 ? -60000 : 60000,
  paidCents,
});
const partner = (id: string) => ({ id, payerClaimControlNumber: null, paymentDate: null, source: 'x' });

describe('partnerLines (a take-back repeats its original’s lines negated: X12 835 CLP02 22)', () => {
  it('pairs by service, both ways for a take-back, one way for a correction', () => {
    const original = [line('o', '77412', 40000), line('o', '77387', 3000)];
    const takeBack = [line('t', '77387', -3000), line('t', '77412', -40000)];
    const correction = [line('c', '77412', 45000)];
    const links = new Map<string, ReversalLink>([
      ['t', { role: 'take-back', partner: partner('o') }],
      ['o', { role: 'reversed', partner: partner('t') }],
      ['c', { role: 'correction', partner: partner('o') }],
    ]);
    const pairs = partnerLines([...original, ...takeBack, ...correction], links);
    expect(pairs.get(takeBack[0]!)).toBe(original[1]);
    expect(pairs.get(original[1]!)).toBe(takeBack[0]);
    expect(pairs.get(takeBack[1]!)).toBe(original[0]);
    expect(pairs.get(original[0]!)).toBe(takeBack[1]);
    expect(pairs.get(correction[0]!)).toBe(original[0]);
    expect(pairs.size).toBe(5);
  });

  it('leaves an unpaired take-back alone', () => {
    const takeBack = line('t', '77412', -40000);
    expect(partnerLines([takeBack], new Map([['t', { role: 'take-back', partner: null }]])).size).toBe(0);
  });
});

describe('lineIncome (domain.md §6.1: a reversal is never income)', () => {
  it.each([
    ['a payment', { paidCents: 40000, role: null }, undefined, 40000, 0],
    ['a paired take-back', { paidCents: -40000, role: 'take-back' }, { paidCents: 40000 }, 0, 0],
    ['the payment it reverses: net', { paidCents: 40000, role: 'reversed' }, { paidCents: -40000 }, 0, 0],
    [
      'a partial take-back: what is left',
      { paidCents: 40000, role: 'reversed' },
      { paidCents: -10000 },
      30000,
      0,
    ],
    ['an unpaired take-back: taken back', { paidCents: -40000, role: 'take-back' }, undefined, 0, 40000],
    ['a correction: income', { paidCents: 45000, role: 'correction' }, { paidCents: 40000 }, 45000, 0],
  ] as const)('%s', (_, l, p, income, takenBack) => {
    expect(lineIncome(l, p)).toEqual({ incomeCents: income, takenBackCents: takenBack });
  });
});

describe('openCents: what a queue still has to recover', () => {
  const base = {
    billedCents: 60000,
    paidCents: 0,
    allowedCents: 0,
    patientResponsibilityCents: 0,
    expectedCents: 39146,
  };
  it.each([
    ['nothing to do', { ...base, queue: null }, 0],
    [
      'the patient’s share',
      { ...base, queue: 'bill-patient-or-secondary', patientResponsibilityCents: 42000 },
      42000,
    ],
    [
      'the next payer’s share',
      { ...base, queue: 'secondary-claim', patientResponsibilityCents: 15000 },
      15000,
    ],
    ['a take-back to review', { ...base, queue: 'reversal-review', paidCents: -40000 }, 40000],
    [
      'an underpayment',
      { ...base, queue: 'underpayment-dispute', paidCents: 20000, allowedCents: 20000 },
      19146,
    ],
    ['a denial: the expected amount', { ...base, queue: 'corrected-claim' }, 39146],
    [
      'a denial with no expected amount: nothing counted (the charge is not what the payer owes)',
      { ...base, queue: 'appeal', expectedCents: null },
      0,
    ],
    ['a downcode: expected less paid', { ...base, queue: 'appeal', paidCents: 31764 }, 7382],
  ] as const)('%s', (_, line, open) => {
    expect(openCents(line)).toBe(open);
  });
});

describe('shortCents', () => {
  it('is expected less allowed, never for a reversal', () => {
    expect(shortCents({ category: 'underpaid', expectedCents: 39146, allowedCents: 20000 })).toBe(19146);
    expect(shortCents({ category: 'reversal', expectedCents: 39146, allowedCents: -40000 })).toBe(0);
    expect(shortCents({ category: 'paid-as-expected', expectedCents: null, allowedCents: 0 })).toBe(0);
  });
});

describe('rateUnknown: a line whose open amount is unknown for want of a rate', () => {
  it.each([
    ['a hidden zero with no rate', { queue: 'payer-reprocess', expectedCents: null }, true],
    ['a hidden zero with a rate', { queue: 'payer-reprocess', expectedCents: 39146 }, false],
    ['the patient’s share needs no rate', { queue: 'bill-patient-or-secondary', expectedCents: null }, false],
    ['nothing to do', { queue: null, expectedCents: null }, false],
  ] as const)('%s', (_, line, unknown) => {
    expect(rateUnknown(line)).toBe(unknown);
  });
});
