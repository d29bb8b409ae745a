import { z } from 'zod';
import { login } from '../../app/auth/login.js';
import { logout } from '../../app/auth/sessions.js';
import { ROLES } from '../../app/views.js';
import { ApiError } from '../api-errors.js';
import { type ApiRoute, publicRoute, route } from '../api-route.js';
import { clearSessionCookie, type CookieSettings, setSessionCookie } from '../session-cookie.js';
import type { AppContext } from '../../app/app-context.js';
import { clientAddress } from '../client-address.js';

const loginBody = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1000) });

export function authRoutes(
  ctx: AppContext,
  cookies: CookieSettings,
  trustedProxies: ReadonlySet<string>,
): ApiRoute[] {
  return [
    publicRoute<undefined, undefined, z.infer<typeof loginBody>>({
      method: 'post',
      path: '/api/auth/login',
      tag: 'auth',
      summary: 'Log in: sets the session cookie and returns the session with its CSRF token',
      roles: 'public',
      body: loginBody,
      responses: [
        { status: 200, description: 'SessionView' },
        { status: 401, description: 'email or password is incorrect' },
        { status: 429, description: 'too many failed logins' },
      ],
      handle: async ({ c, body }) => {
        const { token, session } = await login(ctx, { ...body, clientKey: clientAddress(c, trustedProxies) });
        setSessionCookie(c, token, cookies);
        return c.json(session);
      },
    }),
    route({
      method: 'post',
      path: '/api/auth/logout',
      tag: 'auth',
      summary: 'Log out: ends the session and clears the cookie',
      roles: ROLES,
      responses: [{ status: 204, description: 'logged out' }],
      handle: async ({ c }) => {
        const token = c.get('token');
        if (token) await logout(ctx, token);
        clearSessionCookie(c, cookies);
        return c.body(null, 204);
      },
    }),
    publicRoute({
      method: 'get',
      path: '/api/session',
      tag: 'auth',
      summary: 'Who is logged in: the session (user and CSRF token), or {user: null}, never 401',
      roles: 'public',
      responses: [{ status: 200, description: 'SessionView, or {user: null} without a session' }],
      // The UI asks this on its first load: "nobody" is an answer, not an error in the browser console.
      handle: ({ c }) => c.json(c.get('session') ?? { user: null }),
    }),
    route({
      method: 'get',
      path: '/api/auth/me',
      tag: 'auth',
      summary: 'The current session (user and CSRF token)',
      roles: ROLES,
      responses: [{ status: 200, description: 'SessionView' }],
      handle: ({ c }) => {
        const session = c.get('session');
        if (!session) throw new ApiError('unauthenticated', 'log in first');
        return c.json(session);
      },
    }),
  ];
}
