import type { RuleMeta } from '../../model/rule.js';
import type { FractionContext } from '../fraction-context.js';
import { signatureOutcome, signedInTimeByTreating } from '../signature-outcome.js';
import { NO_OUTCOME, type Outcome } from '../outcome.js';

export const DOC_009: RuleMeta = {
  id: 'DOC-009',
  title: 'The physician reviewed the image guidance (77387-26) before the next beam-on',
  severity: 'error',
  source:
    'Seed: signed prior to next beam on "to meet criteria for billing the professional service" [seed]; 77387-26 professional component [seed]',
};

export function checkIgrtReviewSigned(ctx: FractionContext): Outcome {
  const review = ctx.timeline.fraction.imageGuidance?.review;
  const signedAt = ctx.timeline.times.reviewSignedAt[ctx.timeline.index]!;
  if (signedInTimeByTreating(ctx, review, signedAt)) return NO_OUTCOME;
  return signatureOutcome(ctx, {
    ruleId: DOC_009.id,
    what: 'image-guidance review',
    documentId: null,
    signature: review ?? null,
    signedAt,
    failEffect: 'drop-igrt',
    failFix: 'The professional IGRT service is not billable for this fraction: remove 77387-26.',
  });
}
