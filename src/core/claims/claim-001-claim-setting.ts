import type { Finding } from '../model/finding.js';
import type { RuleMeta } from '../model/rule.js';

export const CLAIM_001: RuleMeta = {
  id: 'CLAIM-001',
  title:
    'Place of service decides the claim: office (11) → one global 837P; outpatient hospital (19/22) → professional 837P and technical 837I',
  severity: 'error',
  source:
    'CMS place of service code set (11 office, 19 off-campus and 22 on-campus outpatient hospital) [C]; domain.md §6: 837P professional/freestanding global, 837I hospital technical [seed]',
};

export type ClaimSetting = 'freestanding' | 'hospital';

const SETTINGS: Record<string, ClaimSetting> = { '11': 'freestanding', '19': 'hospital', '22': 'hospital' };

/** The setting a place of service bills in, or a finding when the product does not build that claim. */
export function claimSetting(
  placeOfService: string,
  subject: string,
): { setting: ClaimSetting } | { setting: null; finding: Finding } {
  const setting = SETTINGS[placeOfService];
  if (setting) return { setting };
  return {
    setting: null,
    finding: {
      ruleId: CLAIM_001.id,
      severity: 'error',
      subject,
      message: `Place of service ${placeOfService} is neither office (11) nor outpatient hospital (19/22): no claim built.`,
      evidence: { placeOfService },
      fix: 'Correct the place of service on the charge, or bill it outside this product.',
    },
  };
}
