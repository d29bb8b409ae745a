import type { RuleMeta } from '../../model/rule.js';
import { parseInstant } from '../../time/local-clock.js';
import { iso, type FractionContext } from '../fraction-context.js';
import { NO_OUTCOME, outcome, type Outcome } from '../outcome.js';

export const DOC_001: RuleMeta = {
  id: 'DOC-001',
  title: 'A signed physician order for active motion management, on or before the fraction',
  severity: 'error',
  source:
    'Seed, "Documentation Requirements": AMM must be ordered by the physician on each patient it is utilized [seed]',
};

export function checkMotionManagementOrder(ctx: FractionContext): Outcome {
  const orders = ctx.course.orders.filter((o) => o.kind === 'motion-management');
  const base = { ruleId: DOC_001.id, subject: ctx.subject };
  if (orders.length === 0) {
    return outcome(
      {
        ...base,
        severity: 'error',
        message: 'No active motion management order in the chart.',
        fix: 'The physician enters and signs an AMM order (best practice: a section of the clinical treatment plan). Without one, bill 77407.',
      },
      'hold',
    );
  }
  const signed = orders
    .filter((o) => o.signature?.role === 'physician')
    .map((o) => ({ id: o.id, at: parseInstant(o.signature!.signedAt) }))
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))[0];
  if (!signed) {
    return outcome(
      {
        ...base,
        severity: 'error',
        message: 'The active motion management order is not signed by a physician.',
        fix: 'The physician signs the AMM order.',
      },
      'hold',
    );
  }
  const beamOn = ctx.timeline.firstBeamOn;
  if (beamOn !== null && signed.at > beamOn) {
    return outcome(
      {
        ...base,
        severity: 'error',
        message: 'The active motion management order was signed after this fraction was delivered.',
        evidence: { orderId: signed.id, orderSignedAt: iso(signed.at), firstBeamOn: iso(beamOn) },
        fix: 'Bill 77407 for fractions delivered before the order; 77412 from the first fraction after it.',
      },
      'downgrade-delivery',
    );
  }
  return NO_OUTCOME;
}
