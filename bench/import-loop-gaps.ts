/**
 * Where does an import hold the event loop? A loop-gap profile of the generated clinic's import
 * (`--patients 40 --days 20`, as import-responsiveness) through `importFiles`, in this process, into an
 * in-memory PGlite or (`--engine postgres`) a fresh PostgreSQL database: a 1 ms timer records every gap
 * between two of its callbacks longer than `--gap` ms (default 50), with the wall time and the process's
 * CPU time (`process.cpuUsage`, user + system) spent in it, and the V8 CPU profile (inspector, 0.5 ms
 * sampling, this thread) names the stacks its samples fell on within the gap, and the statements of 10 ms
 * or more that ended in it (Kysely's query log). CPU time is what a gap
 * costs on an idle core; wall time also holds the waits of a loaded machine.
 *
 *   node --import tsx bench/import-loop-gaps.ts [--engine pglite|postgres] [--patients 40] [--days 20]
 *     [--seed 1] [--gap 50] [--top 3]
 */
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { importFiles } from '../src/app/import-pipeline/import-files.js';
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

const BENCH = 'import-loop-gaps';
const patients = intOption('patients', 40);
const days = intOption('days', 20);
const seed = intOption('seed', 1);
const gapMs = intOption('gap', 50);
const top = intOption('top', 3);
const requested = engineOption('pglite');
const DATABASE = 'bench_import_loop_gaps';

interface Gap {
  /** Monotonic microseconds (the clock of V8's profile timestamps). */
  start: number;
  end: number;
  cpuMs: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const micros = () => Number(process.hrtime.bigint() / 1000n);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

progress(`generating the clinic (${patients} patients × ${days} days, seed ${seed})…`);
const clinic = await generateUploads(patients, days, seed);
/** Statements that took ≥ 10 ms: when they ended (monotonic µs), how long, their first words. */
const queries: { end: number; ms: number; sql: string }[] = [];
const { db, engine } = await openDatabase({
  ...(requested === 'postgres' ? { url: await recreateDatabase(DATABASE) } : {}),
  onQuery: (text, ms) => {
    if (ms >= 10) queries.push({ end: micros(), ms, sql: text.slice(0, 60) });
  },
});
const ctx = await benchContext(db, engine, clinic.now);
const practiceId = await newPractice(ctx, clinic);

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 500 });
await session.post('Profiler.start');

const gaps: Gap[] = [];
let last = { at: micros(), cpu: cpuMs() };
const timer = setInterval(() => {
  const now = { at: micros(), cpu: cpuMs() };
  if (now.at - last.at > gapMs * 1000) gaps.push({ start: last.at, end: now.at, cpuMs: now.cpu - last.cpu });
  last = now;
}, 1);
const load = loadavg()[0]!;
progress('importing…');
const t0 = micros();
const cpu0 = cpuMs();
const result = await importFiles(ctx, practiceId, clinic.files);
const importMs = (micros() - t0) / 1000;
const importCpuMs = cpuMs() - cpu0;
clearInterval(timer);
const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
session.disconnect();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** A sample's stack as "function (file:line)", innermost first, the app's own frames only (and V8's). */
function stack(id: number): string[] {
  const out: string[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
    const own = url.includes('/src/');
    if (own)
      out.push(`${functionName || '(anonymous)'} (${url.replace(/^.*\/src\//, '')}:${lineNumber + 1})`);
    else if (!url && functionName.startsWith('(')) out.push(functionName);
    else if (out.length === 0)
      out.push(`${functionName || '(anonymous)'} [${url.replace(/^.*\/node_modules\//, '')}]`);
  }
  return out;
}

let time = profile.startTime;
const samples = profile.samples.map((id, i) => ({ id, at: (time += profile.timeDeltas[i]!) }));
for (const gap of gaps) {
  const counts = new Map<string, number>();
  const inGap = samples.filter((s) => s.at >= gap.start && s.at <= gap.end);
  for (const s of inGap) {
    const key = stack(s.id).slice(0, 4).join(' < ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  line(BENCH, {
    gap_wall_ms: round((gap.end - gap.start) / 1000, 1),
    gap_cpu_ms: round(gap.cpuMs, 1),
    at_ms: round((gap.start - t0) / 1000),
    samples: inGap.length,
    stacks: [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([s, n]) => `${n}× ${s}`),
    statements: queries
      .filter((q) => q.end >= gap.start && q.end <= gap.end + 1000)
      .map((q) => `${round(q.ms)} ms ${q.sql}`),
  });
}
const cpus = gaps.map((g) => g.cpuMs).sort((a, b) => b - a);
line(BENCH, {
  metric: 'longest_loop_gap_cpu',
  engine,
  value: round(cpus[0] ?? 0, 1),
  unit: 'ms',
  gaps_over: gapMs,
  gaps: gaps.length,
  longest_wall_ms: round(Math.max(0, ...gaps.map((g) => (g.end - g.start) / 1000)), 1),
  import_ms: round(importMs),
  import_cpu_ms: round(importCpuMs),
  fractions: result.summary.fractions,
  load_before: round(load, 1),
  load_after: round(loadavg()[0]!, 1),
});
await db.destroy();
if (engine === 'postgres') await dropDatabase(DATABASE);
