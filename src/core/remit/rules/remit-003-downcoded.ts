import { DELIVERY_CODES } from '../../model/billing-line.js';
import type { RuleMeta } from '../../model/rule.js';
import { dollars } from '../../letters/assemble-letter.js';
import { DOWNCODE_CARCS } from '../carc-kinds.js';
import { TRADITIONAL_MEDICARE } from '../claim-resubmission.js';
import type { RemitVerdict } from '../remit-category.js';
import { denialIn, type LineFacts, type RemitLineInput, submittedProcedure } from '../remit-line.js';

export const REMIT_003: RuleMeta = {
  id: 'REMIT-003',
  title: 'Delivery downcoded (e.g. 77412 adjudicated or paid as 77407)',
  severity: 'error',
  source:
    'Seed: prior auths and claims downcoded 77412 → 77407 under faulty policies; domain.md §4 and §6.1: SVC01 = 77407 with SVC06 = 77412, or 77412 allowed at the 77407 rate (with or without CARC 150); X12 835 SVC06 [seed; S]',
};

const level = (code: string) => (DELIVERY_CODES as readonly string[]).indexOf(code);

/**
 * A change of procedure (SVC06 ≠ SVC01, to a lower delivery level), or an allowed amount that matches
 * the lower level's rate (within the underpayment margin either side), named with CARC 150 when the payer
 * gives it. An allowed amount well below the lower level is not a level change: it is read as an
 * underpayment or patient responsibility by the later rules. CARC 150 alone with another amount is not a
 * downcode (other rules read it); a frequency denial (151) never is.
 */
export function downcoded(input: RemitLineInput, facts: LineFacts): RemitVerdict | null {
  const sent = submittedProcedure(input).code;
  const sentLevel = level(sent);
  if (sentLevel < 0) return null;
  const paidAs = input.line.procedure.code;
  const paidLevel = level(paidAs);
  // 835 2110 SVC06: the procedure as submitted, when the payer adjudicated another one.
  const medicare = TRADITIONAL_MEDICARE.has(input.claim.filingIndicator ?? '');
  if (paidLevel >= 0 && paidLevel < sentLevel)
    return verdict(`Submitted ${sent}, adjudicated as ${paidAs}.`, medicare);
  const lower = input.expected.lowerLevelCents;
  const allowed = facts.allowedCents;
  if (
    sentLevel > 0 &&
    lower !== null &&
    allowed > 0 &&
    Math.abs(allowed - lower) <= (lower * input.options.underpaymentMarginPercent) / 100
  ) {
    const lowerCode = DELIVERY_CODES[sentLevel - 1]!;
    const carc150 = denialIn(facts, DOWNCODE_CARCS);
    return verdict(
      `${sent} allowed at the ${lowerCode} rate (${dollars(allowed)}; ${lowerCode} pays ${dollars(lower)})${carc150 ? `, under CARC ${carc150.reason} (this level of service not supported)` : ''}.`,
      medicare,
    );
  }
  return null;
}

/** Traditional Medicare (CLP06 MA/MB) has no peer-to-peer: its first appeal is a redetermination (42 CFR 405.940). */
const verdict = (message: string, traditionalMedicare: boolean): RemitVerdict => ({
  category: 'downcoded',
  ruleId: REMIT_003.id,
  message,
  queue: 'appeal',
  nextAction: `${traditionalMedicare ? 'Redetermination (no peer-to-peer in traditional Medicare)' : 'Peer-to-peer and appeal'} with the patient’s motion-management evidence and the five documentation elements.`,
});
