import type { Finding } from '../../model/finding.js';
import type { RuleMeta } from '../../model/rule.js';
import type { PayerProfile } from '../../payers/payer-profile.js';
import { type ElementScore, elementsExpected } from '../documentation-elements.js';

export const DOC_003: RuleMeta = {
  id: 'DOC-003',
  title: 'The five documentation elements reviewers look for, against the payer’s bar',
  severity: 'warning',
  source:
    'ASTRO, "I got denied or downcoded" (eviCore documentation elements), 2026-01-21 [C]; domain.md §3.3',
};

/** A course-level finding: the score, and what to add when it is below the payer's bar. */
export function documentationElementsFinding(
  elements: readonly ElementScore[],
  profile: PayerProfile,
  subject: string,
): Finding {
  const score = elements.filter((e) => e.present).length;
  const met = score >= profile.documentationElementsRequired;
  // The score, the bar when it is not met, then each element (built in one object, not spread into one).
  const evidence: Record<string, number | boolean> = { score };
  if (!met) evidence['required'] = profile.documentationElementsRequired;
  for (const e of elements) evidence[`element${e.id}`] = e.present;
  if (met) {
    return {
      ruleId: DOC_003.id,
      severity: 'info',
      subject,
      message: `Documentation addresses ${score} of 5 elements; ${elementsExpected(profile)}.`,
      evidence,
    };
  }
  const missing = elements.filter((e) => !e.present);
  return {
    ruleId: DOC_003.id,
    severity: 'warning',
    subject,
    message: `Documentation addresses ${score} of 5 elements; ${elementsExpected(profile)}. Missing: ${missing.map((e) => `(${e.id}) ${e.name}`).join('; ')}.`,
    evidence,
    fix: 'Add the missing elements to the necessity statement or the AMM order before the payer reviews the claim.',
  };
}
