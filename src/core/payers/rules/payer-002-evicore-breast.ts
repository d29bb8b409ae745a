import type { Finding } from '../../model/finding.js';
import type { RuleMeta } from '../../model/rule.js';
import type { Site } from '../../model/session-facts.js';
import type { PayerProfile } from '../payer-profile.js';

export const PAYER_002: RuleMeta = {
  id: 'PAYER-002',
  title:
    'eviCore breast criteria for 77412 with motion management: left breast or chest wall, right breast with internal mammary nodes, or bilateral',
  severity: 'warning',
  source:
    'eviCore updated breast guidance, as reported by ASTRO ("I got denied or downcoded", 2026-01-21) [C]',
};

/** A warning when a breast course billed 77412 for motion management falls outside the payer's criteria. */
export function evicoreBreastFinding(
  profile: PayerProfile,
  site: Site | undefined,
  subject: string,
): Finding | null {
  if (profile.amm77412Criteria !== 'evicore-breast' || site?.region.toLowerCase() !== 'breast') return null;
  const extent = site.extent ?? 'whole-breast';
  const wholeOrChestWall = extent === 'whole-breast' || extent === 'post-mastectomy';
  const meets =
    site.laterality === 'bilateral' ||
    (site.laterality === 'left' && wholeOrChestWall) ||
    (site.laterality === 'right' && site.internalMammaryNodes === true);
  if (meets) return null;
  return {
    ruleId: PAYER_002.id,
    severity: 'warning',
    subject,
    message: `${profile.name} pays 77412 for breast motion management only for left whole breast/chest wall, right breast with internal mammary nodes, or bilateral; this course is ${site.laterality ?? 'unspecified'} ${extent}${site.laterality === 'right' ? ' without internal mammary nodes' : ''}.`,
    evidence: {
      laterality: site.laterality ?? null,
      extent,
      internalMammaryNodes: site.internalMammaryNodes ?? false,
    },
    fix: 'Expect a downcode to 77407: request prior authorization with the patient-specific necessity, or plan a peer-to-peer.',
  };
}
