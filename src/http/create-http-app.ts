import { Hono } from 'hono';
import type { AppContext } from '../app/app-context.js';
import { ApiError, errorResponse } from './api-errors.js';
import { plainAddress } from './client-address.js';
import type { HttpEnv } from './http-env.js';
import { mountRoutes } from './mount-routes.js';
import { requestLog } from './request-log.js';
import { routeTable } from './route-table.js';
import { type ListenAddress, originCheck } from './same-origin.js';
import { securityHeaders } from './security-headers.js';
import { sessionMiddleware } from './session-cookie.js';
import { serveWebUi } from './static-files.js';

export interface HttpAppOptions {
  /** The built web UI (dist/web), served at / with SPA fallback; absent, the API only. */
  webRoot?: string;
  /**
   * The origin browsers use to reach this server (`serve --public-url`): state-changing requests must
   * come from it. Absent, an Origin header must name the listening address (`listen`).
   */
  publicOrigin?: string;
  /** Where the server listens: without `publicOrigin`, the only origin it accepts (same-origin.ts). */
  listen?: ListenAddress;
  /**
   * Addresses of reverse proxies the operator trusts (`serve --trust-proxy`): from them, the client's
   * address is taken from X-Forwarded-For (client-address.ts). Default none.
   */
  trustedProxies?: readonly string[];
  /** Mark the session cookie Secure (the server is reached over https). Default false. */
  secureCookies?: boolean;
}

/** The HTTP API and web UI as a Hono app (no listen: `serve` and the tests drive it). */
export function createHttpApp(ctx: AppContext, options: HttpAppOptions = {}): Hono<HttpEnv> {
  const app = new Hono<HttpEnv>();
  app.use('*', requestLog(ctx.log));
  app.use('*', securityHeaders());
  // Only the API looks at the session: static files are served without a database lookup.
  app.use('/api/*', sessionMiddleware(ctx));
  mountRoutes(
    app,
    routeTable(
      ctx,
      { secure: options.secureCookies === true },
      new Set((options.trustedProxies ?? []).map(plainAddress)),
    ),
    originCheck(options.publicOrigin, options.listen),
  );
  if (options.webRoot) serveWebUi(app, options.webRoot);

  app.notFound((c) => {
    const { status, body } = errorResponse(new ApiError('not_found', 'no such route'));
    return c.json(body, status);
  });
  app.onError((error, c) => {
    const { status, body } = errorResponse(error);
    if (status >= 500) {
      // The error's name and where, never its message: it could quote patient data.
      ctx.log.error({ route: c.get('routePattern'), error: error.name }, 'request failed');
    }
    return c.json(body, status);
  });
  return app;
}
