import { randomUUID } from 'node:crypto';
import { findUserByEmail, findUserById, insertUser } from '../../storage/auth/users-repository.js';
import type { AppContext } from '../app-context.js';
import { AppError, conflict } from '../app-errors.js';
import type { Role, UserView } from '../views.js';
import { hashPassword } from './password-hash.js';
import { normalizeEmail, userView } from './user-view.js';

export interface NewUser {
  practiceId: string;
  email: string;
  password: string;
  displayName: string;
  role: Role;
  /** The chart physician id a physician login signs as. */
  physicianId?: string | null;
}

/** OWASP ASVS 2.1.1: at least 12 characters. */
export const MIN_PASSWORD_LENGTH = 12;

/** Creates a login in a practice (setup, demo, tests). The password is stored as an argon2id hash only. */
export async function createUser(ctx: AppContext, user: NewUser): Promise<UserView> {
  if (user.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('invalid_input', `the password must have at least ${MIN_PASSWORD_LENGTH} characters`, [
      { location: 'password', message: `at least ${MIN_PASSWORD_LENGTH} characters` },
    ]);
  }
  const email = normalizeEmail(user.email);
  if (await findUserByEmail(ctx.db, email)) throw conflict('a user with this email exists');
  const id = randomUUID();
  await insertUser(ctx.db, {
    id,
    practiceId: user.practiceId,
    email,
    displayName: user.displayName,
    role: user.role,
    passwordHash: await hashPassword(user.password),
    physicianId: user.role === 'physician' ? (user.physicianId ?? null) : null,
  });
  const created = await findUserById(ctx.db, id);
  if (!created) throw new Error('user vanished after insert');
  ctx.log.info({ userId: id, practiceId: user.practiceId, role: user.role }, 'user created');
  return userView(created);
}
