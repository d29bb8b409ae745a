import type { RuleMeta } from '../../model/rule.js';

export const CODE_005: RuleMeta = {
  id: 'CODE-005',
  title:
    '77412 (level 3): multiple isocenters, single-isocenter 3D/IMRT with active motion management, total skin electrons, or mixed electron/photon fields',
  severity: 'info',
  source: 'CPT 2026 77412 as quoted in the seed; ASTRO 2026 code changes [seed][C]',
};
