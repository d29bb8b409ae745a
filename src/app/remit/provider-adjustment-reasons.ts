/**
 * PLB03-1 provider adjustment reason codes (X12 835 005010X221A1, element 426) as a biller reads them:
 * our own short paraphrases, not the code list's text. A positive PLB amount is withheld from the payment,
 * a negative one added to it (BPR02 = Σ CLP04 − Σ PLB).
 */
const MEANINGS: Readonly<Record<string, string>> = {
  '50': 'late charge',
  '51': 'interest penalty charged',
  '72': 'authorized return (money sent back)',
  '90': 'early payment allowance',
  AP: 'accelerated payment',
  B2: 'rebate',
  B3: 'recovery allowance',
  BD: 'bad debt adjustment',
  BN: 'bonus',
  C5: 'temporary allowance',
  CR: 'capitation interest',
  CS: 'adjustment (see reference)',
  CT: 'capitation payment',
  CV: 'capital pass-through',
  DM: 'direct medical education pass-through',
  E3: 'withholding',
  FB: 'forward balance (carried to or from another payment)',
  FC: 'fund allocation',
  GO: 'graduate medical education pass-through',
  IP: 'incentive payment',
  IR: 'tax withholding',
  IS: 'interim settlement',
  J1: 'not reimbursable',
  L3: 'penalty',
  L6: 'interest paid by the payer',
  LE: 'levy',
  LS: 'lump sum',
  OA: 'organ acquisition pass-through',
  OB: 'offset for an affiliated provider',
  PI: 'periodic interim payment',
  PL: 'final payment',
  RA: 'retroactive adjustment',
  RE: 'return on equity',
  SL: 'student loan repayment',
  TL: 'third-party liability',
  WO: 'overpayment recovery (recoupment)',
  WU: 'unspecified recovery',
};

/** The meaning of a PLB reason code, null when it is not one we know. */
export function providerAdjustmentMeaning(reason: string): string | null {
  return Object.hasOwn(MEANINGS, reason) ? MEANINGS[reason]! : null;
}
