import type { RuleMeta } from '../../model/rule.js';

export const CODE_004: RuleMeta = {
  id: 'CODE-004',
  title:
    '77407 (level 2): photons to a single isocenter (3D, IMRT, VMAT) without qualifying motion management',
  severity: 'info',
  source: 'CPT 2026 77407 as quoted in the seed ("single isocenter (eg, 3D or IMRT), photons") [seed]',
};
