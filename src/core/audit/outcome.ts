import type { Finding } from '../model/finding.js';

/**
 * What one evidence check does to a fraction's charges:
 * - `hold`: not billable yet; something can still be added or fixed;
 * - `downgrade-delivery`: 77412's motion-management criteria are not met: bill 77407;
 * - `drop-igrt`: 77387-26's condition (timely physician review) is not met.
 */
export type Effect = 'hold' | 'downgrade-delivery' | 'drop-igrt';

export interface Outcome {
  findings: Finding[];
  effects: Effect[];
}

export const NO_OUTCOME: Outcome = Object.freeze({ findings: [], effects: [] }) as Outcome;

export function outcome(finding: Finding, effect?: Effect): Outcome {
  return { findings: [finding], effects: effect ? [effect] : [] };
}

export type FractionStatus = 'ready' | 'downgrade' | 'hold';

/** Worst first: a hold outranks a downgrade, which outranks ready. */
export const STATUS_RANK: Record<FractionStatus, number> = { hold: 0, downgrade: 1, ready: 2 };
