import { statedThresholds } from '../../model/course.js';
import type { RuleMeta } from '../../model/rule.js';
import type { FractionContext } from '../fraction-context.js';
import type { ResolvedMonitoring } from '../fraction-timeline.js';
import { type Interval, overlaps, subtract, union } from '../intervals.js';
import { NO_OUTCOME, outcome, type Outcome } from '../outcome.js';

export const DOC_006: RuleMeta = {
  id: 'DOC-006',
  title: 'Monitoring during beam-on had thresholds set and could hold the beam',
  severity: 'error',
  source:
    'Seed: treatment paused when out of tolerance [seed]; domain.md §3.4: thresholds "N/A" with gating inactive shows no beam-hold capability',
};

/**
 * Beam-on time must be watched by a session that could hold the beam: thresholds set, and gating active
 * or a manual hold documented in the plan. A session without that capability fails the fraction only for
 * the beam-on time no capable session also watched (domain.md §3.2: a record showing monitoring from
 * beam-on to beam-off, the beam paused when out of tolerance); stretches up to the occlusion tolerance are
 * judged like monitoring gaps (§3.4), so an extra record never makes a fraction worse than no record.
 */
export function checkBeamHoldCapability(ctx: FractionContext): Outcome {
  const { timeline, options } = ctx;
  const manualHold = ctx.course.plan.motionManagement?.beamHold === true;
  const hasThresholds = (m: ResolvedMonitoring) =>
    (statedThresholds(m.session.thresholds)?.translationCm ?? null) !== null;
  const capable = (m: ResolvedMonitoring) =>
    hasThresholds(m) && (m.session.gatingActive === true || manualHold);
  const capableCover = union(timeline.monitoring.filter(capable).map((m) => m.interval));
  const toleranceMs = options.occlusionToleranceSec * 1000;
  const failing = timeline.monitoring
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

  const noThresholds = failing.filter((m) => !hasThresholds(m));
  if (noThresholds.length > 0) {
    const s = noThresholds[0]!.session;
    return outcome(
      {
        ruleId: DOC_006.id,
        severity: 'error',
        subject: ctx.subject,
        message: `Monitoring ${s.id} (${s.system}) shows no thresholds${s.gatingActive ? '' : ' and gating inactive'}: no beam-hold capability is documented.`,
        evidence: { monitoringId: s.id, system: s.system, gatingActive: s.gatingActive },
        fix: 'Set translation/rotation thresholds and enable gating or a documented manual hold; this fraction bills 77407.',
      },
      'downgrade-delivery',
    );
  }
  const manual = failing[0];
  if (manual) {
    return outcome(
      {
        ruleId: DOC_006.id,
        severity: 'error',
        subject: ctx.subject,
        message: 'Gating was inactive and the plan documents no manual beam hold.',
        evidence: { monitoringId: manual.session.id },
        fix: 'Document the manual beam-hold workflow, or bill 77407.',
      },
      'downgrade-delivery',
    );
  }
  return NO_OUTCOME;
}
