import { describe, expect, it } from 'vitest';
import type { RemitClaim } from '../../core/model/remittance.js';
import { type PayerAnswer, primaryAnswer, standingAnswer } from './stored-remit-claims.js';

/*
 * Which payer's answer a secondary claim (837 TR3 2320/2330/2430) and a replacement's REF*F8 carry,
 * from 835 CLP loops as 005010X221A1 lays them out (CLP02 status, CLP07 payer claim control number).
 */
function answer(
  payer: string,
  status: string,
  ccn: string,
  paidCents: number,
  paymentDate: string,
): PayerAnswer {
  const claim: RemitClaim = {
    patientControlNumber: 'C-1',
    status,
    chargeCents: status === '22' ? -60000 : 60000,
    paidCents,
    patientResponsibilityCents: null,
    payerClaimControlNumber: ccn,
    facilityType: '11',
    memberId: null,
    crossoverPayer: null,
    statementFrom: '2026-03-02',
    statementTo: '2026-03-02',
    adjustments: [],
    remarks: [],
    lines: [],
    location: `${payer}.835:ST[1]/2100[1]`,
  };
  return { payer: { name: payer, id: payer }, paymentDate, claim };
}

const MCR = answer('MCR', '1', 'MCR-1', 33600, '2026-03-13');
const PPO = answer('PPO', '2', 'PPO-1', 8400, '2026-03-19');
const CROSSOVER = answer('MCR', '19', 'MCR-1', 33600, '2026-03-13');
const CORRECTION = answer('MCR', '1', 'MCR-2', 35000, '2026-04-01');

describe('the primary payer’s answer', () => {
  it.each<[string, PayerAnswer[], PayerAnswer | null]>([
    ['the primary (CLP02 1), not the secondary answering after it (CLP02 2)', [MCR, PPO], MCR],
    ['the primary even when the secondary’s 835 was imported first', [PPO, MCR], MCR],
    ['a primary processed and forwarded (CLP02 19)', [CROSSOVER, PPO], CROSSOVER],
    [
      'none when only a later payer answered (CLP02 2/3/20/21)',
      [PPO, answer('T', '21', 'T-1', 100, '2026-04-01')],
      null,
    ],
    [
      'none when the primary denied the claim (CLP02 4)',
      [answer('MCR', '4', 'MCR-1', 0, '2026-03-13')],
      null,
    ],
    [
      'the correction, not the payment a reversal (CLP02 22) took back',
      [MCR, answer('MCR', '22', 'MCR-1', -33600, '2026-04-01'), CORRECTION],
      CORRECTION,
    ],
  ])('%s', (_name, answers, want) => {
    expect(primaryAnswer(answers)).toBe(want);
  });

  it('names the claim by the primary’s CLP07 (REF*F8), never the secondary’s', () => {
    expect(standingAnswer([MCR, PPO])?.claim.payerClaimControlNumber).toBe('MCR-1');
    expect(standingAnswer([PPO])).toBeNull();
  });
});
