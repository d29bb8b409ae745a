import type { Context } from 'hono';

/**
 * The client's socket address (the rate-limit key with the email). Behind a reverse proxy every client
 * shares the proxy's address, which makes the limit stricter, never looser.
 */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
