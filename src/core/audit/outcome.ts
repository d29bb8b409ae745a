import type { Finding } from '../model/finding.js';

/**
 * What one evidence check does to a fraction's charges:
 * - `hold`: not billable yet; something can still be added or fixed;
 * - `downgrade-delivery`: 77412's motion-management criteria are not met: bill 77407;
 * - `drop-igrt`: 77387-26's condition (timely physician review) is not met.
 */
export type Effect = 'hold' | 'downgrade-delivery' | 'drop-igrt';

export interface Outcome {
  readonly findings: readonly Finding[];
  effects: readonly Effect[];
}

/** The effect lists outcomes share (one list per effect, none made per fraction). */
export const EFFECTS = {
  none: Object.freeze([]) as readonly Effect[],
  hold: Object.freeze(['hold']) as readonly Effect[],
  'downgrade-delivery': Object.freeze(['downgrade-delivery']) as readonly Effect[],
  'drop-igrt': Object.freeze(['drop-igrt']) as readonly Effect[],
} as const;

export const NO_OUTCOME: Outcome = Object.freeze({ findings: [], effects: EFFECTS.none }) as Outcome;

export function outcome(finding: Finding, effect?: Effect): Outcome {
  return { findings: [finding], effects: effect ? EFFECTS[effect] : EFFECTS.none };
}

export type FractionStatus = 'ready' | 'downgrade' | 'hold';

/** Worst first: a hold outranks a downgrade, which outranks ready. */
export const STATUS_RANK: Record<FractionStatus, number> = { hold: 0, downgrade: 1, ready: 2 };
