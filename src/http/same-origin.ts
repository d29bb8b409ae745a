import type { Context } from 'hono';
import { ApiError } from './api-errors.js';
import type { ApiRoute } from './api-route.js';
import type { HttpEnv } from './http-env.js';

/**
 * Refuses a state-changing request a browser sent from another site, the session-less ones (login)
 * included: Fetch Metadata first (`Sec-Fetch-Site` other than same-origin/none), then the `Origin`
 * header against this server's origin (OWASP CSRF Prevention Cheat Sheet, "Fetch Metadata headers" and
 * "Verifying Origin With Standard Headers"). Clients that send neither (the CLI, curl, integrations)
 * are not browsers and cannot carry a victim's cookie. `publicOrigin` is the configured public URL's
 * origin; without it the Origin's host must be the request's Host (behind a TLS proxy the scheme seen
 * here is not the browser's).
 */
export function refuseCrossSite(c: Context<HttpEnv>, publicOrigin: string | undefined): void {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new ApiError('csrf', 'cross-site requests may not change anything');
  }
  const origin = c.req.header('origin');
  if (origin === undefined) return;
  const sent = URL.canParse(origin) ? new URL(origin) : null;
  const same = sent
    ? publicOrigin
      ? sent.origin === publicOrigin
      : sent.host === (c.req.header('host') ?? new URL(c.req.url).host)
    : false;
  if (!same) throw new ApiError('csrf', 'cross-site requests may not change anything');
}

/**
 * A JSON route takes only `application/json`, an upload only `multipart/form-data`: a cross-site HTML
 * form can send neither without a CORS preflight (Fetch Standard, "CORS-safelisted request-header"),
 * so a text/plain "JSON" body is refused before it is read.
 */
export function requireBodyType(c: Context<HttpEnv>, route: ApiRoute): void {
  if (!route.body) return;
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const wanted = route.body === 'multipart' ? 'multipart/form-data' : 'application/json';
  if (type !== wanted) throw new ApiError('unsupported_media_type', `send the body as ${wanted}`);
}
