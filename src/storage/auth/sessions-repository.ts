import type { Db } from '../database.js';

/** A login session. `id` is the SHA-256 of the cookie token: the token itself is never stored. */
export interface SessionRecord {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
}

export async function insertSession(db: Db, session: SessionRecord): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

export async function findSession(db: Db, id: string): Promise<SessionRecord | null> {
  const row = await db
    .selectFrom('sessions')
    .select([
      'id',
      'user_id as userId',
      'csrf_token as csrfToken',
      'created_at as createdAt',
      'expires_at as expiresAt',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

export async function extendSession(db: Db, id: string, expiresAt: Date): Promise<void> {
  await db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Sessions that expired before `before`, of every user (housekeeping at login). */
export async function deleteExpiredSessions(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', before).execute();
}
