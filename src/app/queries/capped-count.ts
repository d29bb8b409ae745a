import type { SelectQueryBuilder } from 'kysely';
import type { Db } from '../../storage/database.js';
import type { Page } from '../views.js';

/**
 * Rows counted for a list's total. An exact count of a large worklist reads every matching row on every
 * request (174–408 ms at a million fractions, bench/README.md); counting stops past this many rows (or
 * past the end of the page asked for) and the total is shown as a lower bound, "1,000+".
 */
export const COUNT_CAP = 1000;

/** Where counting stops for a page starting at `offset`. */
export function countCap(offset: number, limit: number, cap = COUNT_CAP): number {
  return Math.max(cap, offset + limit);
}

/** The number of rows `rows` gives, counting no further than `cap` + 1 (one more says "there are more"). */
export async function countUpTo(
  db: Db,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any selection of any tables
  rows: SelectQueryBuilder<any, any, any>,
  cap: number,
): Promise<number> {
  const r = await db
    .selectFrom(rows.limit(cap + 1).as('counted'))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A page whose total is `counted`, or `cap` marked as a lower bound when counting went past it. */
export function cappedPage<T>(items: T[], counted: number, cap: number): Page<T> {
  return counted > cap ? { items, total: cap, capped: true } : { items, total: counted };
}
