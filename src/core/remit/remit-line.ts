import type { Modifier26Rule } from '../payers/payer-profile.js';
import type { Adjustment, Procedure, RemitClaim, RemitServiceLine } from '../model/remittance.js';
import { DENIAL_CARCS, PRIOR_PAYER_CARC } from './carc-kinds.js';
import type { CoordinationLink } from './link-coordination.js';
import type { ReversalLink } from './pair-reversals.js';
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
  /** The authorization the claim rode on (on file for the course, or the one the claim's REF*G1 names). */
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
  /**
   * The patient has coverage after this payer's (a secondary after the primary, a tertiary after the
   * secondary), from the patient's `otherCoverage`; absent = no.
   */
  otherCoverage?: boolean;
  /** The claim's place in a reversal, from `pairReversals` over the practice's remittances. */
  reversal?: ReversalLink | null;
  /** The other payers' answers to the same service, from `linkCoordination`. */
  coordination?: CoordinationLink | null;
  /**
   * The payer's amounts of the line or its claim do not balance (`lineBalance`, `claimBalance`, X12 835
   * TR3 1.10.2.1); absent = they balance.
   */
  amountsUnbalanced?: boolean;
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

/** The date of service: DTM*472 on the line, else the sent charge's, else the claim's statement start. */
export function serviceDate(input: RemitLineInput): string | null {
  return input.line.dateOfService ?? input.charge?.dateOfService ?? input.claim.statementFrom ?? null;
}

/** What the rules read from a line's adjustments, computed once (amounts in cents). */
export interface LineFacts {
  adjustments: Adjustment[];
  /** AMT*B6 when given, else paid + patient responsibility. */
  allowedCents: number;
  /** Σ group PR, and its parts: CARC 1 deductible, 2 coinsurance, 3 copay, the rest. */
  patientResponsibilityCents: number;
  deductibleCents: number;
  coinsuranceCents: number;
  copayCents: number;
  /** Σ CARC 23 outside group PR: the prior payer's adjudication (coordination of benefits). */
  priorPayerCents: number;
  /** Denial-type adjustments outside group PR (group first: PR is never a denial). */
  denials: Adjustment[];
}

const sum = (list: Adjustment[]) => list.reduce((n, a) => n + a.amountCents, 0);

export function lineFacts(input: RemitLineInput): LineFacts {
  const adjustments = lineAdjustments(input);
  const pr = adjustments.filter((a) => a.group === 'PR');
  const byReason = (reason: string) => sum(pr.filter((a) => a.reason === reason));
  const patientResponsibilityCents = sum(pr);
  return {
    adjustments,
    allowedCents: input.line.allowedCents ?? input.line.paidCents + patientResponsibilityCents,
    patientResponsibilityCents,
    deductibleCents: byReason('1'),
    coinsuranceCents: byReason('2'),
    copayCents: byReason('3'),
    priorPayerCents: sum(adjustments.filter((a) => a.group !== 'PR' && a.reason === PRIOR_PAYER_CARC)),
    denials: adjustments.filter((a) => a.group !== 'PR' && a.amountCents !== 0 && DENIAL_CARCS.has(a.reason)),
  };
}

/** The first denial of a family, when the line carries one. */
export const denialIn = (facts: LineFacts, family: ReadonlySet<string>) =>
  facts.denials.find((a) => family.has(a.reason)) ?? null;

/**
 * CLP02 19/20/21 (processed and forwarded) or a crossover carrier (2100 NM1*TT): the next payer
 * already has the claim.
 */
export function forwarded(input: RemitLineInput): boolean {
  return ['19', '20', '21'].includes(input.claim.status) || Boolean(input.claim.crossoverPayer);
}

/** Remarks of the line then the claim (LQ*HE, MOA/MIA), each once. */
export function allRemarks(input: RemitLineInput): string[] {
  return [...new Set([...input.line.remarks, ...input.claim.remarks])];
}
