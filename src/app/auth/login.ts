import { createHash } from 'node:crypto';
import {
  clearAttempts,
  deleteAttemptsBefore,
  releaseAttempt,
  reserveAttempt,
} from '../../storage/auth/login-attempts-repository.js';
import { deleteExpiredSessions, insertSession } from '../../storage/auth/sessions-repository.js';
import { findUserByEmail } from '../../storage/auth/users-repository.js';
import type { AppContext } from '../app-context.js';
import { AppError } from '../app-errors.js';
import type { SessionView } from '../views.js';
import { dummyPasswordHash, verifyPassword } from './password-hash.js';
import { newToken, tokenId } from './session-tokens.js';
import { SESSION_IDLE_MS } from './sessions.js';
import { normalizeEmail, userView } from './user-view.js';

/**
 * Failed logins allowed per email + client in the window (OWASP Authentication Cheat Sheet, "Login
 * Throttling"); the next attempt is refused with 429 until old failures leave the window. Keyed by the
 * client too, so an attacker elsewhere cannot lock a user out.
 */
export const LOGIN_MAX_FAILURES = 5;
/**
 * Failed logins allowed per client across every email in the window: one address cannot try many
 * accounts (password spraying, OWASP Credential Stuffing Prevention Cheat Sheet). Higher than the
 * per-email limit: many users may share an address (a clinic's NAT; a proxy not configured as trusted).
 */
export const LOGIN_MAX_CLIENT_FAILURES = 20;
export const LOGIN_WINDOW_MS = 15 * 60_000;

const hashKey = (text: string) => createHash('sha256').update(text).digest('hex');

/** One message for an unknown email, a wrong password and a disabled user: no user enumeration. */
const FAILED = 'email or password is incorrect';

export interface LoginInput {
  email: string;
  password: string;
  /** Who is asking (the client address): failures are counted per email + client, and per client. */
  clientKey: string;
}

export async function login(
  ctx: AppContext,
  input: LoginInput,
): Promise<{ token: string; session: SessionView }> {
  const email = normalizeEmail(input.email);
  const key = hashKey(`${email}\n${input.clientKey}`);
  const clientKey = hashKey(`client\n${input.clientKey}`);
  const now = ctx.now();
  const windowStart = new Date(now - LOGIN_WINDOW_MS);
  // Every attempt is counted before the password is checked (and cleared when it succeeds), so
  // concurrent guesses cannot get past either limit while earlier ones are being verified.
  const reserved = await reserveAttempt(
    ctx.db,
    [
      { key, max: LOGIN_MAX_FAILURES },
      { key: clientKey, max: LOGIN_MAX_CLIENT_FAILURES },
    ],
    windowStart,
    new Date(now),
  );
  if (!reserved) throw new AppError('rate_limited', 'too many failed logins; try again later');
  const user = await findUserByEmail(ctx.db, email);
  // Verify against a dummy hash when there is no such user: the same argon2 work either way.
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !valid || user.disabled) {
    ctx.log.warn({ userId: user?.id ?? null }, 'login failed');
    throw new AppError('unauthenticated', FAILED);
  }
  await clearAttempts(ctx.db, key);
  // Only this attempt leaves the client's count: its other failures (other emails) still count.
  await releaseAttempt(ctx.db, reserved.get(clientKey)!);
  await deleteAttemptsBefore(ctx.db, windowStart);
  await deleteExpiredSessions(ctx.db, new Date(now));
  const token = newToken();
  const csrfToken = newToken();
  await insertSession(ctx.db, {
    id: tokenId(token),
    userId: user.id,
    csrfToken,
    createdAt: new Date(now),
    expiresAt: new Date(now + SESSION_IDLE_MS),
  });
  ctx.log.info({ userId: user.id, practiceId: user.practiceId }, 'login');
  return {
    token,
    session: { user: userView(user), csrfToken, serverTime: new Date(ctx.now()).toISOString() },
  };
}
