import type { Finding } from '../../model/finding.js';
import type { RuleMeta } from '../../model/rule.js';
import type { MotionManagement } from '../../model/session-facts.js';

export const CODE_012: RuleMeta = {
  id: 'CODE-012',
  title: 'Active motion management with beam hold states the thresholds that trigger the hold',
  severity: 'warning',
  source:
    'Seed, "Key Takeaways": treatment paused when the patient moves out of tolerance [seed]; domain.md §3.3 elements 3 (thresholds/tolerances) and 5 (what triggers a beam hold) [C: ASTRO, eviCore]',
};

/** 77412 claimed for motion management with beam hold, but no tolerance says when the beam is held. */
export function missingThresholdsFinding(mm: MotionManagement, subject: string): Finding | null {
  const t = mm.thresholds;
  if ((t?.translationCm ?? null) !== null || (t?.rotationDeg ?? null) !== null) return null;
  return {
    ruleId: CODE_012.id,
    severity: 'warning',
    subject,
    message: `${mm.method} with beam hold is claimed without thresholds: nothing says when the beam is held.`,
    evidence: { method: mm.method, system: mm.system ?? null, beamHold: mm.beamHold },
    fix: 'Record the translation/rotation tolerances of the motion management (plan or order); reviewers and the beam-hold check need them.',
  };
}
