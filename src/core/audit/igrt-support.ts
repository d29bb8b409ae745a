import type { IgrtBasis } from '../coding/rules/code-007-professional-igrt.js';
import type { FractionContext } from './fraction-context.js';
import { type Effect, NO_OUTCOME, type Outcome } from './outcome.js';
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
  const checks = basis.map((b) =>
    b === 'image-review'
      ? { basis: b, outcome: checkIgrtReviewSigned(ctx), report: true }
      : { basis: b, outcome: sgrt ?? NO_OUTCOME, report: reportSgrt },
  );
  const timely = checks.find((c) => c.outcome.effects.length === 0);
  if (timely) {
    const covered = checks
      .filter((c) => c !== timely && c.report)
      .flatMap((c) =>
        c.outcome.findings.map((f) => ({
          ...f,
          severity: f.severity === 'error' ? ('warning' as const) : f.severity,
          message: `${f.message} 77387-26 rests on the ${timely.basis === 'image-review' ? 'image-guidance review' : 'SGRT tracking record'}, signed in time.`,
        })),
      );
    return { findings: [...(timely.report ? timely.outcome.findings : []), ...covered], effects: [] };
  }
  const pending = checks.some((c) => c.outcome.effects.includes('hold'));
  const effects: Effect[] = [pending ? 'hold' : 'drop-igrt'];
  return { findings: checks.filter((c) => c.report).flatMap((c) => c.outcome.findings), effects };
}
