import type { DeliveryCode } from '../model/billing-line.js';
import type { Finding } from '../model/finding.js';
import { type SessionFacts, TECHNIQUES } from '../model/session-facts.js';
import { CODE_003 } from './rules/code-003-level-1.js';
import { CODE_004 } from './rules/code-004-level-2.js';
import { CODE_005 } from './rules/code-005-level-3.js';
import { ammShortfall, CODE_006 } from './rules/code-006-motion-management-qualifies.js';
import { missingThresholdsFinding } from './rules/code-012-thresholds-stated.js';

export interface LevelDecision {
  code: DeliveryCode;
  ruleId: string;
  reason: string;
  /** 77412 was chosen because of active motion management (the audit then checks its evidence). */
  byMotionManagement: boolean;
  findings: Finding[];
}

/** A level without findings shares this list (frozen: decisions are read, never changed). */
const NO_FINDINGS = Object.freeze([]) as readonly Finding[] as Finding[];

/** The 2026 delivery level for a session inside the three-level family (after CODE-002 routing). */
const level = (
  code: DeliveryCode,
  ruleId: string,
  reason: string,
  byMotionManagement = false,
  finding: Finding | null = null,
): LevelDecision => ({
  code,
  ruleId,
  reason,
  byMotionManagement,
  findings: finding ? [finding] : NO_FINDINGS,
});

/**
 * The reasons of single-isocenter 3D / IMRT / VMAT, by technique, and their levels without findings
 * (77412 with motion management, 77407 without): made once, not per session.
 */
const SINGLE_ISOCENTER = new Map(
  TECHNIQUES.map((t) => {
    const amm = `single-isocenter ${t} with active motion management`;
    const photons = `single-isocenter ${t} photons`;
    return [
      t,
      {
        amm,
        photons,
        ammLevel: Object.freeze(level('77412', CODE_005.id, amm, true)),
        photonsLevel: Object.freeze(level('77407', CODE_004.id, photons)),
      },
    ];
  }),
);

/** The levels that depend on the modality or technique alone (77412 mixed and TSET, 77402 electrons). */
const MIXED = Object.freeze(level('77412', CODE_005.id, 'mixed electron/photon fields'));
const TSET = Object.freeze(level('77412', CODE_005.id, 'total skin electrons'));
const ELECTRONS = Object.freeze(level('77402', CODE_003.id, 'electron field(s)'));

export function deliveryLevel(facts: SessionFacts, subject: string): LevelDecision {
  // 77412: "mixed electron/photon field(s)" and "total skin electrons".
  if (facts.modality === 'mixed') return MIXED;
  if (facts.technique === 'TSET') return TSET;
  // 77402: "single electron field, multiple electron fields".
  if (facts.modality === 'electron') return ELECTRONS;
  // 77412: "multiple isocenters with photon therapy (eg, 2D, 3D, or IMRT)".
  if (facts.isocenters > 1) return level('77412', CODE_005.id, `photons to ${facts.isocenters} isocenters`);
  if (facts.technique === '2D') {
    const finding: Finding | null =
      facts.motionManagement?.phase === 'intrafraction'
        ? {
            ruleId: CODE_006.id,
            severity: 'info',
            subject,
            message:
              'Motion management with 2D photons: the 77412 motion-management criterion names 3D or IMRT.',
            evidence: { technique: facts.technique },
          }
        : null;
    return level('77402', CODE_003.id, '2D photons to a single isocenter', false, finding);
  }
  // Single isocenter 3D / IMRT / VMAT.
  const shortfall = ammShortfall(facts.motionManagement);
  const reasons = SINGLE_ISOCENTER.get(facts.technique)!;
  if (shortfall === null) {
    const missing = missingThresholdsFinding(facts.motionManagement!, subject);
    return missing ? level('77412', CODE_005.id, reasons.amm, true, missing) : reasons.ammLevel;
  }
  if (facts.motionManagement === null) return reasons.photonsLevel;
  return level('77407', CODE_004.id, reasons.photons, false, {
    ruleId: CODE_006.id,
    severity: 'warning',
    subject,
    message: `Not 77412: ${shortfall}.`,
    evidence: {
      method: facts.motionManagement.method,
      phase: facts.motionManagement.phase,
      beamHold: facts.motionManagement.beamHold,
    },
    fix: 'Bill 77407. If the patient was monitored throughout beam-on with beam hold, record it and re-run.',
  });
}
