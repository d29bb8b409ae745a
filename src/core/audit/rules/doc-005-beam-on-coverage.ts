import type { RuleMeta } from '../../model/rule.js';
import type { FractionContext } from '../fraction-context.js';
import { iso } from '../fraction-context.js';
import { covers, uncovered } from '../intervals.js';
import type { FractionTimeline } from '../fraction-timeline.js';
import { NO_OUTCOME, outcome, type Outcome } from '../outcome.js';

export const DOC_005: RuleMeta = {
  id: 'DOC-005',
  title: 'Monitoring covers every beam-on interval, gaps up to the occlusion tolerance allowed',
  severity: 'error',
  source:
    'Seed, "Key Takeaways": monitored from beam on to beam off [seed]; brief camera occlusion (5–10 s) tolerated, sgrt.org forum [C]',
};

export function checkBeamOnCoverage(ctx: FractionContext): Outcome {
  const { timeline, options } = ctx;
  if (timeline.monitoring.length === 0) return NO_OUTCOME; // DOC-004 reports the missing record
  if (everyBeamCovered(timeline)) return NO_OUTCOME; // the usual case, decided without a gap list
  const toleranceMs = options.occlusionToleranceSec * 1000;
  let worst: { beam: string; start: number; seconds: number } | null = null;
  let uncoveredMs = 0;
  let beamOnMs = 0;
  for (const beam of timeline.beams) {
    beamOnMs += beam.interval.end - beam.interval.start;
    for (const gap of uncovered(beam.interval, timeline.coverage)) {
      const ms = gap.end - gap.start;
      uncoveredMs += ms;
      if (ms > toleranceMs && (worst === null || ms / 1000 > worst.seconds)) {
        worst = { beam: beam.name, start: gap.start, seconds: ms / 1000 };
      }
    }
  }
  if (worst === null) return NO_OUTCOME;
  return outcome(
    {
      ruleId: DOC_005.id,
      severity: 'error',
      subject: ctx.subject,
      message: `Beam ${worst.beam} was on for ${worst.seconds.toFixed(1)} s without monitoring (tolerance ${options.occlusionToleranceSec} s).`,
      evidence: {
        beam: worst.beam,
        gapStart: iso(worst.start),
        gapSeconds: worst.seconds,
        coveredPercent: beamOnMs ? Math.round((1000 * (beamOnMs - uncoveredMs)) / beamOnMs) / 10 : 0,
      },
      fix: 'If another record covers this beam, import it; otherwise motion management was not continuous: bill 77407.',
    },
    'downgrade-delivery',
  );
}

function everyBeamCovered(timeline: FractionTimeline): boolean {
  for (const beam of timeline.beams) if (!covers(timeline.coverage, beam.interval)) return false;
  return true;
}
