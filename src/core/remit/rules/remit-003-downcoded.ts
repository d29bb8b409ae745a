import { DELIVERY_CODES } from '../../model/billing-line.js';
import type { RuleMeta } from '../../model/rule.js';
import { DOWNCODE_CARCS } from '../carc-kinds.js';
import type { RemitVerdict } from '../remit-category.js';
import { lineAdjustments, type RemitLineInput, submittedProcedure } from '../remit-line.js';

export const REMIT_003: RuleMeta = {
  id: 'REMIT-003',
  title: 'Delivery downcoded (e.g. 77412 adjudicated or paid as 77407)',
  severity: 'error',
  source:
    'Seed: prior auths and claims downcoded 77412 → 77407 under faulty policies; domain.md §4: SVC01 = 77407 with SVC06 = 77412, or 77412 paid at the 77407 rate, or CARC 150 [seed; S]',
};

const level = (code: string) => (DELIVERY_CODES as readonly string[]).indexOf(code);

/** `allowed`: paid + patient responsibility (what the payer priced the line at). */
export function downcoded(input: RemitLineInput, allowedCents: number): RemitVerdict | null {
  const sent = submittedProcedure(input).code;
  const paidAs = input.line.procedure.code;
  const appeal =
    'Peer-to-peer and appeal with the patient’s motion-management evidence and the five documentation elements.';
  // 835 2110 SVC06: the procedure as submitted, when the payer adjudicated another one.
  if (level(sent) >= 0 && level(paidAs) >= 0 && level(paidAs) < level(sent)) {
    return {
      category: 'downcoded',
      ruleId: REMIT_003.id,
      message: `Submitted ${sent}, adjudicated as ${paidAs}.`,
      nextAction: appeal,
    };
  }
  const carc150 = lineAdjustments(input).find((a) => DOWNCODE_CARCS.has(a.reason));
  if (carc150 && level(sent) > 0) {
    return {
      category: 'downcoded',
      ruleId: REMIT_003.id,
      message: `${sent} reduced under CARC ${carc150.reason} (information does not support this level of service).`,
      nextAction: appeal,
    };
  }
  const lower = input.expected.lowerLevelCents;
  const paid = allowedCents;
  if (
    level(sent) > 0 &&
    lower !== null &&
    paid > 0 &&
    paid <= lower * (1 + input.options.underpaymentMarginPercent / 100)
  ) {
    const lowerCode = DELIVERY_CODES[level(sent) - 1]!;
    return {
      category: 'downcoded',
      ruleId: REMIT_003.id,
      message: `${sent} allowed at the ${lowerCode} rate (${paid} ≤ ${lower} cents).`,
      nextAction: appeal,
    };
  }
  return null;
}
