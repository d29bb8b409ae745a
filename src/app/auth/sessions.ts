import { deleteSession, extendSession, findSession } from '../../storage/auth/sessions-repository.js';
import { findUserById } from '../../storage/auth/users-repository.js';
import type { Actor, AppContext } from '../app-context.js';
import type { SessionView } from '../views.js';
import { tokenId } from './session-tokens.js';
import { actorOf, userView } from './user-view.js';

const HOUR = 3_600_000;
/**
 * Idle timeout 8 h, extended while in use (sliding), and an absolute lifetime of 24 h (OWASP Session
 * Management Cheat Sheet, "Session Expiration": idle and absolute timeouts).
 */
export const SESSION_IDLE_MS = 8 * HOUR;
export const SESSION_ABSOLUTE_MS = 24 * HOUR;

export interface ActiveSession {
  actor: Actor;
  session: SessionView;
}

/** The session of a cookie token, or null when unknown, expired, or the user is disabled. */
export async function sessionFromToken(ctx: AppContext, token: string): Promise<ActiveSession | null> {
  if (token === '') return null;
  const id = tokenId(token);
  const session = await findSession(ctx.db, id);
  if (!session) return null;
  const now = ctx.now();
  if (session.expiresAt.getTime() <= now) {
    await deleteSession(ctx.db, id);
    return null;
  }
  const user = await findUserById(ctx.db, session.userId);
  if (!user || user.disabled) return null;
  const slid = Math.min(now + SESSION_IDLE_MS, session.createdAt.getTime() + SESSION_ABSOLUTE_MS);
  // Write only when the expiry moves by more than a minute: one write per request would be waste.
  if (slid - session.expiresAt.getTime() > 60_000) await extendSession(ctx.db, id, new Date(slid));
  return {
    actor: actorOf(user),
    session: {
      user: userView(user),
      csrfToken: session.csrfToken,
      serverTime: new Date(ctx.now()).toISOString(),
    },
  };
}

export async function logout(ctx: AppContext, token: string): Promise<void> {
  await deleteSession(ctx.db, tokenId(token));
}
