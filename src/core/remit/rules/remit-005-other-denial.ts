import type { RuleMeta } from '../../model/rule.js';
import { isDenialCarc } from '../carc-kinds.js';
import type { RemitVerdict } from '../remit-category.js';
import { lineAdjustments, type RemitLineInput } from '../remit-line.js';

export const REMIT_005: RuleMeta = {
  id: 'REMIT-005',
  title: 'Denied for another reason (by adjustment group and reason code)',
  severity: 'warning',
  source: 'X12 835 CAS group codes CO/PR/OA/PI with CARC; domain.md §4 [S]',
};

export function otherDenial(input: RemitLineInput): RemitVerdict | null {
  if (input.line.paidCents !== 0 || input.line.chargeCents <= 0) return null;
  const denials = lineAdjustments(input).filter((a) => isDenialCarc(a.reason));
  if (!denials.length && input.claim.status !== '4') return null;
  const codes = denials.map((a) => `${a.group}-${a.reason}`);
  return {
    category: 'other-denial',
    ruleId: REMIT_005.id,
    message: `Denied${codes.length ? ` under ${codes.join(', ')}` : ' (claim status 4)'}${input.line.remarks.length ? `; remarks ${input.line.remarks.join(', ')}` : ''}.`,
    nextAction: 'Read the reason and remark codes; correct and resubmit, or appeal with the chart.',
  };
}
