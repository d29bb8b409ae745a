import type { Signature } from '../model/course.js';
import type { SignatureDeadline } from './fraction-context.js';

export type SignatureTiming =
  | { kind: 'on-time'; signedAt: number }
  | { kind: 'late'; signedAt: number; deadline: SignatureDeadline }
  | { kind: 'pending'; deadline: SignatureDeadline | null }
  | { kind: 'overdue'; deadline: SignatureDeadline }
  /** The next beam-on is unknown (its time is unreadable): no verdict until it is corrected. */
  | { kind: 'unverifiable'; deadline: SignatureDeadline };

/**
 * Whether a physician signed before the deadline, compared as instants. A signature by anyone other
 * than a physician counts as no signature (seed: "signed by the physician prior to next beam on").
 * `signedAt`: the signature's instant, read when the course document was loaded (course-times.ts).
 */
export function signatureTiming(
  signature: Signature | null | undefined,
  signedAt: number,
  deadline: SignatureDeadline | null,
  now: number,
): SignatureTiming {
  const physician = signature?.role === 'physician' ? signature : null;
  const unknownBeamOn = deadline?.basis === 'unreadable next fraction';
  if (physician) {
    if (deadline === null || signedAt <= deadline.at) return { kind: 'on-time', signedAt };
    return unknownBeamOn ? { kind: 'unverifiable', deadline } : { kind: 'late', signedAt, deadline };
  }
  if (deadline !== null && now >= deadline.at) {
    return unknownBeamOn ? { kind: 'unverifiable', deadline } : { kind: 'overdue', deadline };
  }
  return { kind: 'pending', deadline };
}
