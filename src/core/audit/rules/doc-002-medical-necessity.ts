import { necessityFractionMismatch } from '../documentation-elements.js';
import type { RuleMeta } from '../../model/rule.js';
import type { FractionContext } from '../fraction-context.js';
import { NO_OUTCOME, outcome, type Outcome } from '../outcome.js';

export const DOC_002: RuleMeta = {
  id: 'DOC-002',
  title: 'A patient-specific medical-necessity statement for motion management',
  severity: 'error',
  source:
    'Seed, "Documentation Requirements" (a paragraph tailored to each patient) [seed]; ASTRO: "DIBH" alone or check-boxes alone are insufficient [C]',
};

/** What DOC-002 says about each problem (also shown live while a physician writes the statement). */
export const NECESSITY_MESSAGES = {
  missing: 'No medical-necessity statement for motion management.',
  'dibh-only': 'The medical-necessity statement says little more than "DIBH": reviewers reject it.',
  'too-short':
    'The medical-necessity statement is too short or template-like: it does not say why this patient needs motion management.',
  template: 'The medical-necessity statement still contains template placeholders.',
  'not-patient-specific':
    'The medical-necessity statement has no patient facts (site, laterality, organs at risk, doses).',
} as const;

export function checkMedicalNecessity(ctx: FractionContext): Outcome {
  const problem = ctx.necessity;
  if (problem === null) {
    const mismatch = necessityFractionMismatch(ctx.course.necessity?.text, ctx.course.plan.fractionsPlanned);
    const signed = ctx.course.necessity?.signature?.role === 'physician';
    if (signed && !mismatch) return NO_OUTCOME;
    return outcome({
      ruleId: DOC_002.id,
      severity: 'warning',
      subject: ctx.subject,
      message: [signed ? null : 'The medical-necessity statement is not signed by a physician.', mismatch]
        .filter((m) => m !== null)
        .join(' '),
      fix: signed ? 'The physician corrects the statement.' : 'The physician signs the statement.',
    });
  }
  return outcome(
    {
      ruleId: DOC_002.id,
      severity: 'error',
      subject: ctx.subject,
      message: NECESSITY_MESSAGES[problem],
      evidence: { problem },
      fix: 'The physician writes a paragraph for this patient: why motion matters here (site, laterality, organs at risk and their doses), the system, thresholds and what triggers a beam hold.',
    },
    'hold',
  );
}
