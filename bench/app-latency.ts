/**
 * Latency of the API under concurrent load on loopback (issue #4), with about `--fractions` fractions in
 * PostgreSQL. Seeds the database (app-seed.ts) unless --reuse, starts `sgrt-billing serve` as a child
 * process (its own event loop), logs in as a coder, then runs C keep-alive clients for D seconds per
 * endpoint mix and reports p50/p90/p99/max latency and requests/s. Anchor: GET /api/health under the
 * same concurrency, measured first in the same run (ratio = anchor p50 / endpoint p50). At the end:
 * the server's peak RSS (VmHWM), and for every endpoint whose p50 is over --explain-ms, its slowest SQL
 * statement with EXPLAIN (ANALYZE, BUFFERS), written to bench/out/app-latency-explain.txt.
 *
 *
 * `--minutes M` is the soak test instead (issue #14): one run of M minutes where every request picks its
 * endpoint from the mix, p50/p99 per endpoint, zero errors expected, and the server's RSS sampled every
 * 5 s (start, max, end, and at the 2-minute mark: "no growth" = end within +10 % of it).
 *
 *   npm run build   # the server runs from dist/
 *   node --import tsx bench/app-latency.ts [--engine postgres|pglite] [--fractions 100000]
 *     [--clients 16] [--duration 20] [--minutes M] [--warmup 3] [--db sgrt_bench] [--reuse] [--keep]
 *     [--explain-ms 200] [--server-root DIR] [--pg-url postgres://…]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import type { Actor } from '../src/app/app-context.js';
import { getCourse } from '../src/app/queries/courses.js';
import { dashboard } from '../src/app/queries/dashboard.js';
import { listFractions } from '../src/app/queries/fractions.js';
import { signaturesDue } from '../src/app/queries/signatures-due.js';
import { mulberry32 } from '../src/app/demo-data/prng.js';
import { type Db, openDatabase } from '../src/storage/database.js';
import type { Database } from '../src/storage/schema.js';
import { benchPool, explain, isSelect, recordingContext } from './app-recorder.js';
import { BENCH_PASSWORD, reportSeed, seedDatabase, type SeedOptions } from './app-seed.js';
import {
  databaseExists,
  databaseUrl,
  dropDatabase,
  flag,
  intOption,
  line,
  option,
  progress,
  round,
} from './app-support.js';

const BENCH = 'app-latency';
const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The checkout whose dist/ the server runs (another worktree: before and after in one session). */
const SERVER = `${option('server-root', ROOT).replace(/\/$/, '')}/`;

const engine = option('engine', 'postgres');
if (engine !== 'postgres' && engine !== 'pglite') throw new Error('--engine: postgres or pglite');
const seedOptions: SeedOptions = {
  engine,
  fractions: intOption('fractions', 100_000),
  dbName: option('db', 'sgrt_bench'),
  patients: intOption('patients', 40),
  days: intOption('days', 20),
  seed: intOption('seed', 1),
};
const concurrency = intOption('clients', intOption('concurrency', 16));
const duration = intOption('duration', 20);
/** The soak test's length, when given (then one mixed run replaces the per-endpoint runs). */
const minutes = process.argv.includes('--minutes') ? Number(option('minutes', '0')) : null;
if (minutes !== null && !(minutes > 0)) throw new Error('--minutes: a positive number');
const warmup = Number(option('warmup', '3'));
const explainMs = intOption('explain-ms', 200);
const reuse = flag('reuse');
const keep = flag('keep') || reuse;

// ---------------------------------------------------------------------------------------------------
// The database

if (!existsSync(`${SERVER}dist/cli/main.js`)) throw new Error('dist/ is missing: run `npm run build` first');
if (
  statSync(`${SERVER}dist/cli/main.js`).mtimeMs < statSync(`${SERVER}src/app/queries/fractions.ts`).mtimeMs
) {
  progress('warning: dist/ looks older than src/ (run `npm run build`); the server runs from dist/');
}

// PGlite: the seed goes to a data folder the server then opens alone (one process per PGlite folder).
const pgliteDir =
  engine === 'pglite'
    ? option('data-dir', '') || (await mkdtemp(join(tmpdir(), 'sgrt-bench-pglite-')))
    : null;
let url: string;
if (
  reuse &&
  (pgliteDir ? existsSync(join(pgliteDir, 'PG_VERSION')) : await databaseExists(seedOptions.dbName))
) {
  url = pgliteDir ?? databaseUrl(seedOptions.dbName);
  progress(`reusing ${pgliteDir ? `PGlite folder ${pgliteDir}` : `database ${seedOptions.dbName}`}`);
} else {
  const seeded = await seedDatabase({ ...seedOptions, ...(pgliteDir && { dataDir: pgliteDir }) });
  reportSeed(seeded, seedOptions);
  url = seeded.url;
}

const pool = pgliteDir ? null : benchPool(url);
const inputs = await loadInputs();

// ---------------------------------------------------------------------------------------------------
// The server

interface Server {
  child: ChildProcess;
  base: string;
  logLines: () => number;
}

async function startServer(): Promise<Server> {
  const { DATABASE_URL: _, ...env } = process.env;
  const args = pgliteDir ? ['--data-dir', pgliteDir] : [];
  const child = spawn(process.execPath, [`${SERVER}bin/sgrt-billing.js`, 'serve', '--port', '0', ...args], {
    cwd: SERVER,
    env: pgliteDir ? env : { ...env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let logged = 0;
  child.stderr!.on('data', (d: Buffer) => {
    const text = d.toString();
    if (!text.includes('"level"')) process.stderr.write(`[server] ${text}`);
  });
  const lines = createInterface({ input: child.stdout! });
  const base = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
    lines.on('line', (l) => {
      const m = /listening on (http:\/\/\S+?)\/? /.exec(l);
      if (m) resolve(m[1]!);
      else logged++; // request log lines (JSON), read so the pipe never fills
    });
  });
  return { child, base, logLines: () => logged };
}

function vm(pid: number, field: 'VmHWM' | 'VmRSS'): Promise<number> {
  return readFile(`/proc/${pid}/status`, 'utf8').then((s) => {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(s);
    return m ? Number(m[1]) / 1024 : NaN;
  });
}

progress('starting the server…');
const server = await startServer();
const rssStart = await vm(server.child.pid!, 'VmRSS');
let cookie = '';
try {
  const res = await fetch(`${server.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'coder@bench.test', password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  await res.arrayBuffer();

  // -------------------------------------------------------------------------------------------------
  // The load

  type Pick = (r: () => number) => string;
  const choose = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const worklist: Pick = (r) => {
    const offset = 50 * Math.floor(r() * 5); // the first five pages
    const base = `/api/fractions?status=hold&sort=deadline&limit=50&offset=${offset}`;
    const x = r();
    if (x < 0.3 && inputs.rules.length)
      return `${base}&ruleId=${encodeURIComponent(choose(r, inputs.rules))}`;
    if (x < 0.5 && inputs.payers.length)
      return `${base}&payer=${encodeURIComponent(choose(r, inputs.payers))}`;
    return base;
  };
  const mixes: { endpoint: string; pick: Pick; description: string }[] = [
    { endpoint: 'health', pick: () => '/api/health', description: 'GET /api/health (anchor)' },
    {
      endpoint: 'worklist',
      pick: worklist,
      description:
        'GET /api/fractions?status=hold&sort=deadline&limit=50, offset in the first 5 pages; 30% with a random ruleId, 20% with a random payer',
    },
    {
      endpoint: 'course',
      pick: (r) => `/api/courses/${choose(r, inputs.courses)}`,
      description: 'GET /api/courses/:id, random course',
    },
    {
      endpoint: 'signatures',
      pick: () => '/api/worklists/signatures',
      description: 'GET /api/worklists/signatures as a coder (the whole practice)',
    },
    {
      endpoint: 'dashboard',
      pick: () => '/api/dashboard',
      description: 'GET /api/dashboard (default period)',
    },
  ];

  /** Requests as (endpoint, path): one endpoint's pick, or the soak's mix of all of them. */
  type Choose = (r: () => number) => { endpoint: string; path: string };
  const only =
    (mix: (typeof mixes)[number]): Choose =>
    (r) => ({ endpoint: mix.endpoint, path: mix.pick(r) });
  const mixed: Choose = (r) => {
    const mix = choose(r, mixes);
    return { endpoint: mix.endpoint, path: mix.pick(r) };
  };

  interface Stats {
    p50: number;
    p90: number;
    p99: number;
    max: number;
    requests: number;
    rps: number;
    wall: number;
    statuses: Record<string, number>;
    meanBytes: number;
  }

  /** C clients for `seconds`; latencies per endpoint, and the server's RSS every `sampleMs`. */
  async function run(
    pick: Choose,
    seconds: number,
    seed: number,
    sampleMs = 0,
  ): Promise<{ byEndpoint: Map<string, Stats>; rss: { second: number; mib: number }[] }> {
    const latencies = new Map<string, number[]>();
    const statuses = new Map<string, Record<string, number>>();
    const rss: { second: number; mib: number }[] = [];
    const bytes = new Map<string, number>();
    const start = performance.now();
    const end = start + seconds * 1000;
    const sampler =
      sampleMs > 0
        ? setInterval(() => {
            void vm(server.child.pid!, 'VmRSS').then((mib) =>
              rss.push({ second: (performance.now() - start) / 1000, mib }),
            );
          }, sampleMs)
        : null;
    const client = async (i: number) => {
      const r = mulberry32(seed * 1000 + i);
      while (performance.now() < end) {
        const { endpoint, path } = pick(r);
        const t = performance.now();
        let status = 'network-error';
        try {
          const res = await fetch(`${server.base}${path}`, { headers: { cookie } });
          bytes.set(endpoint, (bytes.get(endpoint) ?? 0) + (await res.arrayBuffer()).byteLength);
          status = String(res.status);
        } catch (e) {
          // The cause's code (ECONNRESET, UND_ERR_SOCKET, …) says which side gave up.
          const cause = (e as { cause?: { code?: string } }).cause?.code;
          if (cause) status = `network-error:${cause}`;
          await new Promise((ok) => setTimeout(ok, 50));
        }
        const list = latencies.get(endpoint) ?? [];
        list.push(performance.now() - t);
        latencies.set(endpoint, list);
        const counts = statuses.get(endpoint) ?? {};
        counts[status] = (counts[status] ?? 0) + 1;
        statuses.set(endpoint, counts);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, (_, i) => client(i)));
    if (sampler) clearInterval(sampler);
    const wall = (performance.now() - start) / 1000;
    const byEndpoint = new Map<string, Stats>(
      [...latencies].map(([endpoint, l]): [string, Stats] => {
        l.sort((x, y) => x - y);
        const q = (p: number) => l[Math.min(l.length - 1, Math.ceil(p * l.length) - 1)] ?? NaN;
        return [
          endpoint,
          {
            p50: q(0.5),
            p90: q(0.9),
            p99: q(0.99),
            max: l.at(-1) ?? NaN,
            requests: l.length,
            rps: l.length / wall,
            wall,
            statuses: statuses.get(endpoint) ?? {},
            meanBytes: (bytes.get(endpoint) ?? 0) / l.length,
          },
        ];
      }),
    );
    return { byEndpoint, rss };
  }

  let anchorP50 = NaN;
  const slow: string[] = [];
  const report = (endpoint: string, m: Stats, mix: string) => {
    const ok = m.statuses['200'] ?? 0;
    line(BENCH, {
      metric: 'latency_p50',
      engine,
      endpoint,
      value: round(m.p50, 1),
      unit: 'ms',
      baseline: round(anchorP50, 1),
      baseline_name: `GET /api/health p50, ${concurrency} clients, same run`,
      ratio: round(anchorP50 / m.p50, 4),
      p90: round(m.p90, 1),
      p99: round(m.p99, 1),
      max: round(m.max, 1),
      requests: m.requests,
      requests_per_second: round(m.rps, 1),
      errors: m.requests - ok,
      statuses: m.statuses,
      mean_response_kb: round(m.meanBytes / 1024, 1),
      concurrency,
      seconds: round(m.wall, 1),
      fractions: inputs.fractions,
      mix,
    });
    if (endpoint !== 'health' && (m.p50 > explainMs || ok < m.requests)) slow.push(endpoint);
  };
  if (minutes !== null) {
    if (warmup > 0) await run(mixed, warmup, 999);
    progress(`soak: ${concurrency} clients × ${minutes} min, every endpoint mixed…`);
    const soak = await run(mixed, minutes * 60, 1, 5000);
    anchorP50 = soak.byEndpoint.get('health')?.p50 ?? NaN;
    for (const mix of mixes) {
      const m = soak.byEndpoint.get(mix.endpoint);
      if (m) report(mix.endpoint, m, `soak mix (each request a random endpoint): ${mix.description}`);
    }
    reportRss(soak.rss, minutes * 60);
  } else {
    for (const [i, mix] of mixes.entries()) {
      if (warmup > 0) await run(only(mix), warmup, 999 + i);
      progress(`${mix.endpoint}: ${concurrency} clients × ${duration} s…`);
      const m = (await run(only(mix), duration, i + 1)).byEndpoint.get(mix.endpoint)!;
      if (mix.endpoint === 'health') anchorP50 = m.p50;
      report(mix.endpoint, m, mix.description);
    }
  }

  const hwm = await vm(server.child.pid!, 'VmHWM');
  line(BENCH, {
    metric: 'server_peak_rss',
    engine,
    value: round(hwm),
    unit: 'MiB',
    baseline: round(rssStart),
    baseline_name: 'server VmRSS right after it started listening',
    ratio: round(hwm / rssStart, 2),
    request_log_lines: server.logLines(),
  });

  /**
   * The soak's RSS: start, max, end, and at the 2-minute mark (half the run when shorter); "no growth" =
   * end within +10 % of the mark (the first minutes fill caches and pools). Also the mean of the first
   * and of the last minute's samples, and the least-squares slope of the samples from the mark on.
   */
  function reportRss(samples: readonly { second: number; mib: number }[], seconds: number) {
    const markSecond = Math.min(120, seconds / 2);
    const mark = samples.find((x) => x.second >= markSecond) ?? samples.at(-1);
    const endRss = samples.at(-1)?.mib ?? NaN;
    const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const after = samples.filter((x) => x.second >= markSecond);
    const mx = mean(after.map((x) => x.second));
    const my = mean(after.map((x) => x.mib));
    const slope =
      after.reduce((a, x) => a + (x.second - mx) * (x.mib - my), 0) /
      after.reduce((a, x) => a + (x.second - mx) ** 2, 0);
    line(BENCH, {
      metric: 'server_rss_over_run',
      engine,
      value: round(endRss),
      unit: 'MiB',
      baseline: round(mark?.mib ?? NaN),
      baseline_name: `server VmRSS at ${round(markSecond)} s into the run`,
      ratio: round(endRss / (mark?.mib ?? NaN), 3),
      no_growth: endRss <= 1.1 * (mark?.mib ?? NaN),
      start: round(rssStart),
      max: round(Math.max(...samples.map((x) => x.mib))),
      first_minute_mean: round(mean(samples.filter((x) => x.second < 60).map((x) => x.mib))),
      last_minute_mean: round(mean(samples.filter((x) => x.second >= seconds - 60).map((x) => x.mib))),
      slope_mib_per_minute_after_mark: round(slope * 60, 3),
      samples: samples.length,
      every_seconds: 5,
      series: samples.filter((_, i) => i % 12 === 0).map((x) => [round(x.second), round(x.mib)]),
    });
  }

  if (slow.length && pool) await explainSlow(slow, pool);
} finally {
  server.child.kill('SIGTERM');
  await new Promise((ok) => (server.child.exitCode !== null ? ok(null) : server.child.once('exit', ok)));
  await pool?.end();
  if (!keep && pgliteDir) {
    progress(`removing ${pgliteDir}`);
    await rm(pgliteDir, { recursive: true, force: true });
  } else if (!keep) {
    progress(`dropping ${seedOptions.dbName}`);
    await dropDatabase(seedOptions.dbName);
  }
}

// ---------------------------------------------------------------------------------------------------
// Inputs and query analysis

/**
 * What the clients ask for, read before the server starts (a PGlite folder has one process at a time).
 * On PostgreSQL the inputs are read without migrating: the server's checkout (--server-root) does that.
 */
async function loadInputs() {
  if (pool) return readInputs(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }));
  const { db } = await openDatabase({ dataDir: pgliteDir! });
  try {
    return await readInputs(db);
  } finally {
    await db.destroy();
  }
}

async function readInputs(db: Db) {
  const rows = async <R>(q: ReturnType<typeof sql<R>>) => (await q.execute(db)).rows;
  const practice = await rows(sql<{ id: string }>`select id from practices order by created_at limit 1`);
  const practiceId = practice[0]?.id;
  if (!practiceId) throw new Error('the database has no practice');
  const coder = await rows(sql<{ id: string }>`select id from users where email = 'coder@bench.test'`);
  // A fixed sample of courses (by hash, so the same ones every run), the rule ids that hold or
  // downgrade fractions, and the payers (as the worklist's payer choice lists them: name, else profile).
  const courses = await rows(
    sql<{ id: string }>`select id from courses where practice_id = ${practiceId} order by md5(id) limit 5000`,
  );
  const rules = await rows(
    sql<{
      rule_id: string;
    }>`select distinct rule_id from findings where practice_id = ${practiceId} and severity != 'info' and fraction_id is not null order by 1`,
  );
  const payers = await rows(
    sql<{
      payer: string;
    }>`select distinct coalesce(payer_name, payer_profile) as payer from courses where practice_id = ${practiceId}
     order by 1`,
  );
  const n = await rows(
    sql<{ n: string }>`select count(*)::text as n from fractions where practice_id = ${practiceId}`,
  );
  return {
    practiceId,
    coderId: coder[0]?.id ?? 'bench-coder',
    courses: courses.map((r) => r.id),
    rules: rules.map((r) => r.rule_id),
    payers: payers.map((r) => r.payer),
    fractions: Number(n[0]!.n),
  };
}

/**
 * Runs each slow endpoint's use case once in this process on a Kysely that records each statement
 * with its time (app-recorder.ts), then EXPLAIN (ANALYZE, BUFFERS) of the slowest SELECT. One JSON line
 * per endpoint; the plans go to bench/out/app-latency-explain.txt.
 */
async function explainSlow(endpoints: readonly string[], pool: pg.Pool): Promise<void> {
  const { ctx, recorded } = await recordingContext(pool);
  const actor: Actor = {
    userId: inputs.coderId,
    practiceId: inputs.practiceId,
    role: 'coder',
    displayName: 'Bench coder',
    physicianId: null,
  };
  const calls: Record<string, () => Promise<unknown>> = {
    worklist: () =>
      listFractions(ctx, actor, {
        status: 'hold',
        sort: 'deadline',
        limit: 50,
        offset: 100,
        ruleId: inputs.rules[0],
      }),
    course: () => getCourse(ctx, actor, inputs.courses[0]!),
    signatures: () => signaturesDue(ctx, actor, {}),
    dashboard: () => dashboard(ctx, actor, {}),
  };
  const report: string[] = [];
  for (const endpoint of endpoints) {
    const call = calls[endpoint];
    if (!call) continue;
    recorded.length = 0;
    let error: string | null = null;
    const t = performance.now();
    try {
      await call();
    } catch (e) {
      error = e instanceof Error ? e.message.slice(0, 300) : String(e);
    }
    const total = performance.now() - t;
    const selects = recorded.filter(isSelect).sort((a, b) => b.ms - a.ms);
    const slowest = selects[0];
    const plan = slowest ? await explain(pool, slowest, 'text') : '';
    line(BENCH, {
      metric: 'slowest_statement_ms',
      endpoint,
      value: slowest ? round(slowest.ms, 1) : null,
      unit: 'ms',
      baseline: round(total, 1),
      baseline_name: 'the whole use case, one call, no concurrent load',
      ratio: slowest ? round(slowest.ms / total, 3) : null,
      statements: recorded.map((r) => ({ ms: round(r.ms, 1), sql: r.query.sql.slice(0, 120) })),
      error,
    });
    report.push(
      `## ${endpoint} (use case ${round(total)} ms${error ? `, error: ${error}` : ''})`,
      ...recorded.map((r) => `-- ${round(r.ms, 1)} ms: ${r.query.sql}`),
      '',
      slowest ? `EXPLAIN (ANALYZE, BUFFERS) of the slowest SELECT:\n${plan}` : 'no SELECT recorded',
      '',
    );
  }
  await mkdir(`${ROOT}bench/out`, { recursive: true });
  await writeFile(`${ROOT}bench/out/app-latency-explain.txt`, `${report.join('\n')}\n`);
  progress('query plans: bench/out/app-latency-explain.txt');
}
