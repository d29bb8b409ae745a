import type { Signature } from '../model/course.js';
import { type FractionContext, iso } from './fraction-context.js';
import { type Effect, NO_OUTCOME, outcome, type Outcome } from './outcome.js';
import { signatureTiming } from './signature-timing.js';
import { signatureCapacity } from './signer-capacity.js';
import { coveringSignerFinding, undesignatedSignerOutcome } from './rules/doc-011-designated-signer.js';

interface SignatureCheck {
  ruleId: string;
  what: string;
  /** The document to sign; null when the signature stands alone (e.g. an IGRT review). */
  documentId: string | null;
  signature: Signature | null;
  /** The signature's instant (NaN when unsigned). */
  signedAt: number;
  /** What a late or overdue signature costs. */
  failEffect: Effect;
  failFix: string;
  /** What a late or missing signature costs, said in the finding's message (e.g. "77412 and 77387-26"). */
  costs?: string;
}

/**
 * The course's own physician signed before the deadline: the usual case, with nothing to report (the
 * checks then build nothing). `signatureOutcome` gives NO_OUTCOME for it too.
 */
export function signedInTimeByTreating(
  ctx: FractionContext,
  signature: Signature | null | undefined,
  signedAt: number,
): boolean {
  return (
    signature?.role === 'physician' &&
    signature.signerId === ctx.course.physicianId &&
    (ctx.deadline === null || signedAt <= ctx.deadline.at)
  );
}

/**
 * Shared by DOC-008 and DOC-009: pending → hold until the deadline; late or overdue → the fail effect.
 * A physician who may not sign for the course is judged by DOC-011 (as no signature). Findings are
 * written out field by field (a spread of shared fields builds each one slowly).
 */
export function signatureOutcome(ctx: FractionContext, check: SignatureCheck): Outcome {
  const capacity = check.signature ? signatureCapacity(ctx.course, check.signature, ctx.covers) : null;
  if (capacity === 'undesignated')
    return undesignatedSignerOutcome(ctx, { ...check, signature: check.signature! });
  const timing = signatureTiming(check.signature, check.signedAt, ctx.deadline, ctx.now);
  const notPhysician =
    check.signature && check.signature.role !== 'physician'
      ? ` (signed by a ${check.signature.role}, not a physician)`
      : '';
  switch (timing.kind) {
    case 'on-time':
      return capacity === 'covering' ? coveringSignerFinding(ctx, check.what, check.signature!) : NO_OUTCOME;
    case 'late':
      return outcome(
        {
          ruleId: check.ruleId,
          subject: ctx.subject,
          severity: 'error',
          message: `The ${check.what} was signed ${hours(timing.signedAt - timing.deadline.at)} after ${deadlineWords(timing.deadline.basis)}.${costWords(check)}`,
          evidence: {
            signerId: check.signature!.signerId,
            capacity,
            signedAt: iso(timing.signedAt),
            deadline: iso(timing.deadline.at),
            basis: timing.deadline.basis,
          },
          fix: check.failFix,
        },
        check.failEffect,
      );
    case 'overdue':
      return outcome(
        {
          ruleId: check.ruleId,
          subject: ctx.subject,
          severity: 'error',
          message: `The ${check.what} was not signed before ${deadlineWords(timing.deadline.basis)}${notPhysician}.${costWords(check)}`,
          evidence: { deadline: iso(timing.deadline.at), basis: timing.deadline.basis },
          fix: `Sign it now for the record. ${check.failFix}`,
        },
        check.failEffect,
      );
    case 'unverifiable':
      return outcome(
        {
          ruleId: check.ruleId,
          subject: ctx.subject,
          severity: 'warning',
          message: `Cannot tell whether the ${check.what} was signed before the next beam-on: the next fraction's beam-on time is unreadable (DOC-010).`,
          evidence: { dayStart: iso(timing.deadline.at) },
          fix: "Correct the next fraction's treatment times; the signature is judged then.",
        },
        'hold',
      );
    case 'pending':
      return outcome(
        {
          ruleId: check.ruleId,
          subject: ctx.subject,
          severity: 'warning',
          message:
            check.documentId === null && check.what === 'SGRT record'
              ? `No ${check.what} to sign yet.`
              : `The ${check.what} awaits the physician's signature${notPhysician}${timing.deadline ? ` (due before ${ctx.clock.format(timing.deadline.at)}, ${deadlineWords(timing.deadline.basis)})` : ''}.`,
          evidence: {
            documentId: check.documentId,
            deadline: timing.deadline ? iso(timing.deadline.at) : null,
          },
          fix: 'The physician signs it before the next beam-on; the charge is released then.',
        },
        'hold',
      );
  }
}

function hours(ms: number): string {
  const h = ms / 3_600_000;
  return h < 1 ? `${Math.round(ms / 60_000)} min` : `${h.toFixed(1)} h`;
}

/** "the next fraction's beam-on"; the last fraction's deadline is a span after its beam-off, not a beam-on. */
function deadlineWords(basis: string): string {
  return basis === 'end of course' ? 'the end-of-course signature deadline' : `the ${basis}'s beam-on`;
}

const costWords = (check: SignatureCheck): string =>
  check.costs ? ` It no longer supports ${check.costs}.` : '';
