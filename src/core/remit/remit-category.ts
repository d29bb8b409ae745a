/** What happened to a remittance line, from the practice's side (issue #5, "Remittance analysis"). */
export const REMIT_CATEGORIES = [
  'paid-as-expected',
  'downcoded',
  'igrt-professional-denied',
  'zero-paid-no-denial-code',
  'authorization-2025',
  'underpaid',
  'other-denial',
] as const;
export type RemitCategory = (typeof REMIT_CATEGORIES)[number];

/** A line's category with why, what to do, and the amounts behind it (integer cents). */
export interface LineClassification {
  category: RemitCategory;
  /** The rule that decided it (`REMIT-003`); null for paid as expected. */
  ruleId: string | null;
  message: string;
  /** The next action for the denials worklist. */
  nextAction: string | null;
  /** `CO-45`, `PR-2`: the adjustments on the line (or its claim when the line has none). */
  carcs: string[];
  remarks: string[];
  billedCents: number;
  paidCents: number;
  /** AMT*B6 when given, else paid + patient responsibility (PR adjustments). */
  allowedCents: number;
  expectedCents: number | null;
  /** Underpayment patterns: `pre-2015-level`, `half-of-medicare`. */
  flags: string[];
}

/** A rule's verdict on a line, when it applies. */
export interface RemitVerdict {
  category: RemitCategory;
  ruleId: string;
  message: string;
  nextAction: string;
  flags?: string[];
}
