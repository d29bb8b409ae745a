/**
 * Does an import leave the server free for other requests? The HTTP
 * app listens on loopback in this process (as `serve` runs it, worker included), a client in a worker
 * thread (its own event loop) sends GET /api/health one after another with a 10 ms pause, and a
 * generated clinic (`--patients 40 --days 20`, the demo clinic) is imported through `importFiles` in
 * this process meanwhile, into an in-memory PGlite or (`--engine postgres`) a fresh PostgreSQL database.
 * Figures: health latency p50/p99/max while idle (the anchor, measured first in the same run) and
 * during the import; ratio = anchor p99 / import p99.
 *
 *   node --import tsx bench/import-responsiveness.ts [--engine pglite|postgres] [--patients 40] [--days 20]
 *     [--seed 1] [--idle 3]
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { serve } from '@hono/node-server';
import { importFiles } from '../src/app/import-pipeline/import-files.js';
import { createHttpApp } from '../src/http/create-http-app.js';
import { openDatabase } from '../src/storage/database.js';
import {
  benchContext,
  dropDatabase,
  engineOption,
  generateUploads,
  intOption,
  line,
  newPractice,
  progress,
  recreateDatabase,
  round,
} from './app-support.js';

const BENCH = 'import-responsiveness';
const patients = intOption('patients', 40);
const days = intOption('days', 20);
const seed = intOption('seed', 1);
const idleSeconds = intOption('idle', 3);
const requested = engineOption('pglite');
const DATABASE = 'bench_import_responsiveness';

/** The client: health requests back to back (10 ms apart) until told to stop; posts the latencies. */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
let stop = false;
const latencies = [];
let errors = 0;
parentPort.on('message', () => (stop = true));
(async () => {
  while (!stop) {
    const t = performance.now();
    // A request that fails (the server held its event loop past the keep-alive timeout) counts with
    // the time it took, and as an error.
    await fetch(workerData.url).then((res) => res.text()).catch(() => errors++);
    latencies.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 10));
  }
  parentPort.postMessage({ latencies, errors });
})();
`;

interface Health {
  latencies: number[];
  errors: number;
}

async function healthDuring(url: string, work: () => Promise<unknown>): Promise<Health> {
  const client = new Worker(CLIENT, { eval: true, workerData: { url } });
  await new Promise((r) => setTimeout(r, 200)); // the client's first requests (connection, JIT) not counted
  const result = once(client, 'message') as Promise<[Health]>;
  await work();
  client.postMessage('stop');
  const [health] = await result;
  await client.terminate();
  return { latencies: health.latencies.slice(5), errors: health.errors };
}

function summary({ latencies, errors }: Health) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return {
    requests: sorted.length,
    errors,
    p50_ms: round(at(0.5), 1),
    p99_ms: round(at(0.99), 1),
    max_ms: round(sorted.at(-1) ?? NaN, 1),
  };
}

progress(`generating the clinic (${patients} patients × ${days} days, seed ${seed})…`);
const clinic = await generateUploads(patients, days, seed);
const { db, engine } = await openDatabase(
  requested === 'postgres' ? { url: await recreateDatabase(DATABASE) } : {},
);
const ctx = await benchContext(db, engine, clinic.now);
const practiceId = await newPractice(ctx, clinic);
const server = serve({ fetch: createHttpApp(ctx).fetch, port: 0, hostname: '127.0.0.1' });
await once(server, 'listening');
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/health`;

progress(`health while idle (${idleSeconds} s)…`);
const idle = summary(await healthDuring(url, () => new Promise((r) => setTimeout(r, idleSeconds * 1000))));
progress('health during the import…');
let seconds = 0;
let fractions = 0;
const during = summary(
  await healthDuring(url, async () => {
    const t = performance.now();
    fractions = (await importFiles(ctx, practiceId, clinic.files)).summary.fractions;
    seconds = (performance.now() - t) / 1000;
  }),
);
line(BENCH, {
  metric: 'health_p99_during_import',
  engine,
  value: during.p99_ms,
  unit: 'ms',
  baseline: idle.p99_ms,
  baseline_name: 'health p99 while idle, same process, measured first',
  ratio: round(idle.p99_ms / during.p99_ms, 3),
  idle,
  during,
  import_seconds: round(seconds, 2),
  files: clinic.files.length,
  fractions,
  patients,
  days,
  seed,
});
server.close();
await db.destroy();
if (engine === 'postgres') await dropDatabase(DATABASE);
