import type { MiddlewareHandler } from 'hono';
import type { AppLogger } from '../app/app-context.js';
import type { HttpEnv } from './http-env.js';

/**
 * One log line per request: method, route pattern (never the URL: its path ids and query could carry
 * PHI), status, duration and user id.
 */
export function requestLog(log: AppLogger): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const started = performance.now();
    c.set('routePattern', null);
    await next();
    log.info(
      {
        method: c.req.method,
        route: c.get('routePattern') ?? (c.req.path.startsWith('/api/') ? 'unmatched' : 'static'),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        userId: c.get('actor')?.userId ?? null,
      },
      'request',
    );
  };
}
