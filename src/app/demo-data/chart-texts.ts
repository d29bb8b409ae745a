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

export function necessityText(site: Site, fractions: number, rng: Rng): string {
  const side = site.laterality === 'left' ? 'left' : 'right';
  const target = site.extent === 'post-mastectomy' ? `${side} chest wall` : `whole ${side} breast`;
  const surgery = site.extent === 'post-mastectomy' ? 'mastectomy' : 'lumpectomy';
  const dose = fractions <= 16 ? '40.05 Gy' : fractions <= 20 ? '42.5 Gy' : '50 Gy';
  const freeBreathing = rng.uniform(2.8, 5.6).toFixed(1);
  const dibh = rng.uniform(0.8, 1.6).toFixed(1);
  const organ =
    side === 'left'
      ? `the mean heart dose was ${freeBreathing} Gy and the LAD received up to ${rng.int(12, 24)} Gy; with deep-inspiration breath hold her mean heart dose falls to ${dibh} Gy`
      : site.internalMammaryNodes
        ? `the internal mammary nodes are treated and the right coronary artery received up to ${rng.int(8, 16)} Gy; with deep-inspiration breath hold the mean heart dose falls from ${freeBreathing} to ${dibh} Gy and the ipsilateral lung V20 by ${rng.int(4, 9)}%`
        : `the liver and right lung lie close to the fields; with deep-inspiration breath hold the liver dose falls by ${rng.int(30, 60)}% and the lung V20 by ${rng.int(4, 9)}%`;
  return (
    `${side === 'left' ? 'Left' : 'Right'} breast cancer after ${surgery}, ${dose} in ${fractions} fractions to the ${target}. ` +
    `On free-breathing planning ${organ}. Because of this anatomy, active motion management is medically necessary for this patient. ` +
    'AlignRT surface guidance monitors her continuously in real time during every beam with a 3 mm translation and 3 degree rotation threshold; ' +
    'therapists are alerted visually and the beam is held automatically (gating) whenever she moves out of tolerance, and resumes when she is back within tolerance.'
  );
}
