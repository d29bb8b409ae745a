import type { Site } from '../../core/model/session-facts.js';
import type { Rng } from './prng.js';

/**
 * Chart texts of the motion-managed courses: the AMM order and a patient-specific medical-necessity
 * paragraph that addresses the five elements reviewers look for (domain.md §3.3), and the "DIBH"-only
 * note that reviewers reject.
 */

export const DIBH_ONLY = 'DIBH';

export function ammOrderText(): string {
  return 'Active motion management: DIBH with AlignRT surface guidance during delivery, beam hold when outside 3 mm / 3 deg.';
}

/**
 * The prescription of each fractionation the demo plans, so that the statement matches the plan: 40.05 Gy
 * in 15 (START B), 42.56 Gy in 16 (Whelan), 40.05 Gy in 15 with a sequential 10 Gy boost in 5, 50 Gy in
 * 25 (conventional). Another count states the fractions only: the demo invents no dose.
 */
function prescription(fractions: number, target: string): string {
  switch (fractions) {
    case 15:
      return `40.05 Gy in 15 fractions to the ${target}`;
    case 16:
      return `42.56 Gy in 16 fractions to the ${target}`;
    case 20:
      return `40.05 Gy in 15 fractions to the ${target} followed by a sequential 10 Gy boost in 5 fractions (20 fractions)`;
    case 25:
      return `50 Gy in 25 fractions to the ${target}`;
    default:
      return `${fractions} fractions to the ${target}`;
  }
}

export function necessityText(site: Site, fractions: number, rng: Rng): string {
  const side = site.laterality === 'left' ? 'left' : 'right';
  const target = site.extent === 'post-mastectomy' ? `${side} chest wall` : `whole ${side} breast`;
  const surgery = site.extent === 'post-mastectomy' ? 'mastectomy' : 'lumpectomy';
  const freeBreathing = rng.uniform(2.8, 5.6).toFixed(1);
  const dibh = rng.uniform(0.8, 1.6).toFixed(1);
  const organ =
    side === 'left'
      ? `On free-breathing planning the mean heart dose was ${freeBreathing} Gy and the LAD received up to ${rng.int(12, 24)} Gy; with deep-inspiration breath hold her mean heart dose falls to ${dibh} Gy`
      : site.internalMammaryNodes
        ? `The internal mammary nodes are treated. On free-breathing planning the right coronary artery received up to ${rng.int(8, 16)} Gy; with deep-inspiration breath hold the mean heart dose falls from ${freeBreathing} to ${dibh} Gy and the ipsilateral lung V20 by ${rng.int(4, 9)} percentage points`
        : `On free-breathing planning the liver and right lung lie close to the fields; with deep-inspiration breath hold the liver dose falls by ${rng.int(30, 60)}% and the lung V20 by ${rng.int(4, 9)} percentage points`;
  return (
    `${side === 'left' ? 'Left' : 'Right'} breast cancer after ${surgery}, ${prescription(fractions, target)}. ` +
    `${organ}. Because of this anatomy, active motion management is medically necessary for this patient. ` +
    'AlignRT surface guidance monitors her continuously in real time during every beam with a 3 mm translation and 3 degree rotation threshold; ' +
    'therapists are alerted visually and the beam is held automatically (gating) whenever she moves out of tolerance, and resumes when she is back within tolerance.'
  );
}
