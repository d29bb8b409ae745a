import { sql } from 'kysely';
import type { MoneyTotal } from '../views.js';

/** Over charges aliased `ch`: the sum of the expected amounts that are known (a null rate adds nothing). */
export const KNOWN_CENTS = sql<string>`coalesce(sum(ch.expected_cents), 0)`;
/** Over charges aliased `ch`: the lines whose rate is unknown (expected_cents null). */
export const LINES_WITHOUT_RATE = sql<string>`count(*) filter (where ch.expected_cents is null)`;

/** The total of the two aggregates above (bigint and count come back as text). */
export function moneyTotal(known: string | number | null, withoutRate: string | number | null): MoneyTotal {
  const knownCents = Number(known ?? 0);
  const linesWithoutRate = Number(withoutRate ?? 0);
  return { cents: linesWithoutRate ? null : knownCents, knownCents, linesWithoutRate };
}
