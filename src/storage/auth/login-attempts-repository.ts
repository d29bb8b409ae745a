import { sql } from 'kysely';
import type { Db } from '../database.js';

/**
 * Failed logins, keyed by a hash of email + client (the rate limit lives in the database so that every
 * app instance sees the same count).
 */

/** A rate-limit counter: its key and how many attempts it allows in the window. */
export interface AttemptLimit {
  key: string;
  max: number;
}

/**
 * Counts the attempts in the window under each limit and, when every count is below its `max`, records
 * this attempt under each, as one step: transaction-scoped advisory locks on the keys (PostgreSQL
 * "Advisory Locks"), taken in one order so two logins never wait on each other crosswise, serialise
 * concurrent logins sharing a key, so parallel guesses cannot all read the same count before any is
 * recorded. Returns the ids of the recorded rows (by key), or null (nothing recorded) when a limit is
 * reached. A login that then succeeds clears or releases them.
 */
export async function reserveAttempt(
  db: Db,
  limits: readonly AttemptLimit[],
  since: Date,
  at: Date,
): Promise<Map<string, string> | null> {
  return db.transaction().execute(async (trx) => {
    const keys = limits.map((l) => l.key);
    await sql`select pg_advisory_xact_lock(h) from
      (select distinct hashtext(k) as h from unnest(${keys}::text[]) as k order by h) as locks`.execute(trx);
    const rows = await trx
      .selectFrom('login_attempts')
      .select(['key', (eb) => eb.fn.countAll<string>().as('n')])
      .where('key', 'in', keys)
      .where('at', '>=', since)
      .groupBy('key')
      .execute();
    const counts = new Map(rows.map((r) => [r.key, Number(r.n)]));
    if (limits.some((l) => (counts.get(l.key) ?? 0) >= l.max)) return null;
    const recorded = await trx
      .insertInto('login_attempts')
      .values(keys.map((key) => ({ key, at })))
      .returning(['id', 'key'])
      .execute();
    return new Map(recorded.map((r) => [r.key, String(r.id)]));
  });
}

/** An attempt that turned out not to be a failure: it no longer counts against its key. */
export async function releaseAttempt(db: Db, id: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('id', '=', id).execute();
}

export async function clearAttempts(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}

/** Attempts older than the rate-limit window count for nothing: drop them. */
export async function deleteAttemptsBefore(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('login_attempts').where('at', '<', before).execute();
}
