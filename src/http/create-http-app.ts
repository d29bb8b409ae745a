import { Hono } from 'hono';
import type { AppContext } from '../app/app-context.js';
import { ApiError, errorResponse } from './api-errors.js';
import type { HttpEnv } from './http-env.js';
import { mountRoutes } from './mount-routes.js';
import { requestLog } from './request-log.js';
import { routeTable } from './route-table.js';
import { sessionMiddleware } from './session-cookie.js';
import { serveWebUi } from './static-files.js';

export interface HttpAppOptions {
  /** The built web UI (dist/web), served at / with SPA fallback; absent, the API only. */
  webRoot?: string;
  /** Never mark the session cookie Secure (SGRT_INSECURE_COOKIES=1). */
  insecureCookies?: boolean;
}

/** The HTTP API and web UI as a Hono app (no listen: `serve` and the tests drive it). */
export function createHttpApp(ctx: AppContext, options: HttpAppOptions = {}): Hono<HttpEnv> {
  const app = new Hono<HttpEnv>();
  app.use('*', requestLog(ctx.log));
  // Only the API looks at the session: static files are served without a database lookup.
  app.use('/api/*', sessionMiddleware(ctx));
  mountRoutes(app, routeTable(ctx, { insecure: options.insecureCookies === true }));
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
