import type { Finding } from '../../model/finding.js';
import type { RuleMeta } from '../../model/rule.js';
import type { MotionManagement, SessionFacts } from '../../model/session-facts.js';

export const CODE_007: RuleMeta = {
  id: 'CODE-007',
  title:
    '77387-26 when physician-reviewed guidance (image guidance, or surface-guided intrafraction tracking) is documented; never a technical IGRT line; none with SBRT/SRS',
  severity: 'warning',
  source:
    'Seed: 77387-26 professional charge, "Guidance for localization of target volume …, includes intrafraction tracking, when performed"; tracking alone counts unless the payer profile says otherwise (sgrtTrackingSupportsIgrt false: then an image review of the date is needed, and the fraction says so); technical IGRT bundled (status B) in 77402/77407/77412 [seed]; 77373, 77371/77372 include guidance (domain.md §2) [U: confirm with NCCI]; G0339/G0340 are "image-guided robotic" delivery (HCPCS descriptors, CMS)',
};

/** The guidance record a 77387-26 line rests on: the physician's image review, or the signed SGRT record. */
export type IgrtBasis = 'image-review' | 'sgrt-tracking';

export type IgrtDecision =
  | { bill: true; reason: string; basis: IgrtBasis[]; finding: Finding | null }
  | { bill: false; finding: Finding | null };

/** Surface guidance (seed: "gating (eg, optical) … using the body surface contour"): SGRT systems. */
export function isSurfaceGuided(mm: MotionManagement | null): boolean {
  if (mm === null) return false;
  return /\b(sgrt|surface)/i.test(mm.method) || /\b(alignrt|catalyst|identify)\b/i.test(mm.system ?? '');
}

/**
 * The stereotactic code whose delivery includes the guidance, named as routed (CODE-002/011): robotic
 * G0339/G0340 ("image-guided robotic linear accelerator-based stereotactic radiosurgery", HCPCS
 * descriptors, CMS) for any robotic session; 77373 for SBRT and fractionated linac SRS;
 * 77371/77372 for single-session SRS (domain.md §2 [U: confirm with NCCI]). When the line is not billed
 * (past a course limit) the family is named.
 */
function guidanceIncludedIn(
  facts: SessionFacts,
  deliveryCode: string | null,
): { what: string; code: string } | null {
  if (facts.deliverySystem === 'robotic')
    return {
      what: 'robotic stereotactic delivery',
      code: deliveryCode === 'G0339' || deliveryCode === 'G0340' ? deliveryCode : 'G0339/G0340',
    };
  if (facts.technique === 'SBRT' || deliveryCode === '77373')
    return { what: facts.technique === 'SRS' ? 'fractionated SRS' : 'SBRT', code: '77373' };
  if (facts.technique === 'SRS')
    return {
      what: 'stereotactic radiosurgery',
      code: deliveryCode === '77371' || deliveryCode === '77372' ? deliveryCode : '77371/77372',
    };
  return null;
}

/** 77387-26 not billed, and why. */
function skip(subject: string, message: string, fix?: string): IgrtDecision {
  return {
    bill: false,
    finding: { ruleId: CODE_007.id, severity: 'warning', subject, message, ...(fix ? { fix } : {}) },
  };
}

/**
 * `sgrtTrackingCounts`: the payer profile lets surface-guided intrafraction tracking alone support
 * 77387-26 (PayerProfile.sgrtTrackingSupportsIgrt).
 */
export function professionalIgrt(
  facts: SessionFacts,
  subject: string,
  deliveryCode: string | null,
  sgrtTrackingCounts = true,
): IgrtDecision {
  const ig = facts.imageGuidance;
  const imaged = ig !== null && ig.performed;
  const surfaceTracked =
    facts.motionManagement?.phase === 'intrafraction' && isSurfaceGuided(facts.motionManagement);
  const tracked = sgrtTrackingCounts && surfaceTracked;
  // The payer's profile does not take the tracking record as image guidance: said when it decides the line.
  const trackingRefused = surfaceTracked && !sgrtTrackingCounts;
  if (!imaged && !surfaceTracked) return { bill: false, finding: null };
  const quiet = !imaged; // tracking alone: stereotactic codes include it, nothing to say
  const included = guidanceIncludedIn(facts, deliveryCode);
  if (included) {
    return quiet
      ? { bill: false, finding: null }
      : skip(subject, `No 77387 with ${included.what}: ${included.code} includes image guidance.`);
  }
  if (facts.technique === 'brachytherapy')
    return quiet ? { bill: false, finding: null } : skip(subject, 'No 77387 with brachytherapy.');
  const reviewed = imaged && ig.physicianReviewed;
  if (!reviewed && trackingRefused) return trackingNotAccepted(facts, subject, imaged);
  if (!reviewed && !tracked) {
    return skip(
      subject,
      'Image guidance performed but not reviewed by the physician: 77387-26 is not billable yet.',
      'Have the physician review and sign the image guidance, then re-run.',
    );
  }
  const basis: IgrtBasis[] = reviewed ? ['image-review'] : [];
  if (tracked) basis.push('sgrt-tracking');
  if (reviewed) {
    return {
      bill: true,
      basis,
      reason: 'image guidance performed and reviewed by the physician (professional component)',
      finding: null,
    };
  }
  const mm = facts.motionManagement!;
  return {
    bill: true,
    basis,
    reason: `surface-guided intrafraction tracking (${mm.system ?? mm.method}) reviewed by the physician in the signed SGRT record (professional component)`,
    finding: {
      ruleId: CODE_007.id,
      severity: 'info',
      subject,
      message: `77387-26 rests on the surface-guided intrafraction tracking record (77387 "includes intrafraction tracking, when performed"), not on an image review.`,
      evidence: { basis: 'sgrt-tracking', system: mm.system ?? null, method: mm.method },
      fix: 'The physician signs the SGRT record before the next beam-on; a payer that wants an image review for 77387-26 sets sgrtTrackingSupportsIgrt false in its profile.',
    },
  };
}

/**
 * 77387-26 not billed because the payer's profile sets `sgrtTrackingSupportsIgrt: false` and no
 * physician-reviewed image review of the date supports it. Sources: the payer profile setting; seed:
 * 77387 "Guidance for localization of target volume …, includes intrafraction tracking, when performed",
 * billed as the professional service (77387-26) on the physician's review of the guidance.
 */
function trackingNotAccepted(facts: SessionFacts, subject: string, imaged: boolean): IgrtDecision {
  const mm = facts.motionManagement!;
  return {
    bill: false,
    finding: {
      ruleId: CODE_007.id,
      // Unreviewed imaging can still support the line once reviewed: a warning; otherwise the payer's policy.
      severity: imaged ? 'warning' : 'info',
      subject,
      message: `77387-26 not billed: this payer's profile does not accept surface-guided intrafraction tracking as image guidance (sgrtTrackingSupportsIgrt false), and no physician-reviewed image review of the date supports it${imaged ? ' (the image guidance of the date is not reviewed yet)' : ''}.`,
      evidence: {
        basis: 'sgrt-tracking',
        system: mm.system ?? null,
        method: mm.method,
        payerSetting: 'sgrtTrackingSupportsIgrt: false',
        source:
          'payer profile (sgrtTrackingSupportsIgrt); seed: 77387 "includes intrafraction tracking, when performed", professional component 77387-26',
      },
      fix: imaged
        ? 'Have the physician review and sign the image guidance of the date, then re-run: the image review supports 77387-26 for this payer.'
        : "An image review of the date (imaging reviewed and signed by the physician) would support 77387-26 for this payer; without one the line stays off per the payer's policy.",
    },
  };
}
