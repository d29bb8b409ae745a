import type { Authorization, Course } from '../model/course.js';

/** Statuses of an authorization that authorize nothing. */
const NOT_GRANTED: readonly Authorization['status'][] = ['denied', 'cancelled', 'pending'];

/**
 * The authorization on file (the practice's authorization export) whose validity covers a date of
 * service, or undefined. A line denied for authorization (CO-197) while one covers its date is answered
 * by sending the payer that authorization (reprocessing, else a reconsideration), not by a new or a
 * retro-authorization request (domain.md §6.1, authorization family: retro-authorization only without
 * one; the remittance analysis's REMIT-007 next action with an authorization on file: send it to the payer
 * for reprocessing, appeal if refused).
 */
export function authorizationCovering(course: Course, dateOfService: string | null | undefined) {
  if (!dateOfService) return undefined;
  return course.authorizations.find(
    (a) =>
      !NOT_GRANTED.includes(a.status) &&
      a.validFrom <= dateOfService &&
      dateOfService <= a.validTo &&
      // A 2025 authorization does not cover the 2026 codes (domain.md §4: payers deny 2026 claims that
      // rode on it); such a line has its own appeal (appeal-authorization-2025).
      !(dateOfService >= CODES_2026 && a.obtainedOn < CODES_2026),
  );
}

/** The first day of the 2026 delivery codes. */
const CODES_2026 = '2026-01-01';

/** "PPO-26-000123 (valid 2026-03-01 to 2026-06-30, codes 77407, 77387-26; 28 fractions)". */
export function authorizationLabel(a: Authorization, obtained = false): string {
  const when = `${obtained ? `obtained ${a.obtainedOn}, ` : ''}valid ${a.validFrom} to ${a.validTo}`;
  const codes = a.codes.length ? `, codes ${a.codes.join(', ')}` : '';
  return `${a.number} (${when}${codes}; ${a.fractionsAuthorized} fraction${a.fractionsAuthorized === 1 ? '' : 's'})`;
}
