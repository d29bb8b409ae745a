import { DELIVERY_CODES } from '../../model/billing-line.js';
import type { RuleMeta } from '../../model/rule.js';
import { isDenialCarc } from '../carc-kinds.js';
import type { RemitVerdict } from '../remit-category.js';
import { lineAdjustments, type RemitLineInput, submittedProcedure } from '../remit-line.js';

export const REMIT_004: RuleMeta = {
  id: 'REMIT-004',
  title: 'A delivery code paid nothing without a denial code (hidden denial)',
  severity: 'error',
  source:
    'Seed: 77402/77407/77412 denied outright in freestanding settings; domain.md §4: a zero payment whose adjustment reason is not one normally used for denials (e.g. the whole charge under CO-45): detect by amount, not by code [seed]',
};

export function zeroPaidWithoutDenial(input: RemitLineInput): RemitVerdict | null {
  const code = submittedProcedure(input).code;
  if (!(DELIVERY_CODES as readonly string[]).includes(code)) return null;
  if (input.line.paidCents !== 0 || input.line.chargeCents <= 0) return null;
  // CLP02 = 4: the payer says the claim is denied; that is an open denial, not a hidden one.
  if (input.claim.status === '4') return null;
  if (lineAdjustments(input).some((a) => isDenialCarc(a.reason))) return null;
  const setting = input.charge?.placeOfService === '11' ? ' in a freestanding centre' : '';
  return {
    category: 'zero-paid-no-denial-code',
    ruleId: REMIT_004.id,
    message: `${code} paid 0${setting} with no denial-type adjustment (${
      lineAdjustments(input)
        .map((a) => `${a.group}-${a.reason}`)
        .join(', ') || 'none'
    }).`,
    nextAction:
      'Ask the payer to reprocess: the service is covered in 2026 and the adjustment is not a denial; appeal if refused.',
  };
}
