import type { RuleMeta } from '../../model/rule.js';
import type { RemitVerdict } from '../remit-category.js';
import type { RemitLineInput } from '../remit-line.js';

export const REMIT_014: RuleMeta = {
  id: 'REMIT-014',
  title: 'The payer’s amounts do not balance: the payment cannot be checked',
  severity: 'warning',
  source:
    'X12 835 005010X221A1 TR3 1.10.2.1 balancing: SVC02 − SVC03 = Σ CAS of the line, CLP03 − CLP04 = Σ CAS of the claim and its lines (domain.md §6.1 Balancing); a line whose amounts do not add up is never read as paid as expected [S]',
};

/** The flag every line of an unbalanced claim carries, whatever its category. */
export const UNBALANCED_FLAG = 'amounts-do-not-balance';

/** A paid line (not a denial) on a line or claim whose amounts do not balance. */
export function unbalancedAmounts(input: RemitLineInput): RemitVerdict | null {
  if (!input.amountsUnbalanced) return null;
  return {
    category: 'unbalanced-amounts',
    ruleId: REMIT_014.id,
    message:
      'The payer’s amounts do not balance (charge − payment ≠ Σ adjustments on the line or its claim): the payment cannot be checked.',
    queue: 'payer-reprocess',
    nextAction:
      'Ask the payer for a corrected remittance (or to reprocess the claim): the charge, payment and adjustments it sent do not add up.',
  };
}
