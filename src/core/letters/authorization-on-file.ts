import type { Authorization, Course } from '../model/course.js';
import { courseLevel } from './course-level.js';

/** Statuses of an authorization that authorize nothing. */
const NOT_GRANTED: readonly Authorization['status'][] = ['denied', 'cancelled', 'pending'];

/**
 * The authorization on file (the practice's authorization export) whose validity covers a date of
 * service, that lists its delivery code (`listsCode`; the date's session as the audit coded it,
 * `courseLevel`) and that has fractions left on that date (`fractionsUsed` before it < its
 * `fractionsAuthorized`), or undefined: one for 77412 only does not cover a 77407 date, nor one whose
 * fractions were all delivered before the date (the payer authorizes a number of fractions: the export's
 * count; the same count as the course check, `authorizationCoveringRest`). A line denied for authorization (CO-197) while one covers its date is answered
 * by sending the payer that authorization (reprocessing, else a reconsideration), not by a new or a
 * retro-authorization request (domain.md §6.1, authorization family: retro-authorization only without
 * one; the remittance analysis's REMIT-007 next action with an authorization on file: send it to the payer
 * for reprocessing, appeal if refused).
 */
export function authorizationCovering(course: Course, dateOfService: string | null | undefined) {
  if (!dateOfService) return undefined;
  const code = courseLevel(course, dateOfService).code;
  return course.authorizations.find(
    (a) =>
      covers(a, dateOfService) &&
      listsCode(a, code) &&
      fractionsUsed(course, a, dateOfService) < a.fractionsAuthorized,
  );
}

/**
 * The granted authorization valid on a date of service that lists the date's delivery code, fractions
 * left or not, with the fractions delivered in its validity through that date, the date's own included:
 * the count AUTH-003 holds against the authorization's `fractionsAuthorized`.
 */
export function authorizationCount(
  course: Course,
  dateOfService: string,
): { authorization: Authorization; delivered: number } | undefined {
  const code = courseLevel(course, dateOfService).code;
  const authorization = course.authorizations.find((a) => covers(a, dateOfService) && listsCode(a, code));
  if (!authorization) return undefined;
  const through = course.fractions.filter((f) => covers(authorization, f.date) && f.date <= dateOfService);
  return { authorization, delivered: new Set(through.map((f) => f.number)).size };
}

/**
 * The fractions an authorization has been used for before a date (every delivered one without a date):
 * the course's distinct fractions delivered in its validity (`covers`). One count for a date and for
 * the course's fractions to come.
 */
function fractionsUsed(course: Course, a: Authorization, before?: string): number {
  const used = course.fractions.filter((f) => covers(a, f.date) && (before === undefined || f.date < before));
  return new Set(used.map((f) => f.number)).size;
}

/** It lists the delivery code, modifier stripped, or no codes at all (an authorization of the course). */
function listsCode(a: Authorization, code: string | null): boolean {
  return a.codes.length === 0 || a.codes.some((c) => c.split('-')[0] === code);
}

/** A granted authorization valid on the date (a 2025 one does not cover the 2026 codes). */
function covers(a: Authorization, date: string): boolean {
  return (
    !NOT_GRANTED.includes(a.status) &&
    a.validFrom <= date &&
    date <= a.validTo &&
    // A 2025 authorization does not cover the 2026 codes (domain.md §4: payers deny 2026 claims that
    // rode on it); such a line has its own appeal (appeal-authorization-2025).
    !(date >= CODES_2026 && a.obtainedOn < CODES_2026)
  );
}

/** An authorization on file covering the fractions still to be delivered, and their scheduled dates. */
export interface CourseRest {
  authorization: Authorization;
  fractions: number;
  firstDate: string;
  lastDate: string;
}

/**
 * The authorization on file that covers every fraction of the course still to be delivered, or null:
 * each one's scheduled date lies in its validity (`covers`), it lists the course's delivery code
 * (`listsCode`), and the fractions it authorizes, less those delivered in its validity, are at least the rest.
 * Without a scheduled date for each fraction to come, nothing can be said to cover them (null).
 */
export function authorizationCoveringRest(course: Course): CourseRest | null {
  const delivered = new Set(course.fractions.map((f) => f.number)).size;
  const rest = course.plan.fractionsPlanned - delivered;
  const dates = course.schedule.map((s) => s.date).sort();
  if (rest <= 0 || dates.length < rest) return null;
  const code = courseLevel(course, null).code;
  const authorization = course.authorizations.find(
    (a) =>
      dates.every((d) => covers(a, d)) &&
      listsCode(a, code) &&
      a.fractionsAuthorized - fractionsUsed(course, a) >= rest,
  );
  return authorization
    ? { authorization, fractions: rest, firstDate: dates[0]!, lastDate: dates[dates.length - 1]! }
    : null;
}

/** The first day of the 2026 delivery codes. */
const CODES_2026 = '2026-01-01';

/** "PPO-26-000123 (valid 2026-03-01 to 2026-06-30, codes 77407, 77387-26; 28 fractions)". */
export function authorizationLabel(a: Authorization, obtained = false): string {
  const when = `${obtained ? `obtained ${a.obtainedOn}, ` : ''}valid ${a.validFrom} to ${a.validTo}`;
  const codes = a.codes.length ? `, codes ${a.codes.join(', ')}` : '';
  return `${a.number} (${when}${codes}; ${a.fractionsAuthorized} fraction${a.fractionsAuthorized === 1 ? '' : 's'})`;
}
