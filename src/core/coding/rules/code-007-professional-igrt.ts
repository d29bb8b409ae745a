import type { Finding } from '../../model/finding.js';
import type { RuleMeta } from '../../model/rule.js';
import type { SessionFacts } from '../../model/session-facts.js';

export const CODE_007: RuleMeta = {
  id: 'CODE-007',
  title:
    '77387-26 when image guidance was performed and reviewed by the physician; never a technical IGRT line; none with SBRT/SRS',
  severity: 'warning',
  source:
    'Seed: 77387-26 professional charge; technical IGRT bundled (status B) in 77402/77407/77412 [seed]; 77373, 77371/77372 and G0339/G0340 include guidance [U: confirm with NCCI]',
};

export type IgrtDecision = { bill: true; reason: string } | { bill: false; finding: Finding | null };

export function professionalIgrt(
  facts: SessionFacts,
  subject: string,
  deliveryCode: string | null,
): IgrtDecision {
  const ig = facts.imageGuidance;
  if (ig === null || !ig.performed) return { bill: false, finding: null };
  const skip = (message: string, fix?: string): IgrtDecision => ({
    bill: false,
    finding: { ruleId: CODE_007.id, severity: 'warning', subject, message, ...(fix ? { fix } : {}) },
  });
  if (facts.technique === 'SBRT' || deliveryCode === '77373') {
    return skip('No 77387 with SBRT: 77373 includes image guidance.');
  }
  // SRS (77371/77372) and robotic delivery (G0339/G0340, "image-guided") include their guidance [U].
  if (facts.technique === 'SRS' || facts.deliverySystem === 'robotic') {
    return skip(
      'No 77387 with stereotactic radiosurgery or robotic delivery: guidance is part of the delivery code.',
    );
  }
  if (facts.technique === 'brachytherapy') return skip('No 77387 with brachytherapy.');
  if (!ig.physicianReviewed) {
    return skip(
      'Image guidance performed but not reviewed by the physician: 77387-26 is not billable yet.',
      'Have the physician review and sign the image guidance, then re-run.',
    );
  }
  return {
    bill: true,
    reason: 'image guidance performed and reviewed by the physician (professional component)',
  };
}
