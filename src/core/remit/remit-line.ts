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

/** `CO-45` by group then reason: the labels of the few adjustments payers send, built once each. */
const LABELS = new Map<string, Map<string, string>>();

/** `CO-45`, `PR-1`: adjustments as people read them on a remittance. */
export function carcLabel(a: Adjustment): string {
  let byReason = LABELS.get(a.group);
  if (byReason === undefined) LABELS.set(a.group, (byReason = new Map()));
  let label = byReason.get(a.reason);
  if (label === undefined) {
    label = `${a.group}-${a.reason}`;
    // A bound on what an unusual file can make it hold (CARC list: a few hundred codes per group).
    if (byReason.size < 1024) byReason.set(a.reason, label);
  }
  return label;
}

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
  /**
   * AMT*B6 when given, else paid + patient responsibility + sequestration (CARC 253: the 2% Medicare
   * payment reduction of the Budget Control Act is taken from the payment after the allowed amount is
   * set, CMS MLN Matters "Mandatory Payment Reductions in the Medicare FFS Program – Sequestration").
   */
  allowedCents: number;
  /** Σ group PR, and its parts: CARC 1 deductible, 2 coinsurance, 3 copay, the rest. */
  patientResponsibilityCents: number;
  deductibleCents: number;
  coinsuranceCents: number;
  copayCents: number;
  /** Σ CARC 23 outside group PR: the prior payer's adjudication (coordination of benefits). */
  priorPayerCents: number;
  /** Denial-type adjustments outside group PR (group first: PR is never a denial). */
  denials: readonly Adjustment[];
}

const NO_DENIALS: readonly Adjustment[] = Object.freeze([]);
/** CARC 253 "Sequestration - reduction in federal payment". */
const SEQUESTRATION_CARC = '253';

/** One pass over the adjustments (every line of every remittance comes through here). */
export function lineFacts(input: RemitLineInput): LineFacts {
  const adjustments = lineAdjustments(input);
  let patientResponsibilityCents = 0;
  let deductibleCents = 0;
  let coinsuranceCents = 0;
  let copayCents = 0;
  let priorPayerCents = 0;
  let sequestrationCents = 0;
  let denials: Adjustment[] | null = null;
  for (const a of adjustments) {
    if (a.group === 'PR') {
      patientResponsibilityCents += a.amountCents;
      if (a.reason === '1') deductibleCents += a.amountCents;
      else if (a.reason === '2') coinsuranceCents += a.amountCents;
      else if (a.reason === '3') copayCents += a.amountCents;
      continue;
    }
    if (a.reason === PRIOR_PAYER_CARC) priorPayerCents += a.amountCents;
    else if (a.reason === SEQUESTRATION_CARC) sequestrationCents += a.amountCents;
    if (a.amountCents !== 0 && DENIAL_CARCS.has(a.reason)) (denials ??= []).push(a);
  }
  return {
    adjustments,
    allowedCents:
      input.line.allowedCents ?? input.line.paidCents + patientResponsibilityCents + sequestrationCents,
    patientResponsibilityCents,
    deductibleCents,
    coinsuranceCents,
    copayCents,
    priorPayerCents,
    denials: denials ?? NO_DENIALS,
  };
}

/** The first denial of a family, when the line carries one. */
export function denialIn(facts: LineFacts, family: ReadonlySet<string>): Adjustment | null {
  for (const a of facts.denials) if (family.has(a.reason)) return a;
  return null;
}

/**
 * CLP02 19/20/21 (processed and forwarded) or a crossover carrier (2100 NM1*TT): the next payer
 * already has the claim.
 */
export function forwarded(input: RemitLineInput): boolean {
  return ['19', '20', '21'].includes(input.claim.status) || Boolean(input.claim.crossoverPayer);
}

/** Remarks of the line then the claim (LQ*HE, MOA/MIA), each once. */
export function allRemarks(input: RemitLineInput): string[] {
  if (input.line.remarks.length === 0 && input.claim.remarks.length === 0) return [];
  return [...new Set([...input.line.remarks, ...input.claim.remarks])];
}
