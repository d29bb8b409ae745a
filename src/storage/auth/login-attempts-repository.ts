import { sql } from 'kysely';
import type { Db } from '../database.js';

/**
 * Failed logins, keyed by a hash of email + client (the rate limit lives in the database so that every
 * app instance sees the same count).
 */

/**
 * Counts the attempts in the window and, when fewer than `max`, records this one, as one step: a
 * transaction-scoped advisory lock on the key (PostgreSQL "Advisory Locks") serialises concurrent
 * logins of one key, so parallel guesses cannot all read the same count before any is recorded.
 * Returns false (nothing recorded) when the limit is reached. A login that then succeeds clears them.
 */
export async function reserveAttempt(
  db: Db,
  key: string,
  since: Date,
  at: Date,
  max: number,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
    const row = await trx
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('key', '=', key)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow();
    if (Number(row.n) >= max) return false;
    await trx.insertInto('login_attempts').values({ key, at }).execute();
    return true;
  });
}

export async function clearAttempts(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}

/** Attempts older than the rate-limit window count for nothing: drop them. */
export async function deleteAttemptsBefore(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('login_attempts').where('at', '<', before).execute();
}
