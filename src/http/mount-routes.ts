import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './api-errors.js';
import { type ApiRoute, changesState } from './api-route.js';
import type { HttpEnv } from './http-env.js';
import { authorize, DEFAULT_MAX_BODY, parseInput, readBody } from './route-guards.js';
import { type OriginCheck, refuseCrossSite, requireBodyType } from './same-origin.js';

/**
 * Registers each route of the table behind its guards: same origin and body type on state-changing
 * requests, roles, CSRF token, body size, zod validation. `isThisServer`: whether an Origin is this server's.
 */
export function mountRoutes(
  app: Hono<HttpEnv>,
  routes: readonly ApiRoute[],
  isThisServer: OriginCheck,
): void {
  for (const r of routes) {
    app.on(
      r.method.toUpperCase(),
      r.path,
      async (c, next) => {
        c.set('routePattern', r.path);
        if (changesState(r)) {
          refuseCrossSite(c, isThisServer);
          requireBodyType(c, r);
        }
        authorize(c, r);
        await next();
      },
      r.body === 'multipart'
        ? // A multipart body is parsed as it arrives (readBody counts its bytes); bodyLimit would buffer it.
          async (c, next) => {
            const max = r.maxBodyBytes ?? DEFAULT_MAX_BODY;
            if (Number(c.req.header('content-length') ?? 0) > max)
              throw new ApiError('too_large', `the request is too large: at most ${max} bytes`);
            await next();
          }
        : bodyLimit({
            maxSize: r.maxBodyBytes ?? DEFAULT_MAX_BODY,
            onError: () => {
              throw new ApiError('too_large', 'the request is too large');
            },
          }),
      async (c) => {
        const actor = c.get('actor');
        const params = parseInput(r.params, c.req.param(), 'params');
        const query = parseInput(r.query, c.req.query(), 'query');
        const body = await readBody(c, r);
        return r.handle({ c, actor, params, query, body });
      },
    );
  }
}
