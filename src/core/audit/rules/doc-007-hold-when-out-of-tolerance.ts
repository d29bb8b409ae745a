import type { RuleMeta } from '../../model/rule.js';
import type { FractionContext } from '../fraction-context.js';
import { iso } from '../fraction-context.js';
import { overlaps } from '../intervals.js';
import { sourceLabel } from '../monitoring-labels.js';
import { NO_OUTCOME, outcome, type Outcome } from '../outcome.js';

export const DOC_007: RuleMeta = {
  id: 'DOC-007',
  title: 'Treatment was paused whenever the patient moved out of tolerance during beam-on',
  severity: 'error',
  source:
    'Seed, "Key Takeaways": if the patient moves out of tolerance treatment must be paused (manually or automatically) [seed]',
};

export function checkHoldWhenOutOfTolerance(ctx: FractionContext): Outcome {
  if (ctx.timeline.excursions.length === 0) return NO_OUTCOME;
  const missed = ctx.timeline.excursions
    .filter((x) => !x.beamHeld && ctx.timeline.beams.some((b) => overlaps(x.interval, b.interval)))
    .sort(
      (a, b) =>
        a.interval.start - b.interval.start ||
        a.interval.end - b.interval.end ||
        a.sessionId.localeCompare(b.sessionId),
    );
  const first = missed[0];
  if (!first) return NO_OUTCOME;
  // Only a record that states beam holds (an AlignRT real-time-delta log) shows an excursion without one.
  const source = ctx.timeline.fraction.monitoring.find((m) => m.id === first.sessionId)?.source;
  return outcome(
    {
      ruleId: DOC_007.id,
      severity: 'error',
      subject: ctx.subject,
      message: `The patient was out of tolerance for ${((first.interval.end - first.interval.start) / 1000).toFixed(1)} s with the beam on and no hold.`,
      evidence: {
        monitoringId: first.sessionId,
        start: iso(first.interval.start),
        excursions: missed.length,
        source: sourceLabel(source),
      },
      fix: 'Review the fraction with the physicist; motion management did not hold the beam, so bill 77407.',
    },
    'downgrade-delivery',
  );
}
