import type { Modifier26Rule } from '../payers/payer-profile.js';
import type { Adjustment, Procedure, RemitClaim, RemitServiceLine } from '../model/remittance.js';
import type { RemitOptions } from './remit-options.js';

/** The charge we sent that a remittance line pays, as the analysis needs it. */
export interface SentCharge {
  code: string;
  modifiers: string[];
  units: number;
  dateOfService: string;
  /** 11 freestanding (MPFS), 19/22 hospital outpatient (OPPS). */
  placeOfService: string;
  /** The payer's rule for 77387 modifier 26 on that date (from its profile). */
  igrtModifierRule: Modifier26Rule;
  /** The authorization the claim rode on, when any. */
  authorization: { number: string; obtainedOn: string | null; validFrom: string | null } | null;
}

/** What the line should have paid, in cents for the line's units. */
export interface ExpectedPayment {
  /** The contract rate when the practice loaded one, else the Medicare amount; null when unknown. */
  cents: number | null;
  basis: 'contract' | 'medicare' | null;
  /** The Medicare amount (for "½ of Medicare"), when known. */
  medicareCents: number | null;
  /** What the next lower delivery level pays (77412 → 77407), for "paid at the lower level's rate". */
  lowerLevelCents: number | null;
}

/** One service line to classify, with its claim, the matched charge (if any) and the expectation. */
export interface RemitLineInput {
  claim: RemitClaim;
  line: RemitServiceLine;
  charge: SentCharge | null;
  expected: ExpectedPayment;
  options: RemitOptions;
}

/** Every adjustment that bears on the line: its own CAS, and the claim's when the line has none. */
export function lineAdjustments(input: RemitLineInput): Adjustment[] {
  return input.line.adjustments.length ? input.line.adjustments : input.claim.adjustments;
}

/** `CO-45`, `PR-1`: adjustments as people read them on a remittance. */
export const carcLabel = (a: Adjustment) => `${a.group}-${a.reason}`;

/** The procedure as submitted: SVC06 when the payer changed it, else SVC01. */
export function submittedProcedure(input: RemitLineInput): Procedure {
  return input.line.submitted ?? input.line.procedure;
}
