/**
 * One reader's inputs [from, to) in a worker thread, so that a hang or an exhausted heap can be cut off
 * by the main thread (bench/fuzz.ts). The counts and the index being read live in shared memory
 * (COUNTERS): they survive the worker being terminated. Findings are posted with their input's bytes.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { makeInput } from './mutate.js';
import { READERS } from './readers.js';
import { seedFiles } from './seeds.js';
import { COUNTERS, type Finding, type WorkerInput } from './protocol.js';
import { describeThrow, verdict } from './verdict.js';

const input = workerData as WorkerInput;
const counters = new Int32Array(input.shared);
const reader = READERS.find((r) => r.name === input.reader)!;
const seeds = await reader.seeds(await seedFiles());
Atomics.store(counters, COUNTERS.seeds, seeds.length);
parentPort!.postMessage('started');

/** CPU milliseconds of the process since `from`: this worker's, the main thread being idle. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

async function timed(bytes: Uint8Array) {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const times = () => ({ ms: performance.now() - t, cpu: cpuMs(cpu) });
  try {
    const v = verdict(await reader.read(bytes, reader.source), reader.source);
    return { ...v, ...times() };
  } catch (e) {
    return { kind: 'crash' as const, detail: describeThrow(e), ...times() };
  }
}

for (let i = input.from; i < input.to; i++) {
  const bytes = makeInput(input.seed, reader.name, i, seeds);
  Atomics.store(counters, COUNTERS.current, i);
  Atomics.store(counters, COUNTERS.busy, 1);
  let r: Awaited<ReturnType<typeof timed>> | { kind: 'hang'; detail: string; ms: number; cpu: number } =
    await timed(bytes);
  // Slow is CPU time over the limit (wall time on a shared machine is mostly other processes' turn),
  // and twice: one slow call may be a garbage collection.
  if (r.cpu > input.slowMs) {
    const again = await timed(bytes);
    r =
      again.cpu > input.slowMs
        ? {
            kind: 'hang',
            detail: `${Math.round(r.cpu)} then ${Math.round(again.cpu)} ms of CPU`,
            ms: again.ms,
            cpu: again.cpu,
          }
        : again;
  }
  Atomics.store(counters, COUNTERS.busy, 0);
  const kind = r.kind;
  Atomics.add(counters, COUNTERS[kind], 1);
  if (r.ms > Atomics.load(counters, COUNTERS.maxMs)) Atomics.store(counters, COUNTERS.maxMs, Math.ceil(r.ms));
  if (r.cpu > Atomics.load(counters, COUNTERS.maxCpuMs))
    Atomics.store(counters, COUNTERS.maxCpuMs, Math.ceil(r.cpu));
  if (kind === 'crash' || kind === 'unlocated' || kind === 'hang') {
    const finding: Finding = { index: i, kind, detail: r.detail ?? '', bytes };
    parentPort!.postMessage(finding);
  }
  Atomics.add(counters, COUNTERS.done, 1);
}
parentPort!.postMessage('finished');
