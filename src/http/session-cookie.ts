import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppContext } from '../app/app-context.js';
import { sessionFromToken } from '../app/auth/sessions.js';
import type { HttpEnv } from './http-env.js';

export const SESSION_COOKIE = 'sgrt_session';

export interface CookieSettings {
  /** Leave off `Secure` everywhere (SGRT_INSECURE_COOKIES=1): a deployment behind plain http. */
  insecure: boolean;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `Secure` unless switched off, or the request is plain http to this machine (development): a browser
 * drops a Secure cookie set over http. HttpOnly keeps it from scripts; SameSite=Strict keeps it off
 * cross-site requests (OWASP Session Management Cheat Sheet, "Cookies").
 */
function secure(c: Context, settings: CookieSettings): boolean {
  if (settings.insecure) return false;
  const url = new URL(c.req.url);
  return !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
}

export function setSessionCookie(c: Context, token: string, settings: CookieSettings): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: secure(c, settings),
  });
}

export function clearSessionCookie(c: Context, settings: CookieSettings): void {
  deleteCookie(c, SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: secure(c, settings),
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
