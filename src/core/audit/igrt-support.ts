import type { IgrtBasis } from '../coding/rules/code-007-professional-igrt.js';
import type { FractionContext } from './fraction-context.js';
import type { Finding } from '../model/finding.js';
import { EFFECTS, NO_OUTCOME, type Outcome } from './outcome.js';
import { checkIgrtReviewSigned } from './rules/doc-009-igrt-review-signed.js';

/**
 * 77387-26 stands when one guidance record it rests on (the physician's image review, DOC-009, or the
 * SGRT tracking record, DOC-008) was signed before the next beam-on: seed, "signed … prior to next beam
 * on to meet criteria for billing the professional service". A failing record another one covers is
 * reported as a warning; when none is signed in time, one still awaiting its signature holds the
 * fraction, else 77387-26 is dropped.
 *
 * `sgrt`: DOC-008's outcome (null when the line does not rest on the SGRT record); `reportSgrt`: its
 * findings are reported here (not already by the motion-management checks).
 */
export function igrtSupport(
  ctx: FractionContext,
  basis: readonly IgrtBasis[],
  sgrt: Outcome | null,
  reportSgrt: boolean,
): Outcome {
  const review = basis.includes('image-review') ? checkIgrtReviewSigned(ctx) : NO_OUTCOME;
  const tracking = sgrt ?? NO_OUTCOME;
  let timely: IgrtBasis | null = null;
  let pending = false;
  for (const b of basis) {
    const o = b === 'image-review' ? review : tracking;
    if (timely === null && o.effects.length === 0) timely = b;
    if (o.effects.includes('hold')) pending = true;
  }
  const findings: Finding[] = [];
  if (timely !== null) {
    if (reported(timely, reportSgrt))
      findings.push(...(timely === 'image-review' ? review : tracking).findings);
    const signed = timely === 'image-review' ? 'image-guidance review' : 'SGRT tracking record';
    for (const b of basis)
      if (b !== timely && reported(b, reportSgrt))
        for (const f of (b === 'image-review' ? review : tracking).findings)
          findings.push({
            ...f,
            severity: f.severity === 'error' ? 'warning' : f.severity,
            message: `${f.message} 77387-26 rests on the ${signed}, signed in time.`,
          });
    return findings.length > 0 ? { findings, effects: EFFECTS.none } : NO_OUTCOME;
  }
  for (const b of basis)
    if (reported(b, reportSgrt)) findings.push(...(b === 'image-review' ? review : tracking).findings);
  return { findings, effects: pending ? EFFECTS.hold : EFFECTS['drop-igrt'] };
}

/** The image review's findings are DOC-009's, reported here; the SGRT record's only when not reported already. */
const reported = (basis: IgrtBasis, reportSgrt: boolean): boolean => basis === 'image-review' || reportSgrt;
