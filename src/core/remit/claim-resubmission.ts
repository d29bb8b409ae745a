import { isUnprocessableRemark, MEDICARE_PART_B } from '../claims/medicare-part-b-corrections.js';

/** A claim sent again instead of an appeal: a new claim (CLM05-3 1) or a corrected one (7 with REF*F8). */
export type Resubmission = 'new-claim' | 'corrected-claim';

/** What a classified remittance line says of its next action, as stored and shown. */
export interface ResubmissionFacts {
  category: string;
  /** The line's work queue (remit-category.ts REMIT_QUEUES), null when there is nothing to do. */
  queue: string | null;
  /** `CO-16`, `PR-1`: the line's adjustments (its claim's when the line has none). */
  carcs: readonly string[];
  /** Line and claim remark codes (`N290`, `MA130`). */
  remarks: readonly string[];
  /** CLP06 of the line's claim (`MB` Medicare Part B). */
  claimFilingIndicator: string | null;
}

/**
 * Remarks whose answer is a new claim, not an appeal: RARC MA130 (the claim is unprocessable, "no appeal
 * rights are afforded", CMS IOM 100-04 ch. 1 §80.3), N517 (resubmit a new claim).
 */
export const NEW_CLAIM_REMARKS: ReadonlySet<string> = new Set(['MA130', 'N517']);

/** CLP06 of traditional Medicare: Part A (MA) and Part B (MB); Medicare Advantage plans send 16, HM… */
export const TRADITIONAL_MEDICARE: ReadonlySet<string> = new Set(['MA', MEDICARE_PART_B]);

/**
 * Whether a line's next action is to send the claim again rather than to answer the payer's decision,
 * and how; null when it is an appeal, a reopening, a reprocessing request or nothing:
 * - a remark asking for a new claim (MA130, N517): a new claim;
 * - Medicare Part B takes no corrected claim (frequency 7): returned unprocessable (CO-16 with MA130 or an
 *   N remark) it is corrected and sent as a new claim, with no appeal rights (CMS IOM 100-04 ch. 1 §80.3);
 *   processed, it is changed by a reopening (CMS IOM 100-04 ch. 34; 42 CFR 405.980) or a redetermination;
 * - traditional Medicare's authorization denial is read by its remark, and answered by a new claim, a
 *   reopening or a redetermination (REMIT-007), never a retro-authorization;
 * - any other line of the corrected-claim queue: a corrected claim (837 CLM05-3 7 with REF*F8 = CLP07,
 *   domain.md §6.2).
 * Such a line has no appeal deadline and no letter: the claim itself is what the payer needs.
 */
export function resubmission(line: ResubmissionFacts): Resubmission | null {
  if (line.remarks.some((r) => NEW_CLAIM_REMARKS.has(r))) return 'new-claim';
  if (line.queue !== 'corrected-claim') return null;
  if (line.claimFilingIndicator === MEDICARE_PART_B)
    return line.carcs.includes('CO-16') && line.remarks.some(isUnprocessableRemark) ? 'new-claim' : null;
  if (line.category === 'authorization-denial' && TRADITIONAL_MEDICARE.has(line.claimFilingIndicator ?? ''))
    return null;
  return 'corrected-claim';
}
