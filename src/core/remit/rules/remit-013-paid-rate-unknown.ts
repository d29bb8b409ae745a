import { dollars } from '../../letters/assemble-letter.js';
import type { RuleMeta } from '../../model/rule.js';
import type { RemitVerdict } from '../remit-category.js';
import { type LineFacts, type RemitLineInput, submittedProcedure } from '../remit-line.js';

export const REMIT_013: RuleMeta = {
  id: 'REMIT-013',
  title: 'Paid without a denial, but no Medicare or contract rate is known for the code',
  severity: 'info',
  source:
    'Seed: underpayment is a paid amount far below the expected Medicare or contracted amount, found by comparing paid vs expected per payer (domain.md §4): without a rate for the code (77373, G0339…) nothing can be compared, so the line is not "paid as expected" until the practice sets the contract rate [seed]',
};

/** Paid something, less than billed, with no rate to compare with (a payment of the full charge needs none). */
export function paidRateUnknown(input: RemitLineInput, facts: LineFacts): RemitVerdict | null {
  if (input.expected.cents !== null || input.line.paidCents <= 0) return null;
  if (facts.allowedCents >= input.line.chargeCents) return null;
  const code = submittedProcedure(input).code || 'the claim';
  return {
    category: 'paid-rate-unknown',
    ruleId: REMIT_013.id,
    message: `${code} allowed ${dollars(facts.allowedCents)} of ${dollars(input.line.chargeCents)} billed; expected unknown: no Medicare or contract rate is on file for it.`,
    queue: 'set-contract-rate',
    nextAction:
      'Set the payer’s contract rate for this code (or load the Medicare fee schedule that prices it), then recheck the payment against it.',
  };
}
