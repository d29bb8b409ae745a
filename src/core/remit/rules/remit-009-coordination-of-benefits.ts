import { dollars } from '../../letters/assemble-letter.js';
import type { RuleMeta } from '../../model/rule.js';
import type { RemitVerdict } from '../remit-category.js';
import { type LineFacts, type RemitLineInput } from '../remit-line.js';
import { isHiddenZero } from './remit-004-zero-paid-no-denial.js';
import { balanceStep, laterPayerPaid, patientShare } from './remit-008-patient-responsibility.js';

export const REMIT_009: RuleMeta = {
  id: 'REMIT-009',
  title: 'Coordination of benefits: what the prior payer paid, what is left, whether a next claim is due',
  severity: 'info',
  source:
    'X12 835 005010X221A1 CLP02 2/3 processed as secondary/tertiary, 20/21 and forwarded, 23 not our claim (forwarded); CARC list: 23 impact of prior payer adjudication; domain.md §6.1; the earlier payer’s answer to the same claim and service (CLP01, REF*6R) counts toward the expected amount [S]',
};

const SECONDARY_STATUSES: Readonly<Record<string, string>> = {
  '2': 'secondary',
  '3': 'tertiary',
  '20': 'secondary (forwarded)',
  '21': 'tertiary (forwarded)',
};

/** Processed as secondary or tertiary (CLP02 2/3/20/21), or a prior payer's adjudication (CAS 23) on the line. */
export const processedAsLaterPayer = (input: RemitLineInput, facts: LineFacts): boolean =>
  SECONDARY_STATUSES[input.claim.status] !== undefined || facts.priorPayerCents !== 0;

export function coordinationOfBenefits(input: RemitLineInput, facts: LineFacts): RemitVerdict | null {
  if (input.claim.status !== '23' && !processedAsLaterPayer(input, facts)) return null;
  // A delivery code paid 0 under CO-45 alone (no CAS 23, no PR) is the hidden zero whatever CLP02 says
  // (domain.md §4, REMIT-004): nothing of a prior payer's adjudication is on the line.
  if (isHiddenZero(input, facts)) return null;
  // CLP02 23: "not our claim, forwarded to additional payer(s)": not a denial to appeal.
  if (input.claim.status === '23')
    return {
      category: 'coordination-of-benefits',
      ruleId: REMIT_009.id,
      message: `The payer says the claim is not its own and forwarded it to another payer (CLP02 23); it paid ${dollars(input.line.paidCents)}.`,
      queue: 'secondary-claim',
      nextAction:
        'Check the patient’s coverage order; watch for the other payer’s remittance, and bill the payer that covers the service if none arrives.',
    };
  const as = SECONDARY_STATUSES[input.claim.status];
  const left = facts.patientResponsibilityCents;
  const priorPaid = input.coordination?.priorPaidCents ?? 0;
  const prior = [
    priorPaid ? `the prior payer paid ${dollars(priorPaid)}` : null,
    facts.priorPayerCents
      ? `the prior payer’s payment and adjustments account for ${dollars(facts.priorPayerCents)} (CAS 23)`
      : null,
  ]
    .filter(Boolean)
    .join(', ');
  // Without the prior payer's remittance its payment is unknown: no shortfall is claimed (classify-line.ts).
  const onFile = input.coordination
    ? ''
    : '; the prior payer’s payment is not on file (no shortfall is claimed)';
  const message = `Processed as ${as ?? 'a later payer'}: ${prior || 'the prior payer’s share is not stated'}${onFile}; this payer paid ${dollars(input.line.paidCents)}; ${
    left > 0 ? `${dollars(left)} left (${patientShare(facts)})` : 'nothing left'
  }.${laterPayerPaid(input, left)}`;
  if (left <= 0)
    return {
      category: 'coordination-of-benefits',
      ruleId: REMIT_009.id,
      message,
      queue: null,
      nextAction: null,
    };
  return { category: 'coordination-of-benefits', ruleId: REMIT_009.id, message, ...balanceStep(input, left) };
}
