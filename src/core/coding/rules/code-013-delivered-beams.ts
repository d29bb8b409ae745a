import type { Fraction } from '../../model/course.js';
import type { Finding } from '../../model/finding.js';
import type { RuleMeta } from '../../model/rule.js';
import type { SessionFacts } from '../../model/session-facts.js';

export const CODE_013: RuleMeta = {
  id: 'CODE-013',
  title:
    "The delivered beams' radiation types decide the session's modality; a plan that says otherwise is a finding",
  severity: 'warning',
  source:
    'CPT 2026 77412 "mixed electron/photon field(s)", 77402 "single electron field, multiple electron fields" (domain.md §2 [seed]); Radiation Type (300A,00C6) of each delivered beam in the RT Beams Treatment Record (domain.md §5.3)',
};

type Modality = SessionFacts['modality'];
const DECIDED_BY_BEAMS: readonly Modality[] = ['photon', 'electron', 'mixed'];

/**
 * The session's modality as its delivered beams show it: an electron and a photon beam make it mixed;
 * photon-only or electron-only beams (every beam typed) make it photon or electron. Other plans
 * (protons, superficial…) and untyped beams leave the plan's modality.
 */
export function deliveredModality(
  plan: Modality,
  beams: Fraction['beams'],
  subject: string,
): { modality: Modality; finding: Finding | null } {
  if (!DECIDED_BY_BEAMS.includes(plan)) return { modality: plan, finding: null };
  let photon = false;
  let electron = false;
  let other = false; // a beam of another type, or untyped
  for (const b of beams) {
    if (b.radiationType === 'PHOTON') photon = true;
    else if (b.radiationType === 'ELECTRON') electron = true;
    else other = true;
  }
  const delivered: Modality | null =
    electron && photon ? 'mixed' : other ? null : photon ? 'photon' : electron ? 'electron' : null;
  if (delivered === null || delivered === plan) return { modality: plan, finding: null };
  return {
    modality: delivered,
    finding: {
      ruleId: CODE_013.id,
      severity: 'warning',
      subject,
      message: `The plan says ${plan} but the treatment record delivered ${delivered === 'mixed' ? 'electron and photon beams' : `${delivered} beams only`}: the session is coded as ${delivered}.`,
      evidence: {
        planModality: plan,
        deliveredModality: delivered,
        beams: beams.map((b) => `${b.name}:${b.radiationType ?? '?'}`).join(', '),
      },
      fix: "Check the plan's modality against the record (a boost plan, a field added); correct whichever is wrong and re-run.",
    },
  };
}
