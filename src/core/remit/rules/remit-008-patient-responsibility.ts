import { dollars } from '../../letters/assemble-letter.js';
import type { RuleMeta } from '../../model/rule.js';
import { NON_COVERED_CARCS } from '../carc-kinds.js';
import type { RemitVerdict } from '../remit-category.js';
import { forwarded, type LineFacts, type RemitLineInput } from '../remit-line.js';

export const REMIT_008: RuleMeta = {
  id: 'REMIT-008',
  title: 'Patient responsibility (deductible, coinsurance, copay): bill the patient or the secondary payer',
  severity: 'info',
  source:
    'X12 835 005010X221A1 CAS group PR; CARC list: 1 deductible, 2 coinsurance, 3 copay, 96/204 not covered by the plan (the patient’s under PR); domain.md §6.1: PR is a patient or secondary-payer balance, never a denial nor a hidden zero; CLP02 19/20/21 or a crossover carrier (NM1*TT): the payer forwarded the claim; settled when the next payer answered the same claim and service (CLP01, REF*6R) [S]',
};

/** PR-96/204: what the patient owes because the plan does not cover the service. */
const nonCoveredCents = (facts: LineFacts) =>
  facts.adjustments
    .filter((a) => a.group === 'PR' && NON_COVERED_CARCS.has(a.reason))
    .reduce((n, a) => n + a.amountCents, 0);

/** `deductible $120.00, coinsurance $20.00` */
export function patientShare(facts: LineFacts): string {
  const nonCovered = nonCoveredCents(facts);
  const other =
    facts.patientResponsibilityCents -
    facts.deductibleCents -
    facts.coinsuranceCents -
    facts.copayCents -
    nonCovered;
  const parts: [string, number][] = [
    ['deductible', facts.deductibleCents],
    ['coinsurance', facts.coinsuranceCents],
    ['copay', facts.copayCents],
    ['not covered by the plan', nonCovered],
    ['other patient responsibility', other],
  ];
  return parts
    .filter(([, cents]) => cents !== 0)
    .map(([name, cents]) => `${name} ${dollars(cents)}`)
    .join(', ');
}

/**
 * The patient's part of a line whose rest is denied (PR beside a CO denial, e.g. PR-1 with CO-197):
 * PR is what the patient owes, never part of the denial (domain.md §6.1; X12 835 CAS group PR), so the
 * denial's message and next action carry it, or the biller loses it. Empty when there is none.
 */
export function patientPartBesideDenial(facts: LineFacts): { message: string; nextAction: string } {
  if (facts.patientResponsibilityCents <= 0) return { message: '', nextAction: '' };
  const owed = dollars(facts.patientResponsibilityCents);
  return {
    message: ` The patient’s part is ${owed} (${patientShare(facts)}).`,
    nextAction: ` Separately, the patient’s part of ${owed} (${patientShare(facts)}) is not denied: bill the patient or the secondary payer for it.`,
  };
}

/** Who collects what is left: the next payer (a claim to send, or already forwarded) or the patient. */
export function balanceStep(
  input: RemitLineInput,
  leftCents: number,
): Pick<RemitVerdict, 'queue' | 'nextAction' | 'flags'> {
  // The next payer answered the same service: what it leaves is on its own line (linkCoordination).
  if (input.coordination?.laterPaidCents != null) return { queue: null, nextAction: null };
  if (input.otherCoverage && !forwarded(input))
    return {
      queue: 'secondary-claim',
      nextAction: `Send the claim to the next payer with this payer’s adjudication; bill the patient what it leaves of ${dollars(leftCents)}.`,
      flags: ['secondary-claim-due'],
    };
  if (forwarded(input))
    return {
      queue: 'bill-patient-or-secondary',
      nextAction: `The payer forwarded the claim to the next payer: wait for its remittance, then bill the patient what is left of ${dollars(leftCents)}.`,
    };
  return {
    queue: 'bill-patient-or-secondary',
    nextAction: `Bill the patient ${dollars(leftCents)} (or the secondary payer, if the patient has one we do not know of).`,
  };
}

/** ` The secondary paid $84.00; $0.00 left for the patient.` when a later payer answered the service. */
export function laterPayerPaid(input: RemitLineInput, leftCents: number): string {
  const later = input.coordination?.laterPaidCents;
  if (later == null) return '';
  const who = ['1', '19'].includes(input.claim.status) ? 'secondary' : 'next payer';
  return ` The ${who} paid ${dollars(later)}; ${dollars(Math.max(leftCents - later, 0))} left for the patient.`;
}

export function patientResponsibility(input: RemitLineInput, facts: LineFacts): RemitVerdict | null {
  const owed = facts.patientResponsibilityCents;
  if (owed <= 0) return null;
  const allDeductible = input.line.paidCents === 0 && facts.deductibleCents >= facts.allowedCents;
  const step = balanceStep(input, owed);
  return {
    category: 'patient-responsibility',
    ruleId: REMIT_008.id,
    message: `${
      allDeductible
        ? `Patient responsibility: the allowed ${dollars(facts.allowedCents)} went entirely to the deductible; bill the patient or the secondary payer.`
        : `Patient responsibility ${dollars(owed)} (${patientShare(facts)}); the payer paid ${dollars(input.line.paidCents)}.`
    }${laterPayerPaid(input, owed)}`,
    ...step,
    // PR-96/204: the plan puts a non-covered service on the patient; the benefits say whether rightly.
    ...(step.nextAction && nonCoveredCents(facts) > 0
      ? {
          nextAction: `Check the patient’s benefits for the service the plan did not cover (the signed advance notice, ABN or plan waiver, when there is one); then: ${step.nextAction}`,
        }
      : {}),
  };
}
