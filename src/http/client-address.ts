import type { Context } from 'hono';

/**
 * The client's address (a rate-limit key): the socket's peer, or, when that peer is a proxy the
 * operator trusts (`serve --trust-proxy`), the address that proxy appended to X-Forwarded-For. The
 * header is read from the right (each proxy appends the address it saw) and the first address not of a
 * trusted proxy is the client's; hops further left are the client's own say and are ignored. Untrusted
 * by default: a client cannot choose its own rate-limit key.
 */
export function clientAddress(c: Context, trustedProxies: ReadonlySet<string>): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const peer = env?.incoming?.socket?.remoteAddress;
  if (peer === undefined) return 'unknown';
  if (!trustedProxies.has(plainAddress(peer))) return plainAddress(peer);
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => plainAddress(hop.trim()))
    .filter((hop) => hop !== '');
  for (let i = hops.length - 1; i >= 0; i--) if (!trustedProxies.has(hops[i]!)) return hops[i]!;
  return plainAddress(peer);
}

/** An IPv4 address as Node reports it on a dual-stack socket (`::ffff:10.0.0.2`) is that IPv4 address. */
export function plainAddress(address: string): string {
  return address.toLowerCase().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
}
