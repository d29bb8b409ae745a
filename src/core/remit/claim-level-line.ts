import type { RemitClaim, RemitServiceLine } from '../model/remittance.js';

/**
 * A claim the payer adjudicated at claim level (no 2110 loop, X12 835 005010X221A1: the service lines
 * are situational) as one line, so that it lands in a category: CLP03 charge, CLP04 paid, the claim's
 * CAS, the statement date (DTM*232). Its remarks (MOA/MIA) stay on the claim, where `classifyLine`
 * reads them. No procedure is known: the code is empty.
 */
export function claimLevelLine(claim: RemitClaim): RemitServiceLine {
  return {
    procedure: { code: '', modifiers: [] },
    submitted: null,
    chargeCents: claim.chargeCents,
    paidCents: claim.paidCents,
    units: 1,
    submittedUnits: null,
    dateOfService: claim.statementFrom,
    adjustments: claim.adjustments,
    remarks: [],
    allowedCents: null,
    lineControlNumber: null,
    location: claim.location,
  };
}
