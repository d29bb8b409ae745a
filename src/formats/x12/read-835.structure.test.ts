import { describe, expect, it } from 'vitest';
import type { InputProblem } from '../../core/model/input-problem.js';
import { paymentBalance } from '../../core/remit/balance-835.js';
import {
  CLAIM_COINSURANCE,
  CLAIM_CROSSOVER,
  CLAIM_DEDUCTIBLE,
  CLAIMS_REVERSAL_AND_CORRECTION,
  PLB_INTEREST_AND_RECOUPMENT,
  balancedPaymentWithPlb,
  file835,
  paymentHeader,
  set835,
} from '../../../test/support/x12/remit-835-examples.js';
import { readRemittancesFromBytes } from './read-835.js';

const read = (text: string) => readRemittancesFromBytes(new TextEncoder().encode(text), 'f.835');
const ST = 'f.835:ISA[1]/GS[1]/ST[1]';
const LINE1 = `${ST}/2100[1]/2110[1]`;
const LINE2 = `${ST}/2100[1]/2110[2]`;

/** The balanced payment with PLB (coinsurance claim 2100[1], deductible claim 2100[2]), as segments. */
const BASE = [
  ...paymentHeader('762.40'),
  'LX*1',
  ...CLAIM_COINSURANCE,
  ...CLAIM_DEDUCTIBLE,
  PLB_INTEREST_AND_RECOUPMENT,
];

/** BASE with segment `from` replaced by `to` (several segments, or none to delete it). */
function edited(from: string, ...to: string[]): string {
  const at = BASE.indexOf(from);
  if (at < 0) throw new Error(`no segment ${from} in the example`);
  return file835(set835('0001', [...BASE.slice(0, at), ...to, ...BASE.slice(at + 1)]));
}

/** The deductible claim (2100[2]) without its service line: adjudicated at claim level, its CAS on the claim. */
const CLAIM_LEVEL = file835(
  set835(
    '0001',
    BASE.filter((s) => !['SVC*HC:77412*1500.00*0**1', 'DTM*472*20260303', 'AMT*B6*300.00'].includes(s)),
  ),
);

const SVC1 = 'SVC*HC:77412*1500.00*700.00**1';
const problem = (location: string, message: string): InputProblem => ({ location, message });
const unreadableId =
  'a segment with an unreadable id is not defined in the 835 (005010X221A1): damaged, the loop it sits in cannot be read';

describe('835 damage inside a claim refuses that claim only (X12 005010X221A1)', () => {
  it.each<[string, string, InputProblem[]]>([
    [
      'CAS group code CR (not used in 5010)',
      edited('CAS*CO*45*600.00', 'CAS*CR*45*600.00'),
      [
        problem(
          `${LINE1}/CAS01`,
          'CAS01 group code is not CO, OA, PI or PR (005010X221A1; CR is not used in 5010)',
        ),
      ],
    ],
    [
      'control character in a CARC',
      edited('CAS*PR*2*200.00', 'CAS*PR*2\x0b*200.00'),
      [problem(`${LINE1}/CAS02`, 'CAS02 contains a control character')],
    ],
    [
      'control character in a procedure code',
      edited(SVC1, 'SVC*HC:774\x0012*1500.00*700.00**1'),
      [problem(`${LINE1}/SVC01`, 'SVC01 contains a control character')],
    ],
    [
      'DEL in a modifier',
      edited('SVC*HC:77387:26*600.00*200.00**1', 'SVC*HC:77387:2\x7f6*600.00*200.00**1'),
      [problem(`${LINE2}/SVC01`, 'SVC01 contains a control character')],
    ],
    [
      'control character in a line remark (RARC)',
      edited('LQ*HE*N130', 'LQ*HE*N1\x1f30'),
      [problem(`${LINE2}/LQ02`, 'LQ02 contains a control character')],
    ],
    [
      'control character in a claim remark (MOA04)',
      edited('MOA***MA01*N290', 'MOA***MA01*N2\x0190'),
      [problem(`${ST}/2100[1]/MOA04`, 'MOA04 contains a control character')],
    ],
    [
      'control character in CLP01',
      edited(CLAIM_COINSURANCE[0]!, CLAIM_COINSURANCE[0]!.replace('SGRT-0001', 'SGRT\t0001')),
      [problem(`${ST}/2100[1]/CLP01`, 'CLP01 contains a control character')],
    ],
    [
      'CLP02 outside the claim status codes',
      edited(CLAIM_COINSURANCE[0]!, CLAIM_COINSURANCE[0]!.replace('*1*2100.00', '*7*2100.00')),
      [problem(`${ST}/2100[1]/CLP02`, 'CLP02 claim status is not a code of 005010X221A1 (1–4, 19–23, 25)')],
    ],
    [
      'damaged SVC: a byte of its id replaced by NUL',
      edited(SVC1, SVC1.replace('SVC', 'SV\x00')),
      [problem(`${ST}/2100[1]/segment[18]`, unreadableId)],
    ],
    [
      'damaged SVC: its id changed to another id',
      edited(SVC1, SVC1.replace('SVC', 'SVD')),
      [
        problem(
          `${ST}/2100[1]/segment[18]`,
          'segment SVD is not defined in the 835 (005010X221A1): damaged, the loop it sits in cannot be read',
        ),
      ],
    ],
    [
      'damaged SVC01: the component separator lost',
      edited(SVC1, SVC1.replace('HC:', 'HC')),
      [problem(`${LINE1}/SVC01`, 'SVC01 has no procedure code')],
    ],
    [
      'damaged SVC01: an unknown qualifier',
      edited(SVC1, SVC1.replace('HC:', 'H#:')),
      [
        problem(
          `${LINE1}/SVC01`,
          'SVC01-1 is not a product/service id qualifier of the 835 (AD, ER, HC, HP, IV, N4, NU, WK)',
        ),
      ],
    ],
    [
      'damaged SVC01: a junk byte in the code',
      edited(SVC1, SVC1.replace('77412', '77\xe912')),
      [problem(`${LINE1}/SVC01`, 'SVC01 procedure code or modifier is not letters and digits')],
    ],
    [
      'damaged SVC: elements dropped',
      edited(SVC1, 'SVC*HC:77412'),
      [
        problem(`${LINE1}/SVC02`, 'SVC02 amount is required'),
        problem(`${LINE1}/SVC03`, 'SVC03 amount is required'),
      ],
    ],
    [
      'damaged SVC: junk bytes in an amount',
      edited(SVC1, 'SVC*HC:77412*15\xff0.00*700.00**1'),
      [problem(`${LINE1}/SVC02`, 'SVC02 is not a decimal amount')],
    ],
    [
      'CAS with a group and no reason',
      edited('CAS*PR*2*200.00', 'CAS*PR'),
      [problem(`${LINE1}/CAS02`, 'CAS02 reason code is required')],
    ],
    [
      'a line remark in the claim loop',
      edited('MOA***MA01*N290', 'MOA***MA01*N290', 'LQ*HE*N290'),
      [problem(`${ST}/2100[1]/LQ`, 'LQ line remark outside a service line (2110)')],
    ],
    [
      'LQ01 that is not HE or RX',
      edited('LQ*HE*N130', 'LQ*HX*N130'),
      [problem(`${LINE2}/LQ01`, 'LQ01 is not HE (remark code) or RX (NCPDP code)')],
    ],
    [
      'a claim remark after the service lines',
      edited('REF*6R*CHG-0001-1', 'REF*6R*CHG-0001-1', 'MOA***MA01'),
      [problem(`${LINE1}/MOA`, "MOA claim remarks outside a claim's 2100 loop (before its SVC)")],
    ],
  ])('%s', (_name, text, problems) => {
    const r = read(text);
    expect(r.problems).toEqual(problems);
    // The damaged claim (2100[1]) is refused whole; the good claim of the same ST/SE is read.
    expect(r.remittances).toHaveLength(1);
    const [payment] = r.remittances;
    expect(payment!.claims.map((c) => c.patientControlNumber)).toEqual(['SGRT-0002']);
    expect(payment!.refusedClaims).toEqual([{ location: `${ST}/2100[1]`, paidCents: 90000, problems }]);
    // BPR02 counts the refused claim's CLP04: the balancing names it as the reason for the difference.
    expect(r.warnings).toEqual([
      problem(
        `${ST}/BPR`,
        `BPR02 (762.40) ≠ Σ CLP04 (0.00) − Σ PLB (137.60), difference -900.00: the claim refused at ${ST}/2100[1] (CLP04 900.00), not counted in Σ CLP04, accounts for the difference`,
      ),
    ]);
  });

  it('refuses a claim whose CLP04 cannot be read, and says the difference is not accounted for', () => {
    const r = read(edited(CLAIM_COINSURANCE[0]!, CLAIM_COINSURANCE[0]!.replace('*900.00*', '*9x0.00*')));
    expect(r.problems).toEqual([problem(`${ST}/2100[1]/CLP04`, 'CLP04 is not a decimal amount')]);
    expect(r.remittances[0]!.refusedClaims![0]!.paidCents).toBeNull();
    expect(r.warnings.map((w) => w.message)).toEqual([
      `BPR02 (762.40) ≠ Σ CLP04 (0.00) − Σ PLB (137.60), difference -900.00: the claim refused at ${ST}/2100[1] (CLP04 unreadable) is not counted in Σ CLP04`,
    ]);
  });

  it('names what remains unexplained when the refused claims do not account for the whole difference', () => {
    const text = edited(paymentHeader('762.40')[0]!, paymentHeader('762.00')[0]!).replace('CAS*CR', 'CAS*CR');
    const damaged = text.replace('SVC*HC:77412*1500.00*0**1', 'SVC*HC:77412*1500.00*0\x01**1');
    const r = read(damaged);
    expect(r.remittances[0]!.claims.map((c) => c.patientControlNumber)).toEqual(['SGRT-0001']);
    expect(r.warnings.map((w) => w.message)).toEqual([
      `BPR02 (762.00) ≠ Σ CLP04 (900.00) − Σ PLB (137.60), difference 0.40: the claim refused at ${ST}/2100[2] (CLP04 0.00) is not counted in Σ CLP04; 0.40 remains unexplained`,
    ]);
  });
});

describe('835 damage outside the claims refuses the transaction set (X12 005010X221A1)', () => {
  it.each<[string, string, InputProblem[]]>([
    [
      'control character in a PLB reason',
      edited(PLB_INTEREST_AND_RECOUPMENT, PLB_INTEREST_AND_RECOUPMENT.replace('L6:', 'L\x026:')),
      [problem(`${ST}/PLB/PLB03`, 'PLB03 contains a control character')],
    ],
    [
      'PLB reason that is not a two-character code',
      edited(PLB_INTEREST_AND_RECOUPMENT, PLB_INTEREST_AND_RECOUPMENT.replace('WO:', 'WOX:')),
      [problem(`${ST}/PLB/PLB05`, 'PLB05-1 adjustment reason is not a two-character code')],
    ],
    [
      'damaged SVC: a segment terminator in its composite',
      edited(SVC1, 'SVC*HC:77~412*1500.00*700.00**1'),
      [
        problem(`${LINE1}/SVC02`, 'SVC02 amount is required'),
        problem(`${LINE1}/SVC03`, 'SVC03 amount is required'),
        problem(`${LINE1}/segment[19]`, unreadableId),
        problem(`${ST}/SE01`, 'SE01 segment count is not 40, the segments ST to SE'),
      ],
    ],
  ])('%s', (_name, text, problems) => {
    const r = read(text);
    expect(r.problems).toEqual(problems);
    expect(r.remittances).toEqual([]);
  });
});

describe('835 structures read, with located warnings (TR3 1.10.2.1 balancing)', () => {
  it.each<[string, string, InputProblem[]]>([
    ['a balanced payment with PLB L6 interest and WO recoupment', balancedPaymentWithPlb(), []],
    [
      'a claim adjudicated at claim level (no SVC)',
      CLAIM_LEVEL,
      [
        problem(
          `${ST}/2100[2]/CLP`,
          'claim has no SVC service line (adjudicated at claim level): read at claim level',
        ),
      ],
    ],
    [
      'an unbalanced line',
      edited(SVC1, 'SVC*HC:77412*1500.00*710.00**1'),
      [problem(`${LINE1}/SVC`, 'SVC02 − SVC03 (790.00) ≠ Σ CAS (800.00), difference -10.00')],
    ],
    [
      'an unbalanced claim',
      edited(CLAIM_COINSURANCE[0]!, CLAIM_COINSURANCE[0]!.replace('2100.00', '2110.00')),
      [
        problem(
          `${ST}/2100[1]/CLP`,
          'CLP03 − CLP04 (1210.00) ≠ Σ CAS of the claim and its lines (1200.00), difference 10.00',
        ),
      ],
    ],
    [
      'an unbalanced payment with PLB',
      edited(paymentHeader('762.40')[0]!, paymentHeader('762.00')[0]!),
      [problem(`${ST}/BPR`, 'BPR02 (762.00) ≠ Σ CLP04 (900.00) − Σ PLB (137.60), difference 0.40')],
    ],
    [
      'an unbalanced payment without PLB',
      edited(PLB_INTEREST_AND_RECOUPMENT),
      [problem(`${ST}/BPR`, 'BPR02 (762.40) ≠ Σ CLP04 (900.00) − Σ PLB (0.00), difference 137.60')],
    ],
    [
      'interest sent with the sign of a recoupment',
      edited(PLB_INTEREST_AND_RECOUPMENT, PLB_INTEREST_AND_RECOUPMENT.replace('-12.40', '12.40')),
      [problem(`${ST}/BPR`, 'BPR02 (762.40) ≠ Σ CLP04 (900.00) − Σ PLB (162.40), difference -24.80')],
    ],
  ])('%s', (_name, text, warnings) => {
    const r = read(text);
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual(warnings);
    expect(r.remittances).toHaveLength(1);
    // Never a silently missing claim or line: the two claims and their lines are all there.
    expect(r.remittances[0]!.claims.map((c) => c.patientControlNumber)).toEqual(['SGRT-0001', 'SGRT-0002']);
    expect(r.remittances[0]!.claims[0]!.lines).toHaveLength(2);
  });

  it('keeps a claim adjudicated at claim level, with its adjustments, for claim-level classification', () => {
    const claim = read(CLAIM_LEVEL).remittances[0]!.claims[1]!;
    expect(claim.lines).toEqual([]);
    expect(claim.adjustments.map((a) => [a.group, a.reason, a.amountCents])).toEqual([
      ['CO', '45', 120000],
      ['PR', '1', 30000],
    ]);
  });

  it('reads the provider-level adjustments with the TR3 sign and balances the payment', () => {
    const r = read(balancedPaymentWithPlb()).remittances[0]!;
    expect(r.providerAdjustments).toEqual([
      { reason: 'L6', reference: 'PAYCLM0001', amountCents: -1240 },
      { reason: 'WO', reference: 'PAYCLM0099', amountCents: 15000 },
    ]);
    expect(paymentBalance(r)).toEqual({
      claimsPaidCents: 90000,
      providerAdjustmentCents: 13760,
      paidCents: 76240,
      differenceCents: 0,
      refusedClaims: [],
    });
  });

  it('keeps claim remarks (MOA, MIA) and line remarks (LQ*HE) apart', () => {
    const text = file835(
      set835('0001', [...paymentHeader('1900.00'), 'LX*1', ...CLAIM_COINSURANCE, ...CLAIM_CROSSOVER]),
    );
    const { remittances, problems, warnings } = read(text);
    expect([problems, warnings]).toEqual([[], []]);
    const [coinsurance, crossover] = remittances[0]!.claims;
    expect(coinsurance!.remarks).toEqual(['MA01', 'N290']);
    expect(coinsurance!.lines.map((l) => l.remarks)).toEqual([[], ['N130']]);
    // MIA05, then MIA20–23; MIA24 (12.50) is the PPS-capital exception amount, not a remark.
    expect(crossover!.remarks).toEqual(['MA18', 'N89', 'N19', 'N130', 'MA01']);
    expect(crossover!.lines[0]!.remarks).toEqual([]);
  });

  it('reads the crossover carrier of a claim processed and forwarded (CLP02 19, NM1*TT)', () => {
    const text = file835(set835('0001', [...paymentHeader('1000.00'), 'LX*1', ...CLAIM_CROSSOVER]));
    const claim = read(text).remittances[0]!.claims[0]!;
    expect([claim.status, claim.crossoverPayer, claim.memberId]).toEqual([
      '19',
      'SECOND STATE MEDICAID',
      'EHP000444',
    ]);
    const coinsurance = read(balancedPaymentWithPlb()).remittances[0]!.claims[0]!;
    expect(coinsurance.crossoverPayer).toBeNull();
  });

  it('reads a reversal (CLP02 22) with negative amounts, and the corrected payment after it, balanced', () => {
    const text = file835(
      set835('0001', [...paymentHeader('200.00'), 'LX*1', ...CLAIMS_REVERSAL_AND_CORRECTION]),
    );
    const { remittances, problems, warnings } = read(text);
    expect([problems, warnings]).toEqual([[], []]);
    const [reversal, corrected] = remittances[0]!.claims;
    expect(reversal).toMatchObject({
      patientControlNumber: 'SGRT-0003',
      status: '22',
      chargeCents: -150000,
      paidCents: -70000,
      payerClaimControlNumber: 'PAYCLM0003',
    });
    expect(reversal!.lines[0]).toMatchObject({
      chargeCents: -150000,
      paidCents: -70000,
      units: 1,
      adjustments: [{ group: 'CO', reason: '45', amountCents: -80000, quantity: null }],
    });
    expect(corrected).toMatchObject({
      status: '1',
      paidCents: 90000,
      payerClaimControlNumber: 'PAYCLM0003R',
    });
  });

  it('balances a debit payment (BPR03 D) as a negative one', () => {
    const reversalOnly = CLAIMS_REVERSAL_AND_CORRECTION.slice(0, 6);
    const debit = read(
      file835(set835('0001', [...paymentHeader('700.00', 'EFT1', 'D'), 'LX*1', ...reversalOnly])),
    );
    expect([debit.problems, debit.warnings]).toEqual([[], []]);
    expect(paymentBalance(debit.remittances[0]!)).toMatchObject({ paidCents: -70000, differenceCents: 0 });
    const credit = read(
      file835(set835('0001', [...paymentHeader('700.00', 'EFT1', 'C'), 'LX*1', ...reversalOnly])),
    );
    expect(credit.warnings).toEqual([
      problem(`${ST}/BPR`, 'BPR02 (700.00) ≠ Σ CLP04 (-700.00) − Σ PLB (0.00), difference -1400.00'),
    ]);
  });
});
