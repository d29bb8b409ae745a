import type { RuleMeta } from '../../model/rule.js';
import type { FractionContext } from '../fraction-context.js';
import { signatureOutcome } from '../signature-outcome.js';
import type { Outcome } from '../outcome.js';

export const DOC_008: RuleMeta = {
  id: 'DOC-008',
  title: "The physician signed the fraction's SGRT record before the next beam-on",
  severity: 'error',
  source:
    'Seed, "Documentation Requirements" and "Key Takeaways": each SGRT document signed by the physician prior to next beam on [seed]',
};

export function checkSgrtRecordSigned(ctx: FractionContext): Outcome {
  const record = ctx.timeline.fraction.sgrtRecord;
  return signatureOutcome(ctx, {
    ruleId: DOC_008.id,
    what: 'SGRT record',
    documentId: record?.documentId ?? null,
    signature: record?.signature ?? null,
    failEffect: 'downgrade-delivery',
    failFix: 'The 77412 motion-management criteria are not met for this fraction: bill 77407.',
  });
}
