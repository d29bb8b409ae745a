import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe: session cookie tokens and CSRF tokens. */
export const newToken = () => randomBytes(32).toString('base64url');

/** Sessions are stored under the SHA-256 of the token, so a leaked table grants no logins. */
export const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

/** Constant-time comparison of two tokens. */
export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
