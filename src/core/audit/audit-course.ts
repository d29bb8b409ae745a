import { authorizationFindings } from '../authorizations/authorization-findings.js';
import { type DayLine, dayLines } from '../coding/day-lines.js';
import { motionSourceFinding } from '../coding/rules/code-006-motion-management-qualifies.js';
import { numberingFinding } from '../coding/rules/code-011-course-limits.js';
import { deliveredModality } from '../coding/rules/code-013-delivered-beams.js';
import { CODE_007 } from '../coding/rules/code-007-professional-igrt.js';
import { selectCodes } from '../coding/select-codes.js';
import type { BillingLine } from '../model/billing-line.js';
import type { Course } from '../model/course.js';
import type { Finding } from '../model/finding.js';
import type { SessionFacts } from '../model/session-facts.js';
import type { PayerProfile } from '../payers/payer-profile.js';
import { unknownProfileFinding } from '../payers/rules/payer-004-known-profile.js';
import { expectedCents, type RateTable } from '../rates/rate-table.js';
import { clockFor } from '../time/local-clock.js';
import { courseTimes } from '../model/course-times.js';
import type { AuditOptions } from './audit-options.js';
import { type ElementScore, necessityProblem, scoreElements } from './documentation-elements.js';
import { type FractionContext, iso, type SignatureDeadline } from './fraction-context.js';
import { type FractionTimeline, resolveTimeline } from './fraction-timeline.js';
import { EFFECTS, type FractionStatus, type Outcome } from './outcome.js';
import { checkMotionManagementOrder, motionOrderSigning } from './rules/doc-001-motion-management-order.js';
import { checkMedicalNecessity } from './rules/doc-002-medical-necessity.js';
import { documentationElementsFinding } from './rules/doc-003-documentation-elements.js';
import { checkMonitoringRecord } from './rules/doc-004-monitoring-record.js';
import { checkBeamOnCoverage } from './rules/doc-005-beam-on-coverage.js';
import { checkBeamHoldCapability } from './rules/doc-006-beam-hold-capability.js';
import { checkHoldWhenOutOfTolerance } from './rules/doc-007-hold-when-out-of-tolerance.js';
import { checkSgrtRecordSigned } from './rules/doc-008-sgrt-record-signed.js';
import { igrtSupport } from './igrt-support.js';
import { courseMotion, type CourseMotion } from './motion-settings.js';
import { unreadableScheduleFinding } from './rules/doc-010-readable-times.js';
import { repeatedSessionFinding, repeatedSessions } from './rules/doc-012-duplicate-session.js';
import type { CoverDesignation } from './signer-capacity.js';

export interface AuditContext {
  profiles: ReadonlyMap<string, PayerProfile>;
  rates: RateTable;
  options: AuditOptions;
  /** The instant of the audit (injected: core reads no clock). */
  now: number;
  /** The practice's covering physicians; none: only the course's physician signs (DOC-011). */
  covers?: readonly CoverDesignation[];
}

export interface FractionAudit {
  courseId: string;
  fractionId: string;
  number: number;
  date: string;
  status: FractionStatus;
  /** The rules whose findings made the status: they hold it, or downgrade it (none when ready). */
  reasons: string[];
  /** What to bill once any hold is resolved (after downgrades). */
  lines: BillingLine[];
  findings: Finding[];
  /** When this fraction's records must be signed (the next beam-on), as an instant. */
  signatureDeadline: string | null;
}

export interface CourseAudit {
  courseId: string;
  payerProfile: string;
  findings: Finding[];
  /** The five documentation elements, when any fraction's 77412 rests on motion management; else null. */
  elements: ElementScore[] | null;
  fractions: FractionAudit[];
  /** Lines of the fractions not on hold, per date of service, as the payer counts a second session. */
  claimLines: DayLine[];
}

/** Motion-management evidence checks, in the order their findings read best. */
const AMM_CHECKS: readonly ((ctx: FractionContext) => Outcome)[] = [
  checkMotionManagementOrder,
  checkMedicalNecessity,
  checkMonitoringRecord,
  checkBeamOnCoverage,
  checkBeamHoldCapability,
  checkHoldWhenOutOfTolerance,
];

/** Audit one course: per fraction a status (ready / hold / downgrade), the lines and the findings. */
export function auditCourse(course: Course, ctx: AuditContext): CourseAudit {
  const courseSubject = `course ${course.courseId}`;
  const courseFindings: Finding[] = [];
  const requested = course.payer.profile ?? 'default';
  let profile = ctx.profiles.get(requested);
  if (!profile) {
    courseFindings.push(unknownProfileFinding(requested, courseSubject));
    profile = ctx.profiles.get('default')!;
  }
  const clock = clockFor(course.facility.timeZone);
  const times = courseTimes(course);
  const timelines = course.fractions
    .map((f, i) => resolveTimeline(f, clock, ctx.options, times.fractions[i]))
    .sort(byDeliveryOrder);
  const scheduled: number[] = [];
  for (let i = 0; i < times.schedule.length; i++) {
    const at = times.schedule[i]!;
    if (!Number.isNaN(at)) scheduled.push(at);
    else {
      const beamOn = course.schedule[i]!.beamOn;
      courseFindings.push(unreadableScheduleFinding(beamOn, clock.problem(beamOn), courseSubject));
    }
  }
  scheduled.sort((a, b) => a - b);
  // The start of the day of each fraction whose beam-on cannot be read (NaN for the others), once per course.
  const dayStarts = new Float64Array(timelines.length).fill(NaN);
  for (let i = 0; i < timelines.length; i++)
    if (!readable(timelines[i]!)) dayStarts[i] = clock.startOfDay(timelines[i]!.fraction.date);
  const necessity = necessityProblem(course.necessity?.text);
  const elements = scoreElements(course);
  let anyMotionManagement = false;
  // A record repeating an earlier one is one session (DOC-012): the others are counted without it.
  const repeats = repeatedSessions(timelines);
  const sessions = timelines.filter((_, i) => repeats[i] === -1);
  let sessionIndex = 0; // the place of the next distinct session among `sessions`
  const covers = ctx.covers ?? [];
  // The course's motion management (plan, or order), the same for every fraction.
  const motion = courseMotion(course);
  const motionOrder = motionOrderSigning(course, times.orderSignedAt);

  const fractions = timelines.map((timeline, i): FractionAudit => {
    const subject = `fraction ${timeline.fraction.number} (${timeline.fraction.id})`;
    const deadline = signatureDeadline(timelines, i, dayStarts, scheduled, ctx.options);
    if (repeats[i] !== -1) {
      const repeated = repeatedSessionFinding(timeline, timelines[repeats[i]!]!, subject);
      return {
        courseId: course.courseId,
        fractionId: timeline.fraction.id,
        number: timeline.fraction.number,
        date: timeline.fraction.date,
        status: 'hold',
        reasons: [repeated.ruleId],
        lines: [],
        findings: sortFindings([repeated, ...timeline.problems]),
        signatureDeadline: deadline ? iso(deadline.at) : null,
      };
    }
    const fctx: FractionContext = {
      course,
      clock,
      timeline,
      subject,
      profile: profile!,
      options: ctx.options,
      covers,
      now: ctx.now,
      deadline,
      necessity,
      elements,
      motionOrder,
    };
    const facts = factsFor(course, motion, sessions, sessionIndex++, profile!, subject);
    const coding = selectCodes(facts.facts, { profile: profile!, rates: ctx.rates }, subject);
    // Where 77412's motion management comes from when the plan is silent (not asked of SRS, protons…).
    const motionSource = coding.delivery.routed
      ? null
      : motionSourceFinding(
          motion.from,
          { monitoring: timeline.fraction.monitoring.length > 0, order: motionOrder !== 'none' },
          subject,
        );
    if (motionSource) coding.findings.push(motionSource);
    const outcomes: Outcome[] = [
      { findings: timeline.problems, effects: timeline.problems.length ? EFFECTS.hold : EFFECTS.none },
    ];
    codingOutcomes(facts.findings, coding.findings, coding.unbilledSession, outcomes);
    // The SGRT record carries what rests on it: 77412's motion management and/or 77387-26's tracking.
    const sgrtBasis = coding.igrtBasis.includes('sgrt-tracking');
    const sgrt =
      coding.byMotionManagement || sgrtBasis
        ? checkSgrtRecordSigned(fctx, { delivery: coding.byMotionManagement, igrt: sgrtBasis })
        : null;
    if (coding.byMotionManagement) {
      anyMotionManagement = true;
      for (const check of AMM_CHECKS) outcomes.push(check(fctx));
      outcomes.push(sgrt!);
    }
    if (coding.lines.some((l) => l.code === '77387'))
      outcomes.push(igrtSupport(fctx, coding.igrtBasis, sgrt, !coding.byMotionManagement));
    let hold = false;
    let downgradeDelivery = false;
    let dropIgrt = false;
    for (const o of outcomes)
      for (const e of o.effects) {
        if (e === 'hold') hold = true;
        else if (e === 'downgrade-delivery') downgradeDelivery = true;
        else dropIgrt = true;
      }
    const lines = applyEffects(
      coding.lines,
      dropIgrt,
      downgradeDelivery,
      course.facility.placeOfService,
      ctx.rates,
    );
    const status: FractionStatus = hold ? 'hold' : downgradeDelivery || dropIgrt ? 'downgrade' : 'ready';
    // The rules whose findings made the status, each once, in the order of the outcomes.
    const reasons: string[] = [];
    const findings: Finding[] = [];
    for (const o of outcomes) {
      const decisive = hold ? o.effects.includes('hold') : status === 'downgrade' && o.effects.length > 0;
      for (const f of o.findings) {
        if (decisive && !reasons.includes(f.ruleId)) reasons.push(f.ruleId);
        // CODE-007's note of what 77387-26 rests on is moot once the line is dropped.
        if (!(dropIgrt && f.ruleId === CODE_007.id && f.severity === 'info')) findings.push(f);
      }
    }
    // A ready fraction without lines says why (a code family the facts do not pick): its coding findings
    // are the reasons.
    if (status === 'ready' && lines.length === 0)
      reasons.push(...new Set([...facts.findings, ...coding.findings].map((f) => f.ruleId)));
    return {
      courseId: course.courseId,
      fractionId: timeline.fraction.id,
      number: timeline.fraction.number,
      date: timeline.fraction.date,
      status,
      reasons,
      lines,
      findings: sortFindings(findings),
      signatureDeadline: deadline ? iso(deadline.at) : null,
    };
  });
  // Authorizations: warnings before the claim goes out (fractions are in delivery order here).
  const byAuthorization = authorizationFindings(course.authorizations, fractions);
  for (const f of fractions) {
    const more = byAuthorization.get(f.fractionId);
    if (more) f.findings = sortFindings([...f.findings, ...more]);
  }
  if (anyMotionManagement)
    courseFindings.push(documentationElementsFinding(elements, profile, courseSubject));
  return {
    courseId: course.courseId,
    payerProfile: profile.id,
    findings: sortFindings(courseFindings),
    elements: anyMotionManagement ? elements : null,
    fractions,
    claimLines: dayLines(
      fractions.filter((f) => f.status !== 'hold'),
      profile,
    ),
  };
}

function byDeliveryOrder(a: FractionTimeline, b: FractionTimeline): number {
  return (
    a.fraction.date.localeCompare(b.fraction.date) ||
    (a.firstBeamOn ?? Infinity) - (b.firstBeamOn ?? Infinity) ||
    a.fraction.number - b.fraction.number ||
    a.fraction.id.localeCompare(b.fraction.id)
  );
}

/** The next beam-on after this fraction: a later delivered fraction, else the schedule, else the course-end deadline. */
function signatureDeadline(
  timelines: readonly FractionTimeline[],
  i: number,
  dayStarts: Float64Array,
  scheduled: readonly number[],
  options: AuditOptions,
): SignatureDeadline | null {
  const own = timelines[i]!;
  if (own.lastBeamOff === null) return null;
  const after = own.lastBeamOff;
  // The earliest later beam-on, and the start of each unreadable fraction's day (its beam-on cannot be
  // read: DOC-010), which may be the next one: judge only against it until its times are corrected.
  let next: number | null = null;
  for (let j = 0; j < timelines.length; j++) {
    if (j === i || !Number.isNaN(dayStarts[j]!)) continue;
    const t = timelines[j]!;
    if (t.firstBeamOn! > after && (next === null || t.firstBeamOn! < next)) next = t.firstBeamOn!;
  }
  let unreadable: number | undefined;
  for (let j = 0; j < timelines.length; j++) {
    const start = dayStarts[j]!;
    if (
      j !== i &&
      start + 86_400_000 > after &&
      (next === null || start < next) &&
      (unreadable === undefined || start < unreadable)
    )
      unreadable = start;
  }
  if (unreadable !== undefined) return { at: Math.max(unreadable, after), basis: 'unreadable next fraction' };
  if (next !== null) return { at: next, basis: 'next fraction' };
  const planned = scheduled.find((s) => s > after);
  if (planned !== undefined) return { at: planned, basis: 'next scheduled fraction' };
  return { at: after + options.lastFractionSignatureHours * 3_600_000, basis: 'end of course' };
}

/** Every beam's times could be read (DOC-010); a fraction with none recorded has no beam-on to wait for. */
function readable(t: FractionTimeline): boolean {
  return t.beams.length === t.fraction.beams.length && t.firstBeamOn !== null;
}

/**
 * Coding findings as an outcome: an error (a 2025 date of service, a deleted code posted, a session past
 * its code's course limit) leaves nothing ready to bill: the fraction is held until it is decided. So
 * does a second session the same day that is not billable on its own (CODE-008, CMS PM A-03-020): held
 * until the break and the distinct treatment are documented, or the day is billed once.
 */
function codingOutcomes(
  factFindings: readonly Finding[],
  codingFindings: readonly Finding[],
  unbilledSession: Finding | null,
  into: Outcome[],
): void {
  const holding: Finding[] = [];
  const others: Finding[] = [];
  for (const f of factFindings) (f.severity === 'error' || f === unbilledSession ? holding : others).push(f);
  for (const f of codingFindings)
    (f.severity === 'error' || f === unbilledSession ? holding : others).push(f);
  into.push(
    { findings: holding, effects: holding.length ? EFFECTS.hold : EFFECTS.none },
    { findings: others, effects: EFFECTS.none },
  );
}

/**
 * The session facts of one fraction as the chart states them, among the course's distinct sessions (in
 * delivery order). The fraction number is the session's place in delivery order: a course-limited code
 * counts sessions delivered (CPT 77373 "entire course not to exceed 5 fractions"), so a renumbered or
 * misnumbered record neither resets nor advances the count; a stereotactic record whose number differs is
 * reported (CODE-011).
 */
function factsFor(
  course: Course,
  motion: CourseMotion,
  timelines: readonly FractionTimeline[],
  i: number,
  profile: PayerProfile,
  subject: string,
): { facts: SessionFacts; findings: Finding[] } {
  const t = timelines[i]!;
  const ordinal = i + 1;
  // Sessions the same day, and the last earlier one of them with a beam-off.
  let sameDay = 0;
  let previous: FractionTimeline | undefined;
  for (let j = 0; j < timelines.length; j++) {
    const o = timelines[j]!;
    if (o.fraction.date !== t.fraction.date) continue;
    sameDay++;
    if (j < i && o.lastBeamOff !== null) previous = o;
  }
  const hours =
    previous && t.firstBeamOn !== null
      ? Math.max(0, (t.firstBeamOn - previous.lastBeamOff!) / 3_600_000)
      : null;
  const ig = t.fraction.imageGuidance;
  const delivered = deliveredModality(course.plan.modality, t.fraction.beams, subject);
  const facts: SessionFacts = {
    dateOfService: t.fraction.date,
    placeOfService: course.facility.placeOfService,
    payer: profile.id,
    modality: delivered.modality,
    technique: course.plan.technique,
    isocenters: course.plan.isocenters,
    // The plan's, with an order's thresholds when the plan states none (CODE-012 then agrees with DOC-006);
    // an order's when the plan states no motion management.
    motionManagement: motion.mm,
    // 77387-26 stays on the coded lines whatever the review's state; DOC-009 then holds it (pending) or drops
    // it (late or overdue: seed, "signed prior to next beam on to meet criteria for billing the professional
    // service"). Dropping an overdue review here instead left the fraction 'ready' with no DOC-009 finding,
    // so a late signature ranked worse than none.
    imageGuidance: ig ? { performed: ig.performed, physicianReviewed: true } : null,
    sessionsToday: sameDay,
    hoursSincePreviousSession: hours === null ? null : Math.min(24, hours),
    fractionNumber: ordinal,
    fractionsPlanned: course.plan.fractionsPlanned,
    sessionsInCourse: timelines.length,
    site: course.site,
  };
  if (course.plan.deliverySystem) facts.deliverySystem = course.plan.deliverySystem;
  if (t.fraction.postedCodes) facts.postedCodes = t.fraction.postedCodes;
  const stereotactic = course.plan.technique === 'SRS' || course.plan.technique === 'SBRT';
  const numbering = stereotactic ? numberingFinding(t.fraction.number, ordinal, subject) : null;
  return {
    facts,
    findings: delivered.finding
      ? numbering
        ? [delivered.finding, numbering]
        : [delivered.finding]
      : numbering
        ? [numbering]
        : [],
  };
}

function applyEffects(
  lines: readonly BillingLine[],
  dropIgrt: boolean,
  downgradeDelivery: boolean,
  placeOfService: string,
  rates: RateTable,
): BillingLine[] {
  const out: BillingLine[] = [];
  for (const line of lines) {
    if (line.code === '77387' && dropIgrt) continue;
    if (line.code === '77412' && downgradeDelivery) {
      out.push({
        ...line,
        code: '77407',
        reason: `${line.reason}; motion-management evidence does not support 77412, billed as single-isocenter photons`,
        expectedCents: expectedCents(rates, placeOfService, '77407', line.modifiers),
      });
    } else out.push(line); // the coding's own line, made for this fraction
  }
  return out;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.subject.localeCompare(b.subject) ||
      a.message.localeCompare(b.message),
  );
}
