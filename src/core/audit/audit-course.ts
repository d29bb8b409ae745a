import { authorizationFindings } from '../authorizations/authorization-findings.js';
import { type DayLine, dayLines } from '../coding/day-lines.js';
import { motionSourceFinding } from '../coding/rules/code-006-motion-management-qualifies.js';
import { CODE_007 } from '../coding/rules/code-007-professional-igrt.js';
import { selectCodes } from '../coding/select-codes.js';
import { type BillingLine, IGRT_PROFESSIONAL_CODE } from '../model/billing-line.js';
import type { Course } from '../model/course.js';
import type { Finding } from '../model/finding.js';
import type { PayerProfile } from '../payers/payer-profile.js';
import { unknownProfileFinding } from '../payers/rules/payer-004-known-profile.js';
import { expectedCents, type RateTable } from '../rates/rate-table.js';
import { clockFor } from '../time/local-clock.js';
import { courseTimes } from '../model/course-times.js';
import type { AuditOptions } from './audit-options.js';
import { type ElementScore, necessityProblem, scoreElements } from './documentation-elements.js';
import { type FractionContext, iso } from './fraction-context.js';
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
import { courseMotion } from './motion-settings.js';
import { CourseSessions } from './course-sessions.js';
import { signatureDeadlines } from './signature-deadlines.js';
import { stableSort } from './stable-sort.js';
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
  const timelines = course.fractions.map((f, i) => resolveTimeline(f, clock, ctx.options, times, i));
  stableSort(timelines, byDeliveryOrder);
  const scheduled: number[] = [];
  for (let i = 0; i < times.schedule.length; i++) {
    const at = times.schedule[i]!;
    if (!Number.isNaN(at)) scheduled.push(at);
    else {
      const beamOn = course.schedule[i]!.beamOn;
      courseFindings.push(unreadableScheduleFinding(beamOn, clock.problem(beamOn), courseSubject));
    }
  }
  const deadlines = signatureDeadlines(timelines, clock, stableSort(scheduled, byValue), ctx.options);
  const necessity = necessityProblem(course.necessity?.text);
  const elements = scoreElements(course, necessity);
  let anyMotionManagement = false;
  // A record repeating an earlier one is one session (DOC-012): the others are counted without it.
  const repeats = repeatedSessions(timelines);
  // The course's motion management (plan, or order), the same for every fraction.
  const motion = courseMotion(course);
  const sessions = new CourseSessions(
    course,
    motion,
    timelines.filter((_, i) => repeats[i] === -1),
    profile,
  );
  let sessionIndex = 0; // the place of the next distinct session among the sessions
  const motionOrder = motionOrderSigning(course, times.orderSignedAt);
  const codingContext = { profile, rates: ctx.rates };
  // One context for the course: its fraction fields are set for each fraction in turn.
  const fctx: FractionContext = {
    course,
    clock,
    timeline: timelines[0]!,
    subject: courseSubject,
    profile,
    options: ctx.options,
    covers: ctx.covers ?? [],
    now: ctx.now,
    deadline: null,
    necessity,
    elements,
    motionOrder,
    motion,
  };
  const outcomes: Outcome[] = []; // one fraction's, emptied for the next

  const fractions: FractionAudit[] = new Array(timelines.length);
  for (let i = 0; i < timelines.length; i++) {
    const timeline = timelines[i]!;
    const fraction = timeline.fraction;
    const subject = `fraction ${fraction.number} (${fraction.id})`;
    const deadline = deadlines[i]!;
    if (repeats[i] !== -1) {
      const repeated = repeatedSessionFinding(timeline, timelines[repeats[i]!]!, subject);
      fractions[i] = {
        courseId: course.courseId,
        fractionId: fraction.id,
        number: fraction.number,
        date: fraction.date,
        status: 'hold',
        reasons: [repeated.ruleId],
        lines: [],
        findings: sortFindings([repeated, ...timeline.problems]),
        signatureDeadline: deadline ? iso(deadline.at) : null,
      };
      continue;
    }
    fctx.timeline = timeline;
    fctx.subject = subject;
    fctx.deadline = deadline;
    const factFindings = sessions.findingsOf(sessionIndex++, subject);
    const coding = selectCodes(sessions.facts, codingContext, subject);
    // Where 77412's motion management comes from when the plan is silent (not asked of SRS, protons…).
    const motionSource = coding.delivery.routed
      ? null
      : motionSourceFinding(motion.from, fraction.monitoring.length > 0, motionOrder !== 'none', subject);
    if (motionSource) coding.findings.push(motionSource);
    outcomes.length = 0;
    if (timeline.problems.length > 0) outcomes.push({ findings: timeline.problems, effects: EFFECTS.hold });
    codingOutcomes(factFindings, coding.findings, coding.unbilledSession, outcomes);
    // The SGRT record carries what rests on it: 77412's motion management and/or 77387-26's tracking.
    const sgrtBasis = coding.igrtBasis.includes('sgrt-tracking');
    const sgrt =
      coding.byMotionManagement || sgrtBasis
        ? checkSgrtRecordSigned(fctx, sgrtRests(coding.byMotionManagement, sgrtBasis))
        : null;
    if (coding.byMotionManagement) {
      anyMotionManagement = true;
      for (const check of AMM_CHECKS) outcomes.push(check(fctx));
      outcomes.push(sgrt!);
    }
    if (billsIgrt(coding.lines))
      outcomes.push(igrtSupport(fctx, coding.igrtBasis, sgrt, !coding.byMotionManagement));
    let hold = false;
    let downgradeDelivery = false;
    let dropIgrt = false;
    for (const o of outcomes)
      for (let k = 0; k < o.effects.length; k++) {
        const e = o.effects[k];
        if (e === 'hold') hold = true;
        else if (e === 'downgrade-delivery') downgradeDelivery = true;
        else dropIgrt = true;
      }
    const lines =
      dropIgrt || downgradeDelivery
        ? applyEffects(coding.lines, dropIgrt, downgradeDelivery, course.facility.placeOfService, ctx.rates)
        : coding.lines; // the coding's own lines, made for this fraction
    const status: FractionStatus = hold ? 'hold' : downgradeDelivery || dropIgrt ? 'downgrade' : 'ready';
    // The rules whose findings made the status, each once, in the order of the outcomes.
    const reasons: string[] = [];
    let count = 0;
    for (const o of outcomes) count += o.findings.length;
    const findings: Finding[] = new Array(count); // at its size: a pushed-to empty array reserves 17
    count = 0;
    for (const o of outcomes) {
      const decisive = hold ? o.effects.includes('hold') : status === 'downgrade' && o.effects.length > 0;
      for (const f of o.findings) {
        if (decisive && !reasons.includes(f.ruleId)) reasons.push(f.ruleId);
        // CODE-007's note of what 77387-26 rests on is moot once the line is dropped.
        if (!(dropIgrt && f.ruleId === CODE_007.id && f.severity === 'info')) findings[count++] = f;
      }
    }
    findings.length = count;
    // A ready fraction without lines says why (a code family the facts do not pick): its coding findings
    // are the reasons.
    if (status === 'ready' && lines.length === 0)
      reasons.push(...new Set([...factFindings, ...coding.findings].map((f) => f.ruleId)));
    fractions[i] = {
      courseId: course.courseId,
      fractionId: fraction.id,
      number: fraction.number,
      date: fraction.date,
      status,
      reasons,
      lines,
      findings: sortFindings(findings),
      signatureDeadline: deadline ? iso(deadline.at) : null,
    };
  }
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

/** Dates are YYYY-MM-DD: compared by code unit, they sort as `localeCompare` sorts them. */
function byDeliveryOrder(a: FractionTimeline, b: FractionTimeline): number {
  const da = a.fraction.date;
  const db = b.fraction.date;
  return (
    (da === db ? 0 : da < db ? -1 : 1) ||
    (a.firstBeamOn ?? Infinity) - (b.firstBeamOn ?? Infinity) ||
    a.fraction.number - b.fraction.number ||
    a.fraction.id.localeCompare(b.fraction.id)
  );
}

const byValue = (a: number, b: number): number => a - b;

/** What rests on the SGRT record (DOC-008): one shared value per combination, none made per fraction. */
const SGRT_RESTS = {
  both: { delivery: true, igrt: true },
  delivery: { delivery: true, igrt: false },
  igrt: { delivery: false, igrt: true },
} as const;

const sgrtRests = (delivery: boolean, igrt: boolean) =>
  delivery ? (igrt ? SGRT_RESTS.both : SGRT_RESTS.delivery) : SGRT_RESTS.igrt;

function billsIgrt(lines: readonly BillingLine[]): boolean {
  for (const l of lines) if (l.code === IGRT_PROFESSIONAL_CODE) return true;
  return false;
}

/**
 * Coding findings as outcomes: an error (a 2025 date of service, a deleted code posted, a session past
 * its code's course limit) leaves nothing ready to bill: the fraction is held until it is decided. So
 * does a second session the same day that is not billable on its own (CODE-008, CMS PM A-03-020): held
 * until the break and the distinct treatment are documented, or the day is billed once. No outcome is
 * added for no findings.
 */
function codingOutcomes(
  factFindings: readonly Finding[],
  codingFindings: readonly Finding[],
  unbilledSession: Finding | null,
  into: Outcome[],
): void {
  // Indexed loops: `for…of` over a frozen (shared, empty) list makes an iterator object per loop.
  let holds = 0;
  for (let i = 0; i < factFindings.length; i++) if (holdsFraction(factFindings[i]!, unbilledSession)) holds++;
  for (let i = 0; i < codingFindings.length; i++)
    if (holdsFraction(codingFindings[i]!, unbilledSession)) holds++;
  if (holds === 0) {
    // The usual case: nothing holds, the findings are one outcome as they are.
    if (factFindings.length === 0 || codingFindings.length === 0) {
      const findings = factFindings.length === 0 ? codingFindings : factFindings;
      if (findings.length > 0) into.push({ findings, effects: EFFECTS.none });
      return;
    }
  }
  const holding: Finding[] = [];
  const others: Finding[] = [];
  for (const f of factFindings) (holdsFraction(f, unbilledSession) ? holding : others).push(f);
  for (const f of codingFindings) (holdsFraction(f, unbilledSession) ? holding : others).push(f);
  if (holding.length > 0) into.push({ findings: holding, effects: EFFECTS.hold });
  if (others.length > 0) into.push({ findings: others, effects: EFFECTS.none });
}

const holdsFraction = (f: Finding, unbilledSession: Finding | null): boolean =>
  f.severity === 'error' || f === unbilledSession;

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

/** `localeCompare` only when two strings differ (the same rule and subject are the usual case). */
const collate = (a: string, b: string): number => (a === b ? 0 : a.localeCompare(b));

const byFindingOrder = (a: Finding, b: Finding): number =>
  SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
  collate(a.ruleId, b.ruleId) ||
  collate(a.subject, b.subject) ||
  collate(a.message, b.message);

const sortFindings = (findings: Finding[]): Finding[] => stableSort(findings, byFindingOrder);
