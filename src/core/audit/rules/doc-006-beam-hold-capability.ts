import { type MonitoringSession, UNKNOWN } from '../../model/course.js';
import type { RuleMeta } from '../../model/rule.js';
import type { FractionContext } from '../fraction-context.js';
import type { ResolvedMonitoring } from '../fraction-timeline.js';
import { type Interval, overlaps, subtract, union } from '../intervals.js';
import { NO_OUTCOME, outcome, type Outcome } from '../outcome.js';
import { sourceLabel, thresholdLabel } from '../monitoring-labels.js';

export const DOC_006: RuleMeta = {
  id: 'DOC-006',
  title: 'Monitoring during beam-on had thresholds set and could hold the beam',
  severity: 'error',
  source:
    'Seed: treatment paused when out of tolerance [seed]; domain.md §3.4: thresholds "N/A" with gating inactive shows no beam-hold capability; §5.2: a treatment report states no thresholds or beam holds, "not stated", not "off" (the plan\'s motion management then applies)',
};

/** A session's thresholds and beam hold, and where each came from: its own record or the plan. */
interface Capability {
  thresholds: boolean;
  beamHold: boolean;
  evidence: Record<string, string | boolean | null>;
}

/**
 * Beam-on time must be watched by a session that could hold the beam: thresholds set, and gating active
 * or a manual hold documented in the plan. What the session's record does not state (a PDF report, a
 * FHIR document, a note: "unknown") is taken from the plan's motion management, and the evidence says
 * so; only a record that states "N/A" thresholds or gating off counts against it. A session without the
 * capability fails the fraction only for the beam-on time no capable session also watched (domain.md
 * §3.2); stretches up to the occlusion tolerance are judged like monitoring gaps (§3.4), so an extra
 * record never makes a fraction worse than no record.
 */
export function checkBeamHoldCapability(ctx: FractionContext): Outcome {
  const { timeline, options } = ctx;
  const capabilities = new Map(timeline.monitoring.map((m) => [m, capabilityOf(m.session, ctx)]));
  const capable = (m: ResolvedMonitoring) => {
    const c = capabilities.get(m)!;
    return c.thresholds && c.beamHold;
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

  const noThresholds = failing.find((m) => !capabilities.get(m)!.thresholds);
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
          : `Monitoring ${s.id} (${s.system}) does not state thresholds and the plan's motion management gives none: no beam-hold capability is documented.`,
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
  // Capable on values taken from the plan: say so (the evidence shows where each value came from).
  const fromPlan = watching.find((m) => capable(m) && capabilities.get(m)!.evidence['fromPlan'] === true);
  if (fromPlan) {
    const c = capabilities.get(fromPlan)!;
    return outcome({
      ruleId: DOC_006.id,
      severity: 'info',
      subject: ctx.subject,
      message: `Monitoring ${fromPlan.session.id} (${c.evidence['source']}) does not state ${[fromPlan.session.thresholds === UNKNOWN ? 'thresholds' : null, fromPlan.session.gatingActive === UNKNOWN ? 'beam hold' : null].filter((x) => x).join(' or ')}: the plan's motion management is used (${c.evidence['thresholds']}, beam hold ${c.evidence['beamHold']}).`,
      evidence: c.evidence,
    });
  }
  return NO_OUTCOME;
}

function capabilityOf(s: MonitoringSession, ctx: FractionContext): Capability {
  const plan = ctx.course.plan.motionManagement;
  const planThresholds = plan?.thresholds ?? null;
  const thresholds = s.thresholds === UNKNOWN ? planThresholds : s.thresholds;
  const hasThresholds = (thresholds?.translationCm ?? null) !== null;
  // Gating stated on, or a manual hold the plan documents (seed: paused "manually or automatically").
  const planHold = plan?.beamHold === true;
  const beamHold = s.gatingActive === true || planHold;
  const source = sourceLabel(s.source);
  return {
    thresholds: hasThresholds,
    beamHold,
    evidence: {
      monitoringId: s.id,
      system: s.system,
      source,
      thresholds: thresholdLabel(thresholds) ?? 'none',
      thresholdsFrom: s.thresholds === UNKNOWN ? 'plan' : source,
      gatingActive: s.gatingActive,
      beamHold: beamHold ? 'on' : 'off',
      beamHoldFrom: s.gatingActive === true ? source : 'plan',
      fromPlan: s.thresholds === UNKNOWN || s.gatingActive === UNKNOWN,
    },
  };
}
