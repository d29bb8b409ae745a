/**
 * Fuzzing every reader (issue #14): for each reader of src/formats, `--inputs` arbitrary and mutated
 * inputs (bench/fuzz/mutate.ts) read in a worker thread. Every input must give a result or an error
 * located in the file within the time limit; a crash (a throw, or the reader's own "internal error"), an
 * unlocated error or a hang (over --slow-ms of CPU twice, or stuck past --timeout-ms: the worker is
 * terminated and restarted after that input) prints the seed and index and writes the input under
 * --out. One JSON line per reader on stdout, then a table on stderr; exit code 1 when anything was found.
 *
 *   npm run fuzz                                   # 100k inputs per reader, seed 1
 *   node --import tsx bench/fuzz.ts [--inputs 100000] [--seed 1] [--readers hl7v2-dft,fhir-bundle]
 *     [--from 0] [--slow-ms 1000] [--timeout-ms 10000] [--heap-mb 1024] [--out bench/out/fuzz]
 *   node --import tsx bench/fuzz.ts --readers cms-gpci --seed 7 --from 4242 --inputs 1   # one input again
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { intOption, line, option, progress } from './app-support.js';
import { makeInput } from './fuzz/mutate.js';
import { READERS } from './fuzz/readers.js';
import { seedFiles } from './fuzz/seeds.js';
import { COUNTER_SLOTS, COUNTERS, type Finding, type WorkerInput } from './fuzz/protocol.js';

const inputs = intOption('inputs', 100_000);
const seed = Number(option('seed', '1'));
const from = Number(option('from', '0'));
const slowMs = intOption('slow-ms', 1000);
const timeoutMs = intOption('timeout-ms', 10_000);
const heapMb = intOption('heap-mb', 1024);
const out = resolve(option('out', 'bench/out/fuzz'));
const only = option('readers', '').split(',').filter(Boolean);
const unknown = only.filter((n) => !READERS.some((r) => r.name === n));
if (unknown.length)
  throw new Error(
    `--readers: unknown ${unknown.join(', ')}; known: ${READERS.map((r) => r.name).join(', ')}`,
  );
if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(from) || from < 0)
  throw new Error('--seed, --from: integers');

/** At most this many inputs written per reader and kind (the counts go on). */
const WRITTEN_PER_KIND = 20;

interface Tally {
  reader: string;
  inputs: number;
  ok: number;
  located_errors: number;
  crashes: number;
  unlocated_errors: number;
  hangs: number;
  max_ms: number;
  max_cpu_ms: number;
  seeds: number;
  seconds: number;
}

function record(reader: string, f: Finding, written: Map<string, number>): void {
  const key = f.kind;
  const n = written.get(key) ?? 0;
  written.set(key, n + 1);
  let where = '';
  if (n < WRITTEN_PER_KIND) {
    mkdirSync(out, { recursive: true });
    const file = join(out, `${reader}-seed${seed}-${f.index}.${f.kind}.bin`);
    writeFileSync(file, f.bytes);
    where = `; input written to ${file}`;
  }
  progress(
    `${f.kind.toUpperCase()} ${reader} --seed ${seed} --from ${f.index} --inputs 1: ${f.detail}${where}`,
  );
}

/** The worker's TypeScript goes through tsx, registered in the worker itself (Node 20 does not pass hooks on). */
const WORKER_BOOT = `import('tsx/esm/api').then(({ register }) => {
  register();
  return import(${JSON.stringify(new URL('./fuzz/worker.ts', import.meta.url).href)});
});`;

let lastProgress = performance.now();

/** A worker for [start, end): resolves with the index after the last one read (a hang stops it early). */
function runWorker(
  reader: string,
  start: number,
  end: number,
  counters: Int32Array,
  written: Map<string, number>,
): Promise<{ next: number; lost?: Finding['kind']; detail?: string }> {
  const data: WorkerInput = {
    reader,
    seed,
    from: start,
    to: end,
    slowMs,
    shared: counters.buffer as SharedArrayBuffer,
  };
  const worker = new Worker(WORKER_BOOT, {
    eval: true,
    workerData: data,
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
  Atomics.store(counters, COUNTERS.current, start);
  return new Promise((done, fail) => {
    let started = false;
    let settled = false;
    let last = -1;
    let since = performance.now();
    const finish = (v: { next: number; lost?: Finding['kind']; detail?: string }) => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      void worker.terminate().then(() => done(v));
    };
    // The watchdog: the same input for longer than the timeout is a hang. Also a progress line every 30 s.
    const watch = setInterval(() => {
      if (performance.now() - lastProgress > 30_000) {
        lastProgress = performance.now();
        progress(`${reader}: ${Atomics.load(counters, COUNTERS.done)} / ${inputs}`);
      }
      const current = Atomics.load(counters, COUNTERS.current);
      const busy = Atomics.load(counters, COUNTERS.busy) === 1;
      if (current !== last || !busy) {
        last = current;
        since = performance.now();
      } else if (performance.now() - since > timeoutMs) {
        finish({ next: current + 1, lost: 'hang', detail: `still reading after ${timeoutMs} ms` });
      }
    }, 200);
    worker.on('message', (m: Finding | 'started' | 'finished') => {
      if (m === 'started') started = true;
      else if (m === 'finished') finish({ next: end });
      else record(reader, m, written);
    });
    // An uncaught error or an exhausted heap: the input being read is the crash.
    worker.on('error', (e) => {
      if (!started) {
        settled = true;
        clearInterval(watch);
        fail(e);
        return;
      }
      const current = Atomics.load(counters, COUNTERS.current);
      finish({
        next: current + 1,
        lost: 'crash',
        detail: `worker died: ${e.name}: ${e.message.slice(0, 120)}`,
      });
    });
    worker.on('exit', () =>
      finish({ next: Atomics.load(counters, COUNTERS.current) + 1, lost: 'crash', detail: 'worker exited' }),
    );
  });
}

async function fuzzReader(name: string): Promise<Tally> {
  const counters = new Int32Array(new SharedArrayBuffer(COUNTER_SLOTS * 4));
  const written = new Map<string, number>();
  const t = performance.now();
  let next = from;
  const end = from + inputs;
  while (next < end) {
    Atomics.store(counters, COUNTERS.busy, 0);
    const r = await runWorker(name, next, end, counters, written);
    if (r.lost) {
      // The worker could not post it: make the input again here (it depends only on seed, reader, index).
      const reader = READERS.find((x) => x.name === name)!;
      const seeds = await reader.seeds(await seedFiles());
      const index = r.next - 1;
      Atomics.add(counters, COUNTERS[r.lost], 1);
      Atomics.add(counters, COUNTERS.done, 1);
      record(
        name,
        { index, kind: r.lost, detail: r.detail ?? '', bytes: makeInput(seed, name, index, seeds) },
        written,
      );
    }
    next = r.next;
  }
  const c = (k: keyof typeof COUNTERS) => Atomics.load(counters, COUNTERS[k]);
  return {
    reader: name,
    inputs: c('done'),
    ok: c('ok'),
    located_errors: c('located'),
    crashes: c('crash'),
    unlocated_errors: c('unlocated'),
    hangs: c('hang'),
    max_ms: c('maxMs'),
    max_cpu_ms: c('maxCpuMs'),
    seeds: c('seeds'),
    seconds: Math.round((performance.now() - t) / 100) / 10,
  };
}

const tallies: Tally[] = [];
// In the order given (fast readers first, say), else all of them.
for (const reader of only.length ? only.map((n) => READERS.find((r) => r.name === n)!) : READERS) {
  progress(`${reader.name}: ${inputs} inputs from ${from}, seed ${seed}…`);
  const tally = await fuzzReader(reader.name);
  line('fuzz', { ...tally, seed, from, slow_ms: slowMs, timeout_ms: timeoutMs });
  tallies.push(tally);
}

const columns = [
  'reader',
  'inputs',
  'ok',
  'located_errors',
  'crashes',
  'unlocated_errors',
  'hangs',
  'max_ms',
  'max_cpu_ms',
] as const;
const widths = columns.map((c) => Math.max(c.length, ...tallies.map((t) => String(t[c]).length)));
const row = (cells: readonly string[]) =>
  cells.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
process.stderr.write(
  `${[row(columns), ...tallies.map((t) => row(columns.map((c) => String(t[c]))))].join('\n')}\n`,
);
const bad = tallies.filter((t) => t.crashes + t.unlocated_errors + t.hangs > 0);
if (bad.length) {
  progress(`findings in ${bad.map((t) => t.reader).join(', ')}; inputs under ${out}`);
  process.exitCode = 1;
}
