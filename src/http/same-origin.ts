import type { Context } from 'hono';
import { ApiError } from './api-errors.js';
import type { ApiRoute } from './api-route.js';
import type { HttpEnv } from './http-env.js';

/** Where this server listens (`serve --host`, and the port once it listens: `--port 0` picks one). */
export interface ListenAddress {
  host: string;
  port: () => number;
}

/** Whether an Origin header names this server. */
export type OriginCheck = (origin: URL) => boolean;

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];
/** A listener on every interface answers on loopback too. */
const LOOPBACK_OR_ANY = new Set([...LOOPBACK_NAMES, '0.0.0.0', '::']);

/** A host name as compared: lower case, an IPv6 address without its brackets. */
const bareHost = (host: string) => host.toLowerCase().replace(/^\[(.*)\]$/, '$1');

/**
 * This server's origin, from configuration only, never from the request's Host header (which a DNS
 * rebinding page controls, along with its Origin): the configured public URL's origin (`--public-url`);
 * without one, plain http on the listening port to the listening host, or to a loopback name when the
 * server listens on loopback (or every interface). Neither configured: no Origin is this server's.
 */
export function originCheck(
  publicOrigin: string | undefined,
  listen: ListenAddress | undefined,
): OriginCheck {
  if (publicOrigin) return (origin) => origin.origin === publicOrigin;
  if (!listen) return () => false;
  const host = bareHost(listen.host);
  const names = new Set(LOOPBACK_OR_ANY.has(host) ? [host, ...LOOPBACK_NAMES] : [host]);
  return (origin) =>
    origin.protocol === 'http:' &&
    names.has(bareHost(origin.hostname)) &&
    Number(origin.port || '80') === listen.port();
}

/**
 * Refuses a state-changing request a browser sent from another site, the session-less ones (login)
 * included: Fetch Metadata first (`Sec-Fetch-Site` other than same-origin/none), then the `Origin`
 * header against this server's origin (OWASP CSRF Prevention Cheat Sheet, "Fetch Metadata headers" and
 * "Verifying Origin With Standard Headers"). Clients that send neither (the CLI, curl, integrations)
 * are not browsers and cannot carry a victim's cookie.
 */
export function refuseCrossSite(c: Context<HttpEnv>, isThisServer: OriginCheck): void {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new ApiError('csrf', 'cross-site requests may not change anything');
  }
  const origin = c.req.header('origin');
  if (origin === undefined) return;
  if (!URL.canParse(origin) || !isThisServer(new URL(origin))) {
    throw new ApiError('csrf', 'cross-site requests may not change anything');
  }
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
