import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { type AddressInfo, isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { startWorker } from '../../app/jobs/worker.js';
import { createLogger } from '../../app/logger.js';
import { openApp } from '../../app/open-app.js';
import { createHttpApp } from '../../http/create-http-app.js';
import { UsageError } from '../cli-errors.js';

export interface ServeCommandOptions {
  port?: string;
  host?: string;
  demo?: boolean;
  dataDir?: string;
  publicUrl?: string;
  trustProxy?: string;
  uploadRetentionHours?: string;
}

/** dist/web of the package (three levels up from src/cli/commands and from dist/cli/commands alike). */
const WEB_ROOT = fileURLToPath(new URL('../../../dist/web/', import.meta.url));
const SHUTDOWN_GRACE_MS = 5_000;

function portOption(value: string | undefined): number {
  const port = Number(value ?? '8080');
  if (!/^\d+$/.test(value ?? '8080') || port > 65_535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535 (got "${value}")`);
  }
  return port;
}

/** `--upload-retention-hours`: whole hours, 0 or more; absent, the worker's default. */
function retentionOption(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value)) {
    throw new UsageError(`--upload-retention-hours must be a whole number of hours (got "${value}")`);
  }
  return Number(value) * 60 * 60 * 1000;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * `--trust-proxy 10.0.0.2,::1`: the reverse proxies whose X-Forwarded-For names the client (for the
 * login rate limit); each an IP address as the server sees the proxy connect. Absent: none trusted.
 */
export function trustedProxiesOption(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  const addresses = value.split(',').map((a) => a.trim());
  const bad = addresses.find((a) => isIP(a) === 0);
  if (bad !== undefined)
    throw new UsageError(`--trust-proxy takes the proxies' IP addresses, comma-separated (got "${bad}")`);
  return addresses;
}

/**
 * Where browsers reach the server, from configuration only: `--public-url` (or SGRT_PUBLIC_URL) gives
 * the origin the same-origin checks expect and makes the cookie Secure when it is https. Without it the
 * cookie is Secure unless the server listens on this machine only (a laptop over plain http).
 */
export function publicAccess(
  publicUrl: string | undefined,
  host: string,
): { publicOrigin?: string; secureCookies: boolean } {
  if (publicUrl === undefined || publicUrl === '') return { secureCookies: !LOOPBACK.has(host) };
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    throw new UsageError(
      `--public-url must be a URL such as https://billing.example.org (got "${publicUrl}")`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`--public-url must start with https:// or http:// (got "${publicUrl}")`);
  }
  return { publicOrigin: url.origin, secureCookies: url.protocol === 'https:' };
}

/**
 * `sgrt-billing serve [--port 8080] [--host 127.0.0.1] [--demo] [--data-dir .data/db] [--public-url URL]
 * [--trust-proxy ADDRESSES] [--upload-retention-hours 24]`:
 * the HTTP API and the web UI, with a job worker in the same process. DATABASE_URL selects PostgreSQL, else PGlite under
 * --data-dir. Stops cleanly on SIGINT/SIGTERM: no new requests, the worker finishes, the database closes.
 */
export async function runServe(opts: ServeCommandOptions): Promise<number> {
  const port = portOption(opts.port);
  const host = opts.host ?? '127.0.0.1';
  const access = publicAccess(opts.publicUrl ?? process.env.SGRT_PUBLIC_URL, host);
  const trustedProxies = trustedProxiesOption(opts.trustProxy ?? process.env.SGRT_TRUST_PROXY);
  const log = createLogger({ level: process.env.SGRT_LOG_LEVEL === 'debug' ? 'debug' : 'info' });
  // Loaded lazily: the clinic generator (DICOM, PDF writers) is needed for --demo only.
  const demo = opts.demo ? await import('../../app/setup/demo-practice.js') : null;
  const hospital = opts.demo ? await import('../../app/setup/demo-hospital.js') : null;
  const clock = demo?.demoClock();
  const uploadRetentionMs = retentionOption(
    opts.uploadRetentionHours ?? process.env.SGRT_UPLOAD_RETENTION_HOURS,
  );
  const app = await openApp({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: opts.dataDir ?? '.data/db',
    log,
    ...(clock ? { now: clock } : {}),
  });
  let logins: { role: string; email: string; password: string }[] = [];
  if (demo && hospital && clock) {
    // A restart on the demo's data runs on from the last thing it recorded, never back to the export.
    clock.resumeAfter(await demo.lastRecordedInstant(app.ctx.db));
    process.stderr.write(
      `serve: demo clock: it is ${new Date(app.ctx.now()).toISOString()}, from the demo clinic's export day, and running\n`,
    );
    if (await app.isEmpty()) {
      process.stderr.write('serve: loading the demo practice (synthetic patients)…\n');
      logins = (await demo.loadDemoPractice(app.ctx)).logins;
      process.stderr.write('serve: loading the demo hospital department (synthetic patients)…\n');
      logins.push(...(await hospital.loadDemoHospital(app.ctx)).logins);
    } else {
      process.stderr.write('serve: the database already has a practice; the demo was not loaded again.\n');
      logins = await demo.demoLogins(app.ctx);
      logins.push(...(await demo.demoLogins(app.ctx, hospital.DEMO_HOSPITAL_LOGINS)));
    }
  } else if (await app.isEmpty()) {
    process.stderr.write(
      'serve: the database has no practice: create one with `sgrt-billing practice create` (README, "Your own practice") or start with --demo\n',
    );
  }

  // Started once the demo's clock runs on from its data: the worker's first sweep of old uploads reads that clock.
  const worker = startWorker(app.ctx, { uploadRetentionMs });

  const webRoot = existsSync(WEB_ROOT) ? WEB_ROOT : undefined;
  if (!webRoot)
    process.stderr.write(`serve: no web UI at ${WEB_ROOT} (run npm run build); serving the API only.\n`);
  // The port browsers must use when there is no public URL (known once listening: --port 0 picks one).
  let listeningPort = port;
  const http = createHttpApp(app.ctx, {
    ...(webRoot ? { webRoot } : {}),
    ...access,
    listen: { host, port: () => listeningPort },
    trustedProxies,
  });
  const server = serve({ fetch: http.fetch, port, hostname: host });
  keepConnections(server);
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  listeningPort = address.port;
  if (!access.publicOrigin && !LOOPBACK.has(host))
    process.stderr.write(
      `serve: no --public-url: browsers must use http://${host}:${address.port}/ exactly (a proxy or TLS in front: give --public-url https://…)\n`,
    );
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  process.stdout.write(`sgrt-billing listening on http://${shown}:${address.port}/ (${app.ctx.engine})\n`);
  for (const l of logins) process.stdout.write(`  ${l.role.padEnd(9)} ${l.email}  password ${l.password}\n`);

  const signal = await new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  process.stderr.write(`serve: ${signal}, shutting down…\n`);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  const grace = setTimeout(
    () => 'closeAllConnections' in server && server.closeAllConnections(),
    SHUTDOWN_GRACE_MS,
  );
  await closed;
  clearTimeout(grace);
  await worker.stop();
  await app.close();
  return 0;
}

/**
 * Node closes a keep-alive connection after 5 s idle (`server.keepAliveTimeout`, Node's http docs). On
 * the embedded database a long query holds the event loop, so that timer can fire after the client has
 * already sent its next request on the connection, which then fails with ECONNRESET (seen with 100
 * clients on PGlite, bench/README.md). Idle connections are kept 65 s instead, the header timeout just
 * above it as Node's docs advise.
 */
export const KEEP_ALIVE_MS = 65_000;

function keepConnections(server: ReturnType<typeof serve>): void {
  if (!('keepAliveTimeout' in server)) return;
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
}
