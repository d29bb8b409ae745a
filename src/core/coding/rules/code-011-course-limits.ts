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

/**
 * SRS given in more than one session: the plan prescribes several, this is not the first, or the course
 * has delivered more than one (CPT 77371/77372 "consisting of 1 session": a course of two sessions is
 * fractionated whatever the plan prescribed, and each session is 77373).
 */
export function isFractionated(facts: SessionFacts): boolean {
  return (
    (facts.fractionsPlanned ?? 1) > 1 || (facts.fractionNumber ?? 1) > 1 || (facts.sessionsInCourse ?? 1) > 1
  );
}

/**
 * The first session of an SRS course planned as one session (77371/77372) but delivered in more: it is
 * 77373 like the others (CPT 77372 is "a complete course of treatment … consisting of 1 session"; cranial
 * SRS in 2–5 fractions is 77373 per fraction). A claim already released with 77372 must be corrected.
 */
export function singleSessionRecodeFinding(facts: SessionFacts, subject: string): Finding | null {
  const sessions = facts.sessionsInCourse ?? 1;
  if (facts.technique !== 'SRS' || (facts.fractionsPlanned ?? 1) > 1 || (facts.fractionNumber ?? 1) > 1)
    return null;
  if (sessions <= 1) return null;
  const single = facts.deliverySystem === 'cobalt' ? '77371' : '77372';
  return {
    ruleId: CODE_011.id,
    severity: 'warning',
    subject,
    message: `The plan prescribes one SRS session but the course has ${sessions} delivered sessions: this session is 77373, not ${single} (CPT ${single}: a course "consisting of 1 session"; SRS in 2–5 fractions is 77373 per fraction).`,
    evidence: {
      code: '77373',
      instead: single,
      sessionsInCourse: sessions,
      fractionsPlanned: facts.fractionsPlanned ?? null,
    },
    fix: `Bill this session as 77373; if a claim with ${single} was already released for it, send a corrected claim (replacement) with 77373.`,
  };
}

/**
 * The recorded fraction number disagrees with the session's place in delivery order. The course limits
 * count sessions delivered (CPT 77373 "entire course not to exceed 5 fractions"), so the order of the dates
 * decides, and the numbering is reported for correction.
 */
export function numberingFinding(recorded: number, ordinal: number, subject: string): Finding | null {
  if (recorded === ordinal) return null;
  return {
    ruleId: CODE_011.id,
    severity: 'warning',
    subject,
    message: `Recorded as fraction ${recorded}, but it is session ${ordinal} of the course by delivery date: the course limit counts it as session ${ordinal}.`,
    evidence: { recordedNumber: recorded, deliveryOrder: ordinal },
    fix: 'Correct the fraction numbering in the treatment record (or confirm earlier sessions are missing from the export) and re-import.',
  };
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
