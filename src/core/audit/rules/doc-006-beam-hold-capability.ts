import { type MonitoringSession, UNKNOWN } from '../../model/course.js';
import type { RuleMeta } from '../../model/rule.js';
import type { FractionContext } from '../fraction-context.js';
import type { ResolvedMonitoring } from '../fraction-timeline.js';
import { type Interval, overlaps, subtract, union } from '../intervals.js';
import { NO_OUTCOME, outcome, type Outcome } from '../outcome.js';
import { monitoringName, sourceLabel, thresholdLabel } from '../monitoring-labels.js';
import { statedCourseThresholds } from '../motion-settings.js';

export const DOC_006: RuleMeta = {
  id: 'DOC-006',
  title: 'Monitoring during beam-on had thresholds set and could hold the beam',
  severity: 'error',
  source:
    'Seed: treatment paused when out of tolerance [seed]; domain.md §3.4: thresholds "N/A" with gating inactive shows no beam-hold capability; §5.2: a treatment report states no thresholds or beam holds, "not stated", not "off" (the plan\'s, then an order\'s, motion management applies); §3.3 element 3: thresholds are what reviewers look for, not a seed criterion of 77412 (unstated everywhere: a warning)',
};

/**
 * A session's thresholds: set; absent (its record states none, AlignRT "N/A", or no translation
 * tolerance); or unstated (neither the record, the plan nor an order states any).
 */
type ThresholdState = 'set' | 'absent' | 'unstated';

/** A session's thresholds and beam hold, and where each came from: its record, the plan or an order. */
interface Capability {
  thresholds: ThresholdState;
  beamHold: boolean;
  evidence: Record<string, string | boolean | null>;
}

/**
 * Beam-on time must be watched by a session that could hold the beam: thresholds set, and gating active
 * or a manual hold documented in the plan. What the session's record does not state (a PDF report, a
 * FHIR document, a note: "unknown") is taken from the plan's motion management, then from the thresholds
 * a motion-management order states, and the evidence says so; only a record that states "N/A"
 * thresholds or gating off counts against it. Beam hold on with thresholds stated nowhere is a warning,
 * like CODE-012, not a downgrade: the seed's 77412 criteria ("Key Takeaways": monitored throughout beam
 * on, paused when out of tolerance, record signed) do not require the thresholds to be written down;
 * reviewers look for them (domain.md §3.3 element 3). A session without the capability fails the
 * fraction only for the beam-on time no capable session also watched (domain.md §3.2); stretches up to
 * the occlusion tolerance are judged like monitoring gaps (§3.4), so an extra record never makes a
 * fraction worse than no record.
 */
export function checkBeamHoldCapability(ctx: FractionContext): Outcome {
  const { timeline, options } = ctx;
  if (capableAsStated(ctx)) return NO_OUTCOME;
  const capabilities = new Map(timeline.monitoring.map((m) => [m, capabilityOf(m.session, ctx)]));
  const capable = (m: ResolvedMonitoring) => {
    const c = capabilities.get(m)!;
    return c.thresholds !== 'absent' && c.beamHold;
  };
  const capableCover = union(timeline.monitoring.filter(capable).map((m) => m.interval));
  const toleranceMs = options.occlusionToleranceSec * 1000;
  const watching = timeline.monitoring.filter((m) =>
    timeline.beams.some((b) => overlaps(m.interval, b.interval)),
  );
  const failing = watching
    .filter((m) => !capable(m))
    .filter((m) => {
      const watched: Interval[] = timeline.beams
        .filter((b) => overlaps(m.interval, b.interval))
        .map((b) => ({
          start: Math.max(b.interval.start, m.interval.start),
          end: Math.min(b.interval.end, m.interval.end),
        }));
      return subtract(union(watched), capableCover).some((left) => left.end - left.start > toleranceMs);
    })
    .sort((a, b) => a.session.id.localeCompare(b.session.id));

  const noThresholds = failing.find((m) => capabilities.get(m)!.thresholds === 'absent');
  if (noThresholds) {
    const s = noThresholds.session;
    const c = capabilities.get(noThresholds)!;
    const stated = s.thresholds !== UNKNOWN;
    return outcome(
      {
        ruleId: DOC_006.id,
        severity: 'error',
        subject: ctx.subject,
        message: stated
          ? `Monitoring ${s.id} (${s.system}) shows no thresholds${s.gatingActive === false ? ' and gating inactive' : ''}: no beam-hold capability is documented.`
          : `Monitoring ${s.id} (${s.system}) does not state thresholds and the plan's motion management gives none with a translation tolerance: no beam-hold capability is documented.`,
        evidence: c.evidence,
        fix: 'Set translation/rotation thresholds and enable gating or a documented manual hold; this fraction bills 77407.',
      },
      'downgrade-delivery',
    );
  }
  const manual = failing[0];
  if (manual) {
    const stated = manual.session.gatingActive !== UNKNOWN;
    return outcome(
      {
        ruleId: DOC_006.id,
        severity: 'error',
        subject: ctx.subject,
        message: stated
          ? 'Gating was inactive and the plan documents no manual beam hold.'
          : `Monitoring ${manual.session.id} does not state beam hold and the plan documents none.`,
        evidence: capabilities.get(manual)!.evidence,
        fix: 'Document the manual beam-hold workflow, or bill 77407.',
      },
      'downgrade-delivery',
    );
  }
  const unstated = watching.find((m) => capable(m) && capabilities.get(m)!.thresholds === 'unstated');
  if (unstated) {
    const c = capabilities.get(unstated)!;
    return outcome({
      ruleId: DOC_006.id,
      severity: 'warning',
      subject: ctx.subject,
      message: `Monitoring ${monitoringName(unstated.session)} does not state thresholds and neither the plan nor a motion-management order does; beam hold is on (${c.evidence['beamHoldFrom']}): nothing says when the beam is held.`,
      evidence: c.evidence,
      fix: "Record the translation/rotation tolerances in the plan's motion management or the order; reviewers look for them.",
    });
  }
  // Capable on values taken from the plan or an order: say so (the evidence shows where each came from).
  const fromPlan = watching.find((m) => capable(m) && capabilities.get(m)!.evidence['fromPlan'] === true);
  if (fromPlan) {
    const c = capabilities.get(fromPlan)!;
    const unknown = [
      fromPlan.session.thresholds === UNKNOWN
        ? `thresholds (${c.evidence['thresholdsFrom']}: ${c.evidence['thresholds']})`
        : null,
      fromPlan.session.gatingActive === UNKNOWN
        ? `beam hold (${c.evidence['beamHoldFrom']}: ${c.evidence['beamHold']})`
        : null,
    ].filter((x) => x);
    return outcome({
      ruleId: DOC_006.id,
      severity: 'info',
      subject: ctx.subject,
      message: `Monitoring ${monitoringName(fromPlan.session)} does not state ${unknown.length ? unknown.join(' or ') : 'its thresholds or beam hold'}: the course's motion management is used.`,
      evidence: c.evidence,
    });
  }
  return NO_OUTCOME;
}

/**
 * The usual case, with nothing to report: every session that watched a beam states its thresholds with a
 * translation tolerance and its gating, and could hold the beam (gating on, or a hold the course's motion
 * management documents). Decided without building any session's capability or evidence.
 */
function capableAsStated(ctx: FractionContext): boolean {
  const planHold = ctx.motion.mm?.beamHold === true;
  const { beams, monitoring } = ctx.timeline;
  for (const m of monitoring) {
    const s = m.session;
    const stated =
      s.thresholds !== UNKNOWN &&
      (s.thresholds?.translationCm ?? null) !== null &&
      (s.gatingActive === true || (s.gatingActive === false && planHold));
    if (stated) continue;
    for (const b of beams) if (overlaps(m.interval, b.interval)) return false;
  }
  return true;
}

function capabilityOf(s: MonitoringSession, ctx: FractionContext): Capability {
  const motion = ctx.motion;
  const course = s.thresholds === UNKNOWN ? statedCourseThresholds(ctx.course) : null;
  const thresholds = s.thresholds === UNKNOWN ? course!.thresholds : s.thresholds;
  const state: ThresholdState =
    (thresholds?.translationCm ?? null) !== null
      ? 'set'
      : s.thresholds === UNKNOWN && thresholds === null
        ? 'unstated'
        : 'absent';
  // Gating stated on, or a hold the plan (or, when it is silent, an order) documents (seed: paused
  // "manually or automatically").
  const planHold = motion.mm?.beamHold === true;
  const beamHold = s.gatingActive === true || planHold;
  const source = sourceLabel(s.source);
  return {
    thresholds: state,
    beamHold,
    evidence: {
      monitoringId: s.id,
      system: s.system,
      source,
      thresholds: thresholdLabel(thresholds) ?? (state === 'unstated' ? 'not stated' : 'none'),
      thresholdsFrom: s.thresholds === UNKNOWN ? (course!.from ?? 'not stated') : source,
      gatingActive: s.gatingActive,
      beamHold: beamHold ? 'on' : 'off',
      beamHoldFrom: s.gatingActive === true ? source : (motion.from ?? 'plan'),
      fromPlan: s.thresholds === UNKNOWN || s.gatingActive === UNKNOWN,
    },
  };
}
