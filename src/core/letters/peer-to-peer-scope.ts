import type { Course } from '../model/course.js';
import { isMedicalNecessityDenial } from '../remit/carc-kinds.js';
import type { LetterClaim } from './assemble-letter.js';
import type { MotionEvidence } from './motion-evidence.js';

/**
 * What a peer-to-peer sheet speaks of. A sheet for one remittance line speaks of that line's date of
 * service and the code billed on it; a course's sheet, of the dates its denied lines name: the reviewer
 * asked about those, and the sheet volunteers no other fraction's defects (issue 13: "Course-wide
 * figures appear only in a prior-authorization request or where the payer asked for the course"). Only a
 * course's sheet with no denied line (the payer reviews the course, e.g. its authorization) gives the
 * course-wide figures. Null: the course.
 */
export function sheetDates(claim: LetterClaim | null, denials: readonly LetterClaim[]): string[] | null {
  if (claim) return claim.dateOfService ? [claim.dateOfService] : [];
  const dates = [...new Set(denials.flatMap((d) => (d.dateOfService ? [d.dateOfService] : [])))].sort();
  return denials.length ? dates : null;
}

/** The line, or one of a course's denied lines, was denied for medical necessity (CARC 50/55/56/167). */
export function deniedForNecessity(claim: LetterClaim | null, denials: readonly LetterClaim[]): boolean {
  return (claim ? [claim] : denials).some((d) => d.carcs.some(isMedicalNecessityDenial));
}

/**
 * The course-wide count of fractions with the beam hold active, as far as the records state it: a PDF
 * report does not state gating (DOC-006), so a silent record is not counted as one without the hold; the
 * plan's setting is named as the plan's.
 */
export function beamHoldLabel(course: Course, ev: MotionEvidence): string {
  const monitored = ev.fractions.filter((f) => f.signature !== null);
  const stated = monitored.filter((f) => f.beamHoldStated);
  const planned = course.plan.motionManagement?.beamHold
    ? 'planned, from the plan'
    : 'the plan does not state it either';
  const silent = monitored.length - stated.length;
  if (!stated.length) return `beam hold: the records do not state it; ${planned}`;
  const active = `${stated.filter((f) => f.beamHoldActive).length} with beam hold active`;
  return silent ? `${active}; ${silent} whose records do not state it (${planned})` : active;
}
