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
