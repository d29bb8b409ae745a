import { resubmission, type ResubmissionFacts } from './claim-resubmission.js';

/**
 * What happened to a remittance line, from the practice's side. Read by adjustment group first, then
 * reason (domain.md §6.1, X12 835 005010X221A1 CAS; CARC/RARC code lists): patient responsibility and
 * coordination of benefits are not denials, a reversal is a take-back and never income.
 */
export const REMIT_CATEGORIES = [
  'paid-as-expected',
  /** Group PR (CARC 1 deductible, 2 coinsurance, 3 copay, other PR) left the line (partly) unpaid. */
  'patient-responsibility',
  /** OA-23 or a claim processed as secondary/tertiary (CLP02 2, 3, 20, 21): what the primary paid, what is left. */
  'coordination-of-benefits',
  /** CLP02 22 take-back, or the original payment it cancels: the pair nets out. */
  'reversal',
  'downcoded',
  'igrt-professional-denied',
  'zero-paid-no-denial-code',
  /** CARC 15/197/198/199 (39, 62, 243) on a 2026 date whose authorization dates from 2025. */
  'authorization-2025',
  /** CARC 15/197/198/199 (39, 62, 243) otherwise, with or without an authorization on file. */
  'authorization-denial',
  /** CARC 151/119/273 on a second unit or session the same day. */
  'frequency-denial',
  /** CARC 16, 252, A1 with an M/MA/N remark: the claim lacks something; corrected claim. */
  'missing-information',
  'underpaid',
  /**
   * Paid without a denial but no Medicare or contract rate is known for the code (77373, G0339…):
   * whether it is underpaid cannot be said until the practice sets its contract rate.
   */
  'paid-rate-unknown',
  /** The payer's own amounts do not balance (SVC02 − SVC03 ≠ Σ CAS, CLP03 − CLP04 ≠ Σ CAS). */
  'unbalanced-amounts',
  'other-denial',
] as const;
export type RemitCategory = (typeof REMIT_CATEGORIES)[number];

/**
 * Whether a category is the payer's denial of the service (in whole or by a lower code): what an appeal,
 * a retro-authorization request or a peer-to-peer sheet answers. Patient responsibility and coordination
 * of benefits are billed on, a reversal nets out, an underpayment or an unknown rate is a contract
 * question and unbalanced amounts the payer's error (domain.md §6.1): not denials.
 */
const IS_DENIAL: Record<RemitCategory, boolean> = {
  'paid-as-expected': false,
  'patient-responsibility': false,
  'coordination-of-benefits': false,
  reversal: false,
  downcoded: true,
  'igrt-professional-denied': true,
  'zero-paid-no-denial-code': true,
  'authorization-2025': true,
  'authorization-denial': true,
  'frequency-denial': true,
  'missing-information': true,
  underpaid: false,
  'paid-rate-unknown': false,
  'unbalanced-amounts': false,
  'other-denial': true,
};
/** The categories that are a payer's denial (`IS_DENIAL`), in the order of `REMIT_CATEGORIES`. */
export const DENIAL_CATEGORIES: readonly RemitCategory[] = REMIT_CATEGORIES.filter((c) => IS_DENIAL[c]);

/**
 * The work queue of a line: the next action that fits its CARC + RARC (nothing to do for paid lines and
 * netted reversals).
 */
export const REMIT_QUEUES = [
  'retro-authorization',
  'corrected-claim',
  'twice-daily-documentation',
  'appeal',
  'bill-patient-or-secondary',
  'secondary-claim',
  'payer-reprocess',
  'underpayment-dispute',
  'reversal-review',
  'set-contract-rate',
] as const;
export type RemitQueue = (typeof REMIT_QUEUES)[number];

/**
 * The queues whose next action answers the payer's decision (appeal, redetermination, reprocessing,
 * underpayment dispute, a Medicare reopening): only these have an appeal deadline (42 CFR 405.942(a);
 * plans by contract). A take-back is not appealed, a patient balance or a claim to the next payer is
 * billed (domain.md §6.1): no deadline.
 */
export const DEADLINE_QUEUES: ReadonlySet<RemitQueue> = new Set<RemitQueue>([
  'retro-authorization',
  'corrected-claim',
  'twice-daily-documentation',
  'appeal',
  'payer-reprocess',
  'underpayment-dispute',
]);

/**
 * Whether a line has an appeal deadline: its queue answers the payer, and its next action is not to send
 * the claim again (`resubmission`: a new or corrected claim is not an appeal; an unprocessable claim has
 * no appeal rights, CMS IOM 100-04 ch. 1 §80.3; its limit is the payer's timely filing, which the app
 * does not know per payer).
 */
export const hasAppealDeadline = (line: ResubmissionFacts): boolean =>
  line.queue !== null && DEADLINE_QUEUES.has(line.queue as RemitQueue) && resubmission(line) === null;

/** A remark code (RARC, or an MOA/MIA claim remark) with its meaning when we know it. */
export interface RemarkView {
  code: string;
  /** Our short paraphrase; null when the code is not in our list (users load the full list). */
  meaning: string | null;
}

/** A line's category with why, what to do, and the amounts behind it (integer cents). */
export interface LineClassification {
  category: RemitCategory;
  /** The rule that decided it (`REMIT-003`); null for paid as expected. */
  ruleId: string | null;
  message: string;
  /** The work queue, null when there is nothing to do. */
  queue: RemitQueue | null;
  /** The next action for the worklist (null when there is nothing to do). */
  nextAction: string | null;
  /** `CO-45`, `PR-2`: the adjustments on the line (or its claim when the line has none). */
  carcs: string[];
  /** Line remarks (LQ*HE) then the claim's (MOA/MIA), each once, with their meaning. */
  remarks: RemarkView[];
  billedCents: number;
  paidCents: number;
  /** AMT*B6 when given, else paid + patient responsibility (PR adjustments). */
  allowedCents: number;
  /** Σ group PR on the line: what the patient (or a secondary payer) owes. */
  patientResponsibilityCents: number;
  expectedCents: number | null;
  /**
   * Underpayment patterns: `pre-2015-level`, `half-of-medicare`; `secondary-claim-due` for COB;
   * `amounts-do-not-balance` when the payer's amounts on the line or its claim do not balance.
   */
  flags: string[];
}

/** A rule's verdict on a line, when it applies. */
export interface RemitVerdict {
  category: RemitCategory;
  ruleId: string;
  message: string;
  queue: RemitQueue | null;
  nextAction: string | null;
  flags?: string[];
}
