import type { Authorization } from '../model/course.js';

/**
 * The prior authorization number a claim for this date of service carries (837 REF*G1, domain.md §6):
 * an approved authorization (or one without a status) whose valid dates cover the date; when several
 * do, the one obtained last (a 2026 authorization over a 2025 one that carried forward, domain.md §4).
 * Null when none covers it (AUTH-004 has already warned).
 */
export function coveringAuthorization(
  authorizations: readonly Authorization[],
  dateOfService: string,
): Authorization | null {
  let best: Authorization | null = null;
  for (const a of authorizations) {
    if (a.status !== undefined && a.status !== 'approved') continue;
    if (a.validFrom > dateOfService || dateOfService > a.validTo) continue;
    if (best === null || a.obtainedOn > best.obtainedOn) best = a;
  }
  return best;
}
