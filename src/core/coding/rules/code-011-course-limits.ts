import type { Finding } from '../../model/finding.js';
import type { RuleMeta } from '../../model/rule.js';
import type { SessionFacts } from '../../model/session-facts.js';

export const CODE_011: RuleMeta = {
  id: 'CODE-011',
  title: 'Stereotactic codes stay within their course limits; fractionated SRS is 77373',
  severity: 'error',
  source:
    'CPT 77373: SBRT per fraction, "entire course not to exceed 5 fractions"; CPT 77371/77372: SRS "complete course of treatment … consisting of 1 session" (cranial SRS in 2–5 fractions is reported with 77373); CMS HCPCS G0339 first session / G0340 "each additional … up to 5 sessions" [C: AMA CPT 2026, CMS HCPCS]',
};

/** The session limit of each course-limited code, as its descriptor states it. */
export const COURSE_LIMITS: ReadonlyMap<string, { sessions: number; descriptor: string }> = new Map([
  ['77373', { sessions: 5, descriptor: 'CPT 77373: "entire course not to exceed 5 fractions"' }],
  [
    'G0340',
    { sessions: 5, descriptor: 'HCPCS G0340: each additional session "up to 5 sessions" per course' },
  ],
]);

/** SRS given in more than one session: the plan prescribes several, or this is not the first. */
export function isFractionated(facts: SessionFacts): boolean {
  return (facts.fractionsPlanned ?? 1) > 1 || (facts.fractionNumber ?? 1) > 1;
}

/**
 * Past its code's limit a session gets no stereotactic line: it needs a decision (an error: the fraction
 * is held). Within the limit, a plan that prescribes more sessions than the code allows is a warning.
 */
export function courseLimitFinding(code: string, facts: SessionFacts, subject: string): Finding | null {
  const limit = COURSE_LIMITS.get(code);
  if (!limit) return null;
  const n = facts.fractionNumber;
  const evidence = {
    code,
    maxSessions: limit.sessions,
    fractionNumber: n ?? null,
    fractionsPlanned: facts.fractionsPlanned ?? null,
    source: limit.descriptor,
  };
  if (n !== undefined && n > limit.sessions) {
    return {
      ruleId: CODE_011.id,
      severity: 'error',
      subject,
      message: `Fraction ${n} is past ${code}'s course limit of ${limit.sessions} sessions (${limit.descriptor}): no stereotactic code is billed for it.`,
      evidence,
      fix: 'Decide with the physician how this session is reported (e.g. a new course with its own plan, or a non-stereotactic delivery code), record it and re-run.',
    };
  }
  if ((facts.fractionsPlanned ?? 0) > limit.sessions) {
    return {
      ruleId: CODE_011.id,
      severity: 'warning',
      subject,
      message: `The plan prescribes ${facts.fractionsPlanned} fractions, more than ${code}'s course limit of ${limit.sessions} (${limit.descriptor}): sessions past the limit will need a decision.`,
      evidence,
      fix: 'Check the prescription and how the sessions past the limit will be reported before they are delivered.',
    };
  }
  return null;
}
