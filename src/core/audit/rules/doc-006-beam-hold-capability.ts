import type { RuleMeta } from '../../model/rule.js';
import type { FractionContext } from '../fraction-context.js';
import { overlaps } from '../intervals.js';
import { NO_OUTCOME, outcome, type Outcome } from '../outcome.js';

export const DOC_006: RuleMeta = {
  id: 'DOC-006',
  title: 'Monitoring during beam-on had thresholds set and could hold the beam',
  severity: 'error',
  source:
    'Seed: treatment paused when out of tolerance [seed]; domain.md §3.4: thresholds "N/A" with gating inactive shows no beam-hold capability',
};

export function checkBeamHoldCapability(ctx: FractionContext): Outcome {
  const during = ctx.timeline.monitoring.filter((m) => ctx.timeline.beams.some((b) => overlaps(m.interval, b.interval)));
  const noThresholds = during.filter(
    (m) => m.session.thresholds === null || (m.session.thresholds.translationCm ?? null) === null,
  );
  if (noThresholds.length > 0) {
    const s = noThresholds.map((m) => m.session).sort((a, b) => a.id.localeCompare(b.id))[0]!;
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
  const manual = during.filter((m) => !m.session.gatingActive);
  if (manual.length > 0 && ctx.course.plan.motionManagement?.beamHold !== true) {
    return outcome(
      {
        ruleId: DOC_006.id,
        severity: 'error',
        subject: ctx.subject,
        message: 'Gating was inactive and the plan documents no manual beam hold.',
        evidence: { monitoringId: manual[0]!.session.id },
        fix: 'Document the manual beam-hold workflow, or bill 77407.',
      },
      'downgrade-delivery',
    );
  }
  return NO_OUTCOME;
}
