import type { Finding } from '../../model/finding.js';
import type { RuleMeta } from '../../model/rule.js';

export const PAYER_004: RuleMeta = {
  id: 'PAYER-004',
  title: 'The course names a payer profile the system knows',
  severity: 'warning',
  source: 'Issue #2: payer profiles are data; a default profile follows the CPT criteria',
};

export function unknownProfileFinding(requested: string, subject: string): Finding {
  return {
    ruleId: PAYER_004.id,
    severity: 'warning',
    subject,
    message: `Unknown payer profile "${requested}": audited with the default CPT criteria.`,
    evidence: { profile: requested },
    fix: "Load the profile with --profiles, or correct the course's payer.profile.",
  };
}
