import type { Course, Signature } from '../model/course.js';
import { clockFor, parseInstant } from '../time/local-clock.js';

/**
 * Who may sign a course's records as "the physician" (seed: each SGRT document "signed by the physician
 * prior to next beam on to meet criteria for billing the professional service"): the course's treating
 * physician, or a physician the practice designated to cover, either for that course or for the treating
 * physician over a range of dates. A covering physician stands in for a regular physician who is
 * unavailable (CMS Medicare Claims Processing Manual ch. 1 §30.2.10, reciprocal billing arrangements);
 * the review is the physician's own service, furnished when it is signed (CMS Medicare Benefit Policy
 * Manual ch. 15 §30, physician services), so a date range must include the facility date of signing.
 */
export type CoverDesignation =
  | { coveringPhysicianId: string; scope: 'course'; courseId: string }
  | { coveringPhysicianId: string; scope: 'dates'; forPhysicianId: string; from: string; to: string };

/** `undesignated`: a physician who is neither the course's physician nor a designated cover. */
export const SIGNER_CAPACITIES = ['treating', 'covering', 'undesignated'] as const;
export type SignerCapacity = (typeof SIGNER_CAPACITIES)[number];

/**
 * The capacity in which `signerId` signs a record of the course (chart course id, treating physician) on
 * `signingDate` (the facility's calendar date, YYYY-MM-DD).
 */
export function signerCapacity(
  course: { courseId: string; physicianId: string },
  signerId: string,
  signingDate: string,
  covers: readonly CoverDesignation[],
): SignerCapacity {
  if (signerId === course.physicianId) return 'treating';
  const covered = covers.some(
    (d) =>
      d.coveringPhysicianId === signerId &&
      (d.scope === 'course'
        ? d.courseId === course.courseId
        : d.forPhysicianId === course.physicianId && d.from <= signingDate && signingDate <= d.to),
  );
  return covered ? 'covering' : 'undesignated';
}

/**
 * The capacity of a signature on a course's record, dated by the facility's calendar date of signing;
 * null when the signer is not a physician (that counts as no signature: signature-timing.ts).
 */
export function signatureCapacity(
  course: Pick<Course, 'courseId' | 'physicianId' | 'facility'>,
  signature: Signature,
  covers: readonly CoverDesignation[],
): SignerCapacity | null {
  if (signature.role !== 'physician') return null;
  // The treating physician signs in that capacity on any date: the date is read only for a cover.
  if (signature.signerId === course.physicianId) return 'treating';
  const clock = clockFor(course.facility.timeZone);
  const signingDate = clock.facilityReading(parseInstant(signature.signedAt)).slice(0, 10);
  return signerCapacity(course, signature.signerId, signingDate, covers);
}
