/**
 * 835 remittances written by hand in the segment layout of the X12 005010X221A1 TR3 (header BPR, TRN,
 * DTM*405; 1000A N1*PR; 1000B N1*PE; 2000 LX; 2100 CLP, CAS, NM1*QC, NM1*TT, MIA/MOA, DTM*232/233;
 * 2110 SVC, DTM*472, CAS, REF*6R, AMT*B6, LQ*HE; PLB), not with our writer, so the reader is tested
 * against the guide and not against itself. Names, ids and NPIs are made up. Every example balances
 * (TR3 1.10.2.1) unless a test edits it: SVC02 − SVC03 = Σ line CAS, CLP03 − CLP04 = Σ CAS, BPR02 =
 * Σ CLP04 − Σ PLB.
 */

const ISA =
  'ISA*00*          *00*          *ZZ*EXAMPLEPAYER   *ZZ*SGRTCLINIC     *260410*0930*^*00501*000000101*0*T*:';

/** ST … SE around `body` (the segments after ST), SE01 counted. */
export function set835(control: string, body: readonly string[]): string[] {
  return [`ST*835*${control}*005010X221A1`, ...body, `SE*${body.length + 2}*${control}`];
}

/** ISA/GS … GE/IEA around transaction sets, one segment a line (`~` then a newline, as payers often send). */
export function file835(...sets: readonly string[][]): string {
  const segs = [
    ISA,
    'GS*HP*EXAMPLEPAYER*SGRTCLINIC*20260410*0930*101*X*005010X221A1',
    ...sets.flat(),
    `GE*${sets.length}*101`,
    'IEA*1*000000101',
  ];
  return `${segs.join('~\n')}~\n`;
}

/** Header, payer (1000A) and payee (1000B) of a payment of `paid` (BPR02, a decimal string). */
export function paymentHeader(paid: string, trace = 'EFT20260410A', creditDebit = 'C'): string[] {
  return [
    `BPR*I*${paid}*${creditDebit}*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20260410`,
    `TRN*1*${trace}*1512345678`,
    'DTM*405*20260409',
    'N1*PR*EXAMPLE HEALTH PLAN',
    'N3*1 PAYER WAY',
    'N4*HARTFORD*CT*06101',
    'REF*2U*EHP01',
    'PER*BL*PROVIDER SERVICES*TE*8005550100',
    'N1*PE*SGRT RADIATION ONCOLOGY*XX*1234567893',
    'REF*TJ*123456789',
  ];
}

/**
 * 2100/2110: 77412 and 77387-26 paid with coinsurance (PR-2) and contractual (CO-45) adjustments, a
 * claim remark (MOA) and a line remark (LQ*HE). Pays 900.00.
 */
export const CLAIM_COINSURANCE = [
  'CLP*SGRT-0001*1*2100.00*900.00*200.00*12*PAYCLM0001*11*1',
  'NM1*QC*1*DOE*JANE****MI*EHP000111',
  'MOA***MA01*N290',
  'DTM*232*20260302',
  'DTM*233*20260302',
  'SVC*HC:77412*1500.00*700.00**1',
  'DTM*472*20260302',
  'CAS*CO*45*600.00',
  'CAS*PR*2*200.00',
  'REF*6R*CHG-0001-1',
  'AMT*B6*900.00',
  'SVC*HC:77387:26*600.00*200.00**1',
  'DTM*472*20260302',
  'CAS*CO*45*400.00',
  'REF*6R*CHG-0001-2',
  'AMT*B6*200.00',
  'LQ*HE*N130',
];

/** 2100/2110: the whole allowed amount of a 77412 went to the deductible (PR-1). Pays 0. */
export const CLAIM_DEDUCTIBLE = [
  'CLP*SGRT-0002*1*1500.00*0*300.00*12*PAYCLM0002*11*1',
  'NM1*QC*1*ROE*RICHARD****MI*EHP000222',
  'DTM*232*20260303',
  'SVC*HC:77412*1500.00*0**1',
  'DTM*472*20260303',
  'CAS*CO*45*1200.00',
  'CAS*PR*1*300.00',
  'AMT*B6*300.00',
];

/**
 * A reversal (CLP02 22: every amount negated, CLP07 the original payment's claim control number) and
 * the corrected payment that follows it. Together they pay 200.00 (−700.00 + 900.00).
 */
export const CLAIMS_REVERSAL_AND_CORRECTION = [
  'CLP*SGRT-0003*22*-1500.00*-700.00**12*PAYCLM0003*11*1',
  'NM1*QC*1*POE*ALEX****MI*EHP000333',
  'DTM*232*20260305',
  'SVC*HC:77412*-1500.00*-700.00',
  'DTM*472*20260305',
  'CAS*CO*45*-800.00',
  'CLP*SGRT-0003*1*1500.00*900.00**12*PAYCLM0003R*11*7',
  'NM1*QC*1*POE*ALEX****MI*EHP000333',
  'DTM*232*20260305',
  'SVC*HC:77412*1500.00*900.00**1',
  'DTM*472*20260305',
  'CAS*CO*45*600.00',
];

/**
 * Processed as primary and forwarded (CLP02 19) to the crossover carrier named in NM1*TT; institutional
 * remarks in MIA (MIA05, MIA20–23; MIA24 is an amount). Pays 1000.00.
 */
export const CLAIM_CROSSOVER = [
  'CLP*SGRT-0004*19*1500.00*1000.00*300.00*13*PAYCLM0004*13*1',
  'NM1*QC*1*LOE*SAM****MI*EHP000444',
  'NM1*TT*2*SECOND STATE MEDICAID*****PI*SSM01',
  [
    'MIA',
    '0',
    '',
    '',
    '0',
    'MA18',
    ...Array<string>(14).fill(''),
    'N89',
    'N19',
    'N130',
    'MA01',
    '12.50',
  ].join('*'),
  'DTM*232*20260306',
  'SVC*HC:77412*1500.00*1000.00**1',
  'DTM*472*20260306',
  'CAS*CO*45*200.00',
  'CAS*PR*2*300.00',
];

/** PLB: interest L6 (negative: increases the payment) and an overpayment recovery WO (positive: reduces it). Σ PLB = 137.60. */
export const PLB_INTEREST_AND_RECOUPMENT =
  'PLB*1234567893*20261231*L6:PAYCLM0001*-12.40*WO:PAYCLM0099*150.00';

/** One balanced payment: coinsurance and deductible claims (900.00 + 0), PLB 137.60 → BPR02 762.40. */
export function balancedPaymentWithPlb(): string {
  return file835(
    set835('0001', [
      ...paymentHeader('762.40'),
      'LX*1',
      ...CLAIM_COINSURANCE,
      ...CLAIM_DEDUCTIBLE,
      PLB_INTEREST_AND_RECOUPMENT,
    ]),
  );
}
