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
  const checks: { basis: IgrtBasis; outcome: Outcome; report: boolean }[] = [];
  let timely: (typeof checks)[number] | undefined;
  let pending = false;
  for (const b of basis) {
    const check =
      b === 'image-review'
        ? { basis: b, outcome: checkIgrtReviewSigned(ctx), report: true }
        : { basis: b, outcome: sgrt ?? NO_OUTCOME, report: reportSgrt };
    checks.push(check);
    if (!timely && check.outcome.effects.length === 0) timely = check;
    if (check.outcome.effects.includes('hold')) pending = true;
  }
  const findings: Finding[] = [];
  if (timely) {
    if (timely.report) findings.push(...timely.outcome.findings);
    const signed = timely.basis === 'image-review' ? 'image-guidance review' : 'SGRT tracking record';
    for (const c of checks)
      if (c !== timely && c.report)
        for (const f of c.outcome.findings)
          findings.push({
            ...f,
            severity: f.severity === 'error' ? 'warning' : f.severity,
            message: `${f.message} 77387-26 rests on the ${signed}, signed in time.`,
          });
    return { findings, effects: EFFECTS.none };
  }
  for (const c of checks) if (c.report) findings.push(...c.outcome.findings);
  return { findings, effects: pending ? EFFECTS.hold : EFFECTS['drop-igrt'] };
}
