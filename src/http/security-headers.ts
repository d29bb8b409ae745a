import type { MiddlewareHandler } from 'hono';
import type { HttpEnv } from './http-env.js';

/**
 * The page may load scripts, styles and data from this server only (the built UI has no inline script
 * or style element), and no other site may frame it (OWASP HTTP Headers Cheat Sheet; CSP Level 3
 * `frame-ancestors`).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Headers on every reply: the CSP, no MIME sniffing, no referrer to other sites, no framing (for browsers
 * without frame-ancestors); API replies (data, exports, letters, claim files: patient data) are never
 * stored by a browser or proxy cache (`Cache-Control: no-store`, RFC 9111 §5.2.2.5).
 */
export function securityHeaders(): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('X-Frame-Options', 'DENY');
    if (c.req.path.startsWith('/api/')) h.set('Cache-Control', 'no-store');
  };
}
