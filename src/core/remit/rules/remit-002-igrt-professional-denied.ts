import { IGRT_PROFESSIONAL_CODE } from '../../model/billing-line.js';
import type { RuleMeta } from '../../model/rule.js';
import type { RemitVerdict } from '../remit-category.js';
import { type LineFacts, type RemitLineInput, submittedProcedure } from '../remit-line.js';

export const REMIT_002: RuleMeta = {
  id: 'REMIT-002',
  title: '77387 (professional image guidance) paid nothing',
  severity: 'error',
  source:
    'Seed (ASTRO, 14 Jan 2026): 77387-26 denials as bundled or not separately payable; UHC requires -26 from 1 Mar 2026; for payers that deny because of the modifier ASTRO suggests resubmitting without it [seed; C: ASTRO]',
};

/** `facts`: a zero explained by patient responsibility alone (e.g. the deductible) is not a denial. */
export function igrtProfessionalDenied(input: RemitLineInput, facts: LineFacts): RemitVerdict | null {
  const sent = submittedProcedure(input);
  if (sent.code !== IGRT_PROFESSIONAL_CODE || input.line.paidCents !== 0 || input.line.chargeCents <= 0)
    return null;
  if (!facts.denials.length && facts.patientResponsibilityCents > 0) return null;
  const with26 = (input.charge?.modifiers ?? sent.modifiers).includes('26');
  const rule = input.charge?.igrtModifierRule ?? null;
  const step: Pick<RemitVerdict, 'queue' | 'nextAction'> =
    rule === 'required' && !with26
      ? {
          queue: 'corrected-claim',
          nextAction: 'The payer requires modifier 26 on 77387: send a corrected claim with it.',
        }
      : rule === 'omit' && with26
        ? {
            queue: 'corrected-claim',
            nextAction:
              'This payer rejects 77387 with modifier 26: send a corrected claim without it (ASTRO’s advice for such payers).',
          }
        : {
            queue: 'appeal',
            nextAction:
              'Appeal: in 2026 only the technical image guidance is bundled; the physician’s review (77387-26) is separately payable.',
          };
  return {
    category: 'igrt-professional-denied',
    ruleId: REMIT_002.id,
    message: `77387 ${with26 ? 'with' : 'without'} modifier 26 paid 0${rule ? `; the payer’s rule on that date: 26 ${rule}` : ''}.`,
    ...step,
  };
}
