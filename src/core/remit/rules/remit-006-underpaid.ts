import { dollars } from '../../letters/assemble-letter.js';
import { IGRT_PROFESSIONAL_CODE } from '../../model/billing-line.js';
import type { RuleMeta } from '../../model/rule.js';
import type { RemitVerdict } from '../remit-category.js';
import { type LineFacts, type RemitLineInput, submittedProcedure } from '../remit-line.js';

export const REMIT_006: RuleMeta = {
  id: 'REMIT-006',
  title: 'Paid below the expected Medicare or contract amount',
  severity: 'warning',
  source:
    'Seed: commercial payers paying freestanding 77402-77412 at pre-2015 rates; 77387 paid as low as ½ the Medicare rate; domain.md §4: compare paid vs expected per payer [seed]',
};

/** What the payer recognised (AMT*B6, else paid + patient responsibility), compared with `expected`. */
export function underpaid(input: RemitLineInput, facts: LineFacts): RemitVerdict | null {
  const { allowedCents } = facts;
  const expected = input.expected.cents;
  if (expected === null || expected <= 0 || input.line.paidCents <= 0) return null;
  const { options } = input;
  if (allowedCents >= expected * (1 - options.underpaymentMarginPercent / 100)) return null;
  const sent = submittedProcedure(input);
  const flags: string[] = [];
  const pre2015 = options.pre2015Cents[sent.code];
  if (pre2015 !== undefined) {
    const at = pre2015 * input.line.units;
    if (Math.abs(allowedCents - at) <= (at * options.nearPre2015Percent) / 100) flags.push('pre-2015-level');
  }
  const medicare = input.expected.medicareCents;
  if (sent.code === IGRT_PROFESSIONAL_CODE && medicare) {
    const share = allowedCents / medicare;
    if (share >= options.halfMedicareBand.min && share <= options.halfMedicareBand.max)
      flags.push('half-of-medicare');
  }
  const short = expected - allowedCents;
  return {
    category: 'underpaid',
    ruleId: REMIT_006.id,
    message: `Allowed ${dollars(allowedCents)} against ${dollars(expected)} expected (${input.expected.basis}): ${dollars(short)} short${flags.length ? `; ${flags.join(', ')}` : ''}${
      facts.patientResponsibilityCents > 0
        ? `; the patient owes ${dollars(facts.patientResponsibilityCents)}`
        : ''
    }.`,
    queue: 'underpayment-dispute',
    nextAction:
      input.expected.basis === 'contract'
        ? 'Dispute the payment against the contract rate.'
        : 'Review the payer’s fee schedule for the 2026 codes; renegotiate or dispute.',
    flags,
  };
}
