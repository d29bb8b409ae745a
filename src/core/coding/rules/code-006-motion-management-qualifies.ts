import type { Finding } from '../../model/finding.js';
import type { RuleMeta } from '../../model/rule.js';
import type { MotionManagement } from '../../model/session-facts.js';

export const CODE_006: RuleMeta = {
  id: 'CODE-006',
  title: 'Only intrafraction motion management with beam hold qualifies for 77412',
  severity: 'warning',
  source:
    'AMA and ASTRO AMM definitions: set-up-only surface guidance or abdominal compression does not qualify; treatment is paused when the patient moves out of tolerance [seed]',
};

/** Why motion management does not make the session 77412, or null when it qualifies. */
export function ammShortfall(mm: MotionManagement | null): string | null {
  if (mm === null) return 'no active motion management was used (image guidance alone does not qualify)';
  if (mm.phase === 'setup-only') {
    return `${mm.method} was used for set-up only, not during delivery`;
  }
  if (!mm.beamHold)
    return `${mm.method} monitored during delivery but could not hold the beam when out of tolerance`;
  return null;
}

/**
 * Where the motion management a session is coded on comes from when the plan states none: an order that
 * says when the beam is held (info), or nothing although the chart shows motion management (a monitoring
 * record, an order without a hold clause): a warning, never silence, since 77412 is then not billed.
 * `monitoring`: the session has a monitoring record; `order`: the chart has a motion-management order.
 */
export function motionSourceFinding(
  from: string | null,
  monitoring: boolean,
  order: boolean,
  subject: string,
): Finding | null {
  if (from?.startsWith('order '))
    return {
      ruleId: CODE_006.id,
      severity: 'info',
      subject,
      message: `The plan states no motion management: ${from} states it (beam held outside its thresholds), and 77412 is judged on it.`,
      evidence: { motionManagementFrom: from },
    };
  if (from === null && (monitoring || order))
    return {
      ruleId: CODE_006.id,
      severity: 'warning',
      subject,
      message: `Motion management is ${monitoring ? 'recorded for this session' : 'ordered'} but neither the plan nor a motion-management order states intrafraction monitoring with beam hold and its thresholds: not 77412.`,
      evidence: { monitoringRecorded: monitoring, motionManagementOrder: order },
      fix: 'Record the motion management (system, thresholds, beam hold) in the plan or the signed order and re-run; else bill 77407.',
    };
  return null;
}
