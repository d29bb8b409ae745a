import { DELIVERY_CODES } from '../../model/billing-line.js';
import type { RuleMeta } from '../../model/rule.js';
import type { RemitVerdict } from '../remit-category.js';
import {
  carcLabel,
  type LineFacts,
  type RemitLineInput,
  serviceDate,
  submittedProcedure,
} from '../remit-line.js';

export const REMIT_004: RuleMeta = {
  id: 'REMIT-004',
  title: 'A delivery code paid nothing without a denial code (hidden denial)',
  severity: 'error',
  source:
    'Seed: 77402/77407/77412 denied outright in freestanding settings; domain.md §4: a zero payment whose adjustment reason is not one normally used for denials (e.g. the whole charge under CO-45), not patient responsibility (PR) nor coordination of benefits (CAS 23), whatever CLP02 says, on a service line or a claim answered without lines (TR3 2110 situational): detect by amount, not by code [seed]',
};

/**
 * A delivery code (or a claim answered without lines) paid 0 whose adjustments are neither a denial, nor
 * the patient's (PR), nor the prior payer's (CAS 23): whatever CLP02 says, including a claim processed
 * as secondary or tertiary (2, 3, 20, 21) or forwarded (23), so coordination of benefits defers to it.
 */
export function isHiddenZero(input: RemitLineInput, facts: LineFacts): boolean {
  const code = submittedProcedure(input).code;
  const claimLevel = code === '' && facts.adjustments.length > 0;
  if (!claimLevel && !(DELIVERY_CODES as readonly string[]).includes(code)) return false;
  if (input.line.paidCents !== 0 || input.line.chargeCents <= 0) return false;
  return !facts.denials.length && facts.patientResponsibilityCents === 0 && facts.priorPayerCents === 0;
}

/**
 * Whatever the claim status (a payer may send CLP02 4 or 1): the amounts decide. A claim adjudicated at
 * claim level (no SVC: `claimLevelLine`, empty code) is read the same way from its claim CAS, when it has
 * adjustments to read.
 */
export function zeroPaidWithoutDenial(input: RemitLineInput, facts: LineFacts): RemitVerdict | null {
  if (!isHiddenZero(input, facts)) return null;
  const code = submittedProcedure(input).code;
  const claimLevel = code === '';
  const setting = input.charge?.placeOfService === '11' ? ' in a freestanding centre' : '';
  return {
    category: 'zero-paid-no-denial-code',
    ruleId: REMIT_004.id,
    message: `${claimLevel ? 'The claim (answered without service lines)' : code} paid 0${setting} with no denial-type adjustment (${
      facts.adjustments.map(carcLabel).join(', ') || 'none'
    }; claim status ${input.claim.status}).`,
    queue: 'payer-reprocess',
    nextAction: `Ask the payer to reprocess: the service is covered${coveredIn(serviceDate(input))} and the adjustment is not a denial; appeal if refused.`,
  };
}

/** ` in 2025`: the code set of the date of service's year (CPT's 2026 delivery codes differ from 2025's). */
const coveredIn = (date: string | null) => (date && /^\d{4}-/.test(date) ? ` in ${date.slice(0, 4)}` : '');
