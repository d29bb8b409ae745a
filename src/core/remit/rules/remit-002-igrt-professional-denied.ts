import { IGRT_PROFESSIONAL_CODE } from '../../model/billing-line.js';
import type { RuleMeta } from '../../model/rule.js';
import { MEDICAL_NECESSITY_CARCS } from '../carc-kinds.js';
import { TRADITIONAL_MEDICARE } from '../claim-resubmission.js';
import type { RemitVerdict } from '../remit-category.js';
import { denialIn, type LineFacts, type RemitLineInput, submittedProcedure } from '../remit-line.js';

export const REMIT_002: RuleMeta = {
  id: 'REMIT-002',
  title: '77387 (professional image guidance) paid nothing',
  severity: 'error',
  source:
    "Seed (ASTRO, 14 Jan 2026): 77387-26 denials as bundled or not separately payable; UHC requires -26 from 1 Mar 2026; for payers that deny because of the modifier ASTRO suggests resubmitting without it; a medical-necessity CARC (50/55/56/167) is the payer's stated reason and goes to REMIT-005's medical-necessity appeal; traditional Medicare processes a clerical error (a modifier included) as a reopening, not a redetermination (42 CFR 405.980(a)(3); CMS IOM 100-04 ch. 34 §10.4) [seed; C: ASTRO; S]",
};

/**
 * Traditional Medicare's CO-4 (modifier inconsistent with the procedure) on 77387: a wrong modifier is a
 * clerical error, which the MAC processes as a reopening, not a redetermination (42 CFR 405.980(a)(3);
 * CMS IOM 100-04 ch. 34 §10.4 "Reopenings Based on Clerical or Minor Errors and Omissions").
 */
/** CARC 4: the procedure code is inconsistent with the modifier used, or a required modifier is missing. */
const MODIFIER_CARC: ReadonlySet<string> = new Set(['4']);

export const MEDICARE_MODIFIER_REOPENING =
  'Traditional Medicare denied 77387 over its modifier (CO-4): check the modifier on the claim first; if it was wrong, ask the MAC for a reopening to correct it (a clerical error, 42 CFR 405.980(a)(3); CMS IOM 100-04 ch. 34 §10.4), not an appeal; only if the claim was right, request a redetermination: in 2026 only the technical image guidance is bundled; the physician’s review (77387-26) is separately payable.';

/**
 * `facts`: a zero explained by patient responsibility alone (e.g. the deductible) is not a denial; a
 * medical-necessity denial is the payer's stated reason, not a 77387 problem: REMIT-005 answers it.
 */
export function igrtProfessionalDenied(input: RemitLineInput, facts: LineFacts): RemitVerdict | null {
  const sent = submittedProcedure(input);
  if (sent.code !== IGRT_PROFESSIONAL_CODE || input.line.paidCents !== 0 || input.line.chargeCents <= 0)
    return null;
  if (!facts.denials.length && facts.patientResponsibilityCents > 0) return null;
  if (denialIn(facts, MEDICAL_NECESSITY_CARCS)) return null;
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
        : TRADITIONAL_MEDICARE.has(input.claim.filingIndicator ?? '') && denialIn(facts, MODIFIER_CARC)
          ? { queue: 'corrected-claim', nextAction: MEDICARE_MODIFIER_REOPENING }
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
