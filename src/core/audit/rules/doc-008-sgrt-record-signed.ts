import type { RuleMeta } from '../../model/rule.js';
import type { FractionContext } from '../fraction-context.js';
import { signatureOutcome, signedInTimeByTreating } from '../signature-outcome.js';
import { NO_OUTCOME, type Outcome } from '../outcome.js';

export const DOC_008: RuleMeta = {
  id: 'DOC-008',
  title: "The physician signed the fraction's SGRT record before the next beam-on",
  severity: 'error',
  source:
    'Seed, "Documentation Requirements" and "Key Takeaways": each SGRT document signed by the physician prior to next beam on, "to meet criteria for billing the professional service" [seed]',
};

const LOST_DELIVERY = 'the 77412 motion-management criteria are not met (bill 77407)';
const LOST_IGRT = '77387-26 loses its guidance record unless a timely image review supports it';
const COSTS_DELIVERY = '77412 (billed as 77407)';
const COSTS_IGRT = '77387-26 (unless a timely image review does)';
/** What a late or missing signature costs, by what rests on the record: written once, not per fraction. */
const LOSSES = {
  both: {
    fix: `For this fraction ${LOST_DELIVERY}; and ${LOST_IGRT}.`,
    costs: `${COSTS_DELIVERY} nor ${COSTS_IGRT}`,
  },
  delivery: { fix: `For this fraction ${LOST_DELIVERY}.`, costs: COSTS_DELIVERY },
  igrt: { fix: `For this fraction ${LOST_IGRT}.`, costs: COSTS_IGRT },
};

/**
 * What rests on the SGRT record: 77412's motion-management criteria (`delivery`) and/or 77387-26 when
 * the surface-guided tracking is its guidance (`igrt`). A late or missing signature costs both.
 */
export function checkSgrtRecordSigned(
  ctx: FractionContext,
  rests: { delivery: boolean; igrt: boolean } = { delivery: true, igrt: false },
): Outcome {
  const record = ctx.timeline.fraction.sgrtRecord;
  const signedAt = ctx.timeline.times.sgrtSignedAt[ctx.timeline.index]!;
  if (signedInTimeByTreating(ctx, record?.signature, signedAt)) return NO_OUTCOME;
  const lost = rests.delivery ? (rests.igrt ? LOSSES.both : LOSSES.delivery) : LOSSES.igrt;
  return signatureOutcome(ctx, {
    ruleId: DOC_008.id,
    what: 'SGRT record',
    documentId: record?.documentId ?? null,
    signature: record?.signature ?? null,
    signedAt,
    failEffect: rests.delivery ? 'downgrade-delivery' : 'drop-igrt',
    failFix: lost.fix,
    costs: lost.costs,
  });
}
