import { MEDICARE_PART_B } from '../../claims/medicare-part-b-corrections.js';
import type { RuleMeta } from '../../model/rule.js';
import { MISSING_INFORMATION_CARCS } from '../carc-kinds.js';
import { resubmission } from '../claim-resubmission.js';
import type { RemitVerdict } from '../remit-category.js';
import { isInformationRemark, remarkPhrases } from '../remark-codes.js';
import { allRemarks, carcLabel, type LineFacts, type RemitLineInput } from '../remit-line.js';

export const REMIT_012: RuleMeta = {
  id: 'REMIT-012',
  title: 'Denied for missing or invalid information: send a corrected claim',
  severity: 'error',
  source:
    'CARC list: 16 and 252 (the claim lacks information, a remark says what), A1 with an M/MA/N remark; RARC list (e.g. N290 rendering provider identifier, MA130 new claim); domain.md §6.1: corrected claim, not an appeal; X12 837 CLM05-3 = 7 with REF*F8; Medicare Part B (CLP06 MB) takes no frequency 7: a claim returned unprocessable (CO-16 with MA130 or an N remark) is corrected and sent as a new claim (CMS IOM 100-04 ch. 1 §80.3), a processed one is corrected by a reopening (CMS IOM 100-04 ch. 34; 42 CFR 405.980) [S]',
};

export function missingInformation(input: RemitLineInput, facts: LineFacts): RemitVerdict | null {
  if (facts.denials.length === 0) return null;
  const remarks = allRemarks(input).filter(isInformationRemark);
  const denial =
    facts.denials.find((a) => MISSING_INFORMATION_CARCS.has(a.reason)) ??
    (remarks.length ? facts.denials.find((a) => a.reason === 'A1') : undefined);
  if (!denial) return null;
  const what = remarkPhrases(remarks).join(', ');
  const fix = what ? `, fixing: ${what}` : ' (the remark naming what is missing was not sent: ask the payer)';
  // What the line's deadline and letter read too (`resubmission`), so the three agree.
  const claim = resubmission({
    category: 'missing-information',
    queue: 'corrected-claim',
    carcs: facts.adjustments.map(carcLabel),
    remarks: allRemarks(input),
    claimFilingIndicator: input.claim.filingIndicator ?? null,
  });
  const partB = input.claim.filingIndicator === MEDICARE_PART_B;
  return {
    category: 'missing-information',
    ruleId: REMIT_012.id,
    message: `Missing or invalid information (${carcLabel(denial)})${what ? `: ${what}` : ''}.`,
    queue: 'corrected-claim',
    nextAction:
      claim === 'corrected-claim'
        ? `Send a corrected claim (frequency 7 with the payer’s claim number, REF*F8)${fix}.`
        : claim === 'new-claim'
          ? partB
            ? `Medicare Part B returned the claim unprocessable: send it as a new claim (frequency 1, no REF*F8)${fix}; it has no appeal rights.`
            : `Send a new claim${fix}.`
          : // Medicare Part B takes no replacement claim: processed, the claim is corrected by a reopening
            // (CMS IOM 100-04 ch. 34: clerical errors, within one year of the initial determination,
            // 42 CFR 405.980(b)), else a redetermination.
            `Medicare Part B takes no corrected claim (frequency 7): request a reopening from the MAC (clerical error, within one year of the initial determination)${fix}, or a redetermination.`,
  };
}
