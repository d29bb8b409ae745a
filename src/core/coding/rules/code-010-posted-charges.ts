import { DELIVERY_CODES, IGRT_PROFESSIONAL_CODE } from '../../model/billing-line.js';
import type { Finding } from '../../model/finding.js';
import type { RuleMeta } from '../../model/rule.js';
import { isDeletedCode } from './code-009-deleted-codes.js';

export const CODE_010: RuleMeta = {
  id: 'CODE-010',
  title: 'Charges posted by the oncology information system match the codes the session supports',
  severity: 'warning',
  source:
    'Issue #3: audit the HL7 DFT^P03 charges before they reach billing; one delivery code per session (CMS PM A-03-020) [C]',
};

/**
 * A warning for each posted delivery code other than the one selected, and for a posted 77387 the session
 * does not support. Deleted codes are CODE-009's; codes of other families are not judged here.
 */
export function postedChargeFindings(
  posted: readonly string[],
  subject: string,
  selected: { delivery: string | null; igrt: boolean },
): Finding[] {
  const findings: Finding[] = [];
  for (const code of new Set(posted)) {
    if (isDeletedCode(code)) continue;
    const isDelivery = (DELIVERY_CODES as readonly string[]).includes(code);
    if (isDelivery && code !== selected.delivery) {
      findings.push({
        ruleId: CODE_010.id,
        severity: 'warning',
        subject,
        message: `The OIS posted ${code}; the session supports ${selected.delivery ?? 'no delivery line'}.`,
        evidence: { postedCode: code, selectedCode: selected.delivery },
        fix: `Correct the charge to ${selected.delivery ?? 'the code family the session belongs to'} before it is billed.`,
      });
    }
    if (code === IGRT_PROFESSIONAL_CODE && !selected.igrt) {
      findings.push({
        ruleId: CODE_010.id,
        severity: 'warning',
        subject,
        message: 'The OIS posted 77387, but the session supports no professional image-guidance line.',
        evidence: { postedCode: code },
        fix: 'Remove the 77387 charge, or record the physician’s image-guidance review and re-run.',
      });
    }
  }
  return findings;
}
