import type { Db } from '../database.js';

/**
 * Failed logins, keyed by a hash of email + client (the rate limit lives in the database so that every
 * app instance sees the same count).
 */
export async function countAttemptsSince(db: Db, key: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('key', '=', key)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function recordAttempt(db: Db, key: string, at: Date): Promise<void> {
  await db.insertInto('login_attempts').values({ key, at }).execute();
}

export async function clearAttempts(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}

/** Attempts older than the rate-limit window count for nothing: drop them. */
export async function deleteAttemptsBefore(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('login_attempts').where('at', '<', before).execute();
}
