/**
 * Does an import leave the server free for other requests? `sgrt-billing serve` runs as a child process
 * (from `--root`'s dist/, default this checkout), a practice and its admin login are made beforehand, a
 * generated clinic (`--patients 40 --days 20`) is uploaded through POST /api/imports, and a client in a
 * worker thread of this process sends GET /api/health every `--every-ms` (20) ms from before the
 * upload until the job has ended. Figures per run: health p50/p99/max while idle (the anchor, measured
 * first), while the files upload, and while the job imports them (from the 202 to the job's end).
 *
 *   npm run build   # the server runs from dist/
 *   node --import tsx bench/import-latency.ts [--engine pglite|postgres] [--runs 3] [--root ../main-copy]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import { createUser } from '../src/app/auth/create-user.js';
import { openDatabase } from '../src/storage/database.js';
import {
  benchContext,
  dropDatabase,
  generateUploads,
  intOption,
  line,
  newPractice,
  option,
  progress,
  recreateDatabase,
  round,
} from './app-support.js';

const BENCH = 'import-latency';
const engine = option('engine', 'pglite');
if (engine !== 'pglite' && engine !== 'postgres') throw new Error('--engine: pglite or postgres');
const patients = intOption('patients', 40);
const days = intOption('days', 20);
const seed = intOption('seed', 1);
const runs = intOption('runs', 1);
const everyMs = intOption('every-ms', 20);
const idleSeconds = intOption('idle', 3);
const root = resolve(option('root', new URL('..', import.meta.url).pathname));
if (!existsSync(join(root, 'dist/cli/main.js')))
  throw new Error(`${root}/dist is missing: run npm run build there`);

const EMAIL = 'admin@bench.test';
const PASSWORD = 'bench-sgrt-2026';

/** The health client: one request every `every` ms (or right after a slower one); posts [sent at, ms]. */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
let stop = false;
const samples = [];
let errors = 0;
parentPort.on('message', () => (stop = true));
(async () => {
  while (!stop) {
    const t = performance.timeOrigin + performance.now();
    const start = performance.now();
    // A failed request (connection reset while the loop was held) counts with the time it took.
    await fetch(workerData.url).then((res) => res.text()).catch(() => errors++);
    const ms = performance.now() - start;
    samples.push([t, ms]);
    await new Promise((r) => setTimeout(r, Math.max(0, workerData.every - ms)));
  }
  parentPort.postMessage({ samples, errors });
})();
`;

interface Server {
  child: ChildProcess;
  base: string;
}

async function startServer(target: string): Promise<Server> {
  const { DATABASE_URL: _, ...env } = process.env;
  const args = engine === 'pglite' ? ['--data-dir', target] : [];
  const child = spawn(
    process.execPath,
    [join(root, 'bin/sgrt-billing.js'), 'serve', '--port', '0', ...args],
    {
      cwd: root,
      env: engine === 'pglite' ? env : { ...env, DATABASE_URL: target },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stderr!.on('data', (d: Buffer) => {
    const text = d.toString();
    if (!text.includes('"level"')) process.stderr.write(`[server] ${text}`);
  });
  const lines = createInterface({ input: child.stdout! });
  const base = await new Promise<string>((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`the server exited (${code}) before listening`)));
    lines.on('line', (l) => {
      const m = /listening on (http:\/\/\S+?)\/? /.exec(l);
      if (m) ok(m[1]!); // other lines (the request log) are read so the pipe never fills
    });
  });
  return { child, base };
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((ok) => server.child.once('exit', ok));
  server.child.kill('SIGTERM');
  await exited;
}

/** A fresh database with one practice and its administrator; what the server is started on. */
async function freshDatabase(clinic: Awaited<ReturnType<typeof generateUploads>>): Promise<string> {
  const target =
    engine === 'pglite'
      ? await mkdtemp(join(tmpdir(), 'sgrt-bench-import-latency-'))
      : await recreateDatabase('sgrt_bench_import_latency');
  const { db } = await openDatabase(engine === 'pglite' ? { dataDir: target } : { url: target, poolSize: 1 });
  try {
    const ctx = await benchContext(db, engine as 'pglite', clinic.now);
    const practiceId = await newPractice(ctx, clinic);
    await createUser(ctx, {
      practiceId,
      email: EMAIL,
      password: PASSWORD,
      displayName: 'Bench',
      role: 'admin',
    });
  } finally {
    await db.destroy();
  }
  return target;
}

function stats(samples: readonly (readonly [number, number])[]) {
  const sorted = samples.map(([, ms]) => ms).sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return {
    requests: sorted.length,
    p50_ms: round(at(0.5), 1),
    p99_ms: round(at(0.99), 1),
    max_ms: round(sorted.at(-1) ?? NaN, 1),
  };
}

async function oneRun(run: number, clinic: Awaited<ReturnType<typeof generateUploads>>) {
  const target = await freshDatabase(clinic);
  const server = await startServer(target);
  try {
    const login = await fetch(`${server.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.base },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, origin: server.base, 'x-csrf-token': csrfToken };

    const client = new Worker(CLIENT, {
      eval: true,
      workerData: { url: `${server.base}/api/health`, every: everyMs },
    });
    const result = new Promise<{ samples: [number, number][]; errors: number }>((ok) =>
      client.once('message', ok),
    );
    await new Promise((r) => setTimeout(r, idleSeconds * 1000));
    const uploadAt = Date.now();
    const form = new FormData();
    for (const f of clinic.files) form.append('files', new Blob([f.bytes]), f.name);
    const res = await fetch(`${server.base}/api/imports`, { method: 'POST', headers, body: form });
    if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
    const { id } = (await res.json()) as { id: string };
    const queuedAt = Date.now();
    let job: { status: string; summary: { fractions: number } | null; error: string | null };
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      const r = await fetch(`${server.base}/api/imports/${id}`, { headers });
      job = (await r.json()) as typeof job;
      if (job.status === 'done' || job.status === 'failed') break;
    }
    const endAt = Date.now();
    client.postMessage('stop');
    const health = await result;
    await client.terminate();
    const window = (from: number, to: number) => health.samples.filter(([t]) => t >= from && t < to);
    line(BENCH, {
      metric: 'health_latency_during_import',
      engine,
      run,
      root,
      patients,
      days,
      files: clinic.files.length,
      job: job.status,
      fractions: job.summary?.fractions ?? null,
      upload_seconds: round((queuedAt - uploadAt) / 1000, 1),
      import_seconds: round((endAt - queuedAt) / 1000, 1),
      idle: stats(window(0, uploadAt)),
      upload: stats(window(uploadAt, queuedAt)),
      import: stats(window(queuedAt, endAt)),
      errors: health.errors,
      every_ms: everyMs,
    });
  } finally {
    await stopServer(server);
    if (engine === 'pglite') await rm(target, { recursive: true, force: true });
    else await dropDatabase('sgrt_bench_import_latency');
  }
}

progress(`generating the clinic (${patients} patients × ${days} days)…`);
const clinic = await generateUploads(patients, days, seed);
for (let run = 1; run <= runs; run++) {
  progress(`run ${run}/${runs} on ${engine}, server from ${root}`);
  await oneRun(run, clinic);
}
