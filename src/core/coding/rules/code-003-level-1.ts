import type { RuleMeta } from '../../model/rule.js';

export const CODE_003: RuleMeta = {
  id: 'CODE-003',
  title: '77402 (level 1): electron fields or 2D photons to one isocenter',
  severity: 'info',
  source:
    'CPT 2026 77402 as quoted in the seed ("single electron field, multiple electron fields, or 2D photons") [seed]',
};
