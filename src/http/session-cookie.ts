import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppContext } from '../app/app-context.js';
import { sessionFromToken } from '../app/auth/sessions.js';
import type { HttpEnv } from './http-env.js';

export const SESSION_COOKIE = 'sgrt_session';

export interface CookieSettings {
  /**
   * Mark the cookie `Secure`: decided by the server's configuration (`serve --public-url https://…`,
   * or listening beyond this machine), never by the request's Host header, which a client chooses.
   */
  secure: boolean;
}

/* HttpOnly keeps the cookie from scripts; SameSite=Strict keeps it off cross-site requests; Secure keeps
 * it off plain http (OWASP Session Management Cheat Sheet, "Cookies"). */

export function setSessionCookie(c: Context, token: string, settings: CookieSettings): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: settings.secure,
  });
}

export function clearSessionCookie(c: Context, settings: CookieSettings): void {
  deleteCookie(c, SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: settings.secure,
  });
}

/** Resolves the session cookie to the actor (null when absent, unknown or expired). */
export function sessionMiddleware(ctx: AppContext): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE) ?? null;
    const active = token ? await sessionFromToken(ctx, token) : null;
    c.set('actor', active?.actor ?? null);
    c.set('session', active?.session ?? null);
    c.set('token', active ? token : null);
    await next();
  };
}
