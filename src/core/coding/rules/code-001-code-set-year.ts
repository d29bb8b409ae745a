import type { Finding } from '../../model/finding.js';
import type { RuleMeta } from '../../model/rule.js';
import type { SessionFacts } from '../../model/session-facts.js';

export const CODE_001: RuleMeta = {
  id: 'CODE-001',
  title: 'Date of service falls under the 2026 delivery code set',
  severity: 'error',
  source: 'ASTRO, "Major radiation oncology code changes in 2026": 77402/77407/77412 from 2026-01-01 [C]',
};

/** The engine encodes the 2026 code set only; earlier dates of service used 77385/77386 and G-codes. */
export function checkCodeSetYear(facts: SessionFacts, subject: string): Finding | null {
  if (facts.dateOfService >= '2026-01-01') return null;
  return {
    ruleId: CODE_001.id,
    severity: 'error',
    subject,
    message: `Date of service ${facts.dateOfService} is before 2026: the 2026 delivery codes do not apply.`,
    evidence: { dateOfService: facts.dateOfService },
    fix: 'Code dates of service before 2026-01-01 with the 2025 code set (outside this tool).',
  };
}
