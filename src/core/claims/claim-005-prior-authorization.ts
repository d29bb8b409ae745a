import type { Finding } from '../model/finding.js';
import type { RuleMeta } from '../model/rule.js';

export const CLAIM_005: RuleMeta = {
  id: 'CLAIM-005',
  title:
    'A claim carries one prior authorization number (REF*G1): charges under different authorizations go on separate claims',
  severity: 'info',
  source: '005010X222A1/X223A2 2300 REF*G1 prior authorization (one per claim) [C]; domain.md §6 [seed]',
};

/**
 * Called with the authorization numbers met in one patient's period for one claim format; returns a
 * finding when the period had to be split (several numbers, or some charges without one).
 */
export function authorizationSplit(numbers: (string | null)[], subject: string): Finding | null {
  const distinct = [...new Set(numbers)];
  if (distinct.length <= 1) return null;
  const missing = distinct.includes(null);
  return {
    ruleId: CLAIM_005.id,
    severity: missing ? 'warning' : 'info',
    subject,
    message: missing
      ? `Some charges in the period have no prior authorization number: ${distinct.length} claims instead of one.`
      : `${distinct.length} prior authorization numbers in the period: one claim per authorization.`,
    evidence: { authorizations: distinct.length, withoutAuthorization: missing },
    ...(missing
      ? { fix: 'Link the authorization to the charges that lack one, or confirm none is needed.' }
      : {}),
  };
}
