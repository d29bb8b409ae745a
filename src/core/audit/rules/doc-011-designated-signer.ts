import type { Signature } from '../../model/course.js';
import type { RuleMeta } from '../../model/rule.js';
import { type FractionContext, iso } from '../fraction-context.js';
import { type Effect, outcome, type Outcome } from '../outcome.js';
import { signatureTiming } from '../signature-timing.js';

export const DOC_011: RuleMeta = {
  id: 'DOC-011',
  title: "The physician who signed is the course's physician or a covering physician the practice designated",
  severity: 'error',
  source:
    'Seed: each document "signed by the physician prior to next beam on to meet criteria for billing the professional service" [seed]; a covering physician stands in for the unavailable regular physician (CMS Medicare Claims Processing Manual ch. 1 §30.2.10, reciprocal billing); the review is the physician\'s own service, dated when signed (CMS Medicare Benefit Policy Manual ch. 15 §30)',
};

/**
 * A physician's signature on a record the rule of `ruleId` checks, by capacity. A covering physician's
 * timely signature counts and is shown (info); an undesignated physician's counts as no signature: the
 * record awaits the course's physician (hold) until its deadline, and fails the criterion after it.
 */
export function undesignatedSignerOutcome(
  ctx: FractionContext,
  check: { what: string; signature: Signature; failEffect: Effect; failFix: string },
): Outcome {
  const timing = signatureTiming(null, NaN, ctx.deadline, ctx.now);
  const signed = `The ${check.what} was signed by ${check.signature.signerId}, who is neither the course's physician (${ctx.course.physicianId}) nor a covering physician the practice designated: it does not count as the physician's review`;
  const finding = {
    ruleId: DOC_011.id,
    subject: ctx.subject,
    evidence: {
      signerId: check.signature.signerId,
      capacity: 'undesignated',
      coursePhysicianId: ctx.course.physicianId,
      signedAt: check.signature.signedAt,
      deadline:
        timing.kind === 'on-time' || timing.kind === 'late' || !timing.deadline
          ? null
          : iso(timing.deadline.at),
    },
  };
  if (timing.kind === 'overdue')
    return outcome(
      {
        ...finding,
        severity: 'error',
        message: `${signed}, and no physician who may sign did so before the ${timing.deadline.basis}'s beam-on.`,
        fix: `The course's physician (or a designated cover) signs it for the record. ${check.failFix}`,
      },
      check.failEffect,
    );
  return outcome(
    {
      ...finding,
      severity: 'warning',
      message: `${signed}${timing.kind === 'pending' && timing.deadline ? `; the course's physician or a designated cover signs it before ${ctx.clock.format(timing.deadline.at)}` : ''}.`,
      fix: "The course's physician signs it, or the practice designates the signer as covering (Settings) if they were.",
    },
    'hold',
  );
}

/** A covering physician's signature, shown with its capacity (the criterion is met). */
export function coveringSignerFinding(ctx: FractionContext, what: string, signature: Signature): Outcome {
  return outcome({
    ruleId: DOC_011.id,
    severity: 'info',
    subject: ctx.subject,
    message: `The ${what} was signed by ${signature.signerId}, covering for the course's physician (${ctx.course.physicianId}) as the practice designated.`,
    evidence: {
      signerId: signature.signerId,
      capacity: 'covering',
      coursePhysicianId: ctx.course.physicianId,
      signedAt: signature.signedAt,
    },
  });
}
