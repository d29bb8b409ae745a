import type { Db } from '../database.js';

/** A user row with its practice's name (what a session view needs). */
export interface UserRecord {
  id: string;
  practiceId: string;
  practiceName: string;
  /** The practice's clinic.json settings (facility zone, …). */
  practiceClinic: unknown;
  email: string;
  displayName: string;
  role: string;
  passwordHash: string;
  physicianId: string | null;
  disabled: boolean;
}

export interface NewUserRow {
  id: string;
  practiceId: string;
  email: string;
  displayName: string;
  role: string;
  passwordHash: string;
  physicianId: string | null;
}

export async function insertUser(db: Db, user: NewUserRow): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      practice_id: user.practiceId,
      email: user.email,
      display_name: user.displayName,
      role: user.role,
      password_hash: user.passwordHash,
      physician_id: user.physicianId,
    })
    .execute();
}

function selectUsers(db: Db) {
  return db
    .selectFrom('users')
    .innerJoin('practices', 'practices.id', 'users.practice_id')
    .select([
      'users.id as id',
      'users.practice_id as practiceId',
      'practices.name as practiceName',
      'practices.clinic as practiceClinic',
      'users.email as email',
      'users.display_name as displayName',
      'users.role as role',
      'users.password_hash as passwordHash',
      'users.physician_id as physicianId',
      'users.disabled as disabled',
    ]);
}

/** Emails are stored lower-cased (see createUser), so the lookup is exact. */
export async function findUserByEmail(db: Db, email: string): Promise<UserRecord | null> {
  return (await selectUsers(db).where('users.email', '=', email).executeTakeFirst()) ?? null;
}

export async function findUserById(db: Db, id: string): Promise<UserRecord | null> {
  return (await selectUsers(db).where('users.id', '=', id).executeTakeFirst()) ?? null;
}
