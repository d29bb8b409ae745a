import type { RuleMeta } from '../../model/rule.js';
import type { Course } from '../../model/course.js';
import { iso, type FractionContext } from '../fraction-context.js';
import { NO_OUTCOME, outcome, type Outcome } from '../outcome.js';

export const DOC_001: RuleMeta = {
  id: 'DOC-001',
  title: 'A signed physician order for active motion management, on or before the fraction',
  severity: 'error',
  source:
    'Seed, "Documentation Requirements": AMM must be ordered by the physician on each patient it is utilized [seed]',
};

/** The course's motion-management orders: none, none signed by a physician, or the first so signed. */
export type MotionOrderSigning = 'none' | 'unsigned' | { id: string; at: number };

/** Once per course: the earliest physician-signed motion-management order (`signedAt`: per order). */
export function motionOrderSigning(course: Course, signedAt: Float64Array): MotionOrderSigning {
  let found: MotionOrderSigning = 'none';
  for (let i = 0; i < course.orders.length; i++) {
    const o = course.orders[i]!;
    if (o.kind !== 'motion-management') continue;
    if (found === 'none') found = 'unsigned';
    if (o.signature?.role !== 'physician') continue;
    const at = signedAt[i]!;
    if (typeof found === 'string' || at < found.at || (at === found.at && o.id.localeCompare(found.id) < 0))
      found = { id: o.id, at };
  }
  return found;
}

export function checkMotionManagementOrder(ctx: FractionContext): Outcome {
  const signed = ctx.motionOrder;
  const base = { ruleId: DOC_001.id, subject: ctx.subject };
  if (signed === 'none') {
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
  if (signed === 'unsigned') {
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
