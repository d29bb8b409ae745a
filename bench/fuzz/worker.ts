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

async function timed(bytes: Uint8Array) {
  const t = performance.now();
  try {
    const v = verdict(await reader.read(bytes, reader.source), reader.source);
    return { ...v, ms: performance.now() - t };
  } catch (e) {
    return { kind: 'crash' as const, detail: describeThrow(e), ms: performance.now() - t };
  }
}

for (let i = input.from; i < input.to; i++) {
  const bytes = makeInput(input.seed, reader.name, i, seeds);
  Atomics.store(counters, COUNTERS.current, i);
  Atomics.store(counters, COUNTERS.busy, 1);
  let r = await timed(bytes);
  // One slow call may be the machine (GC, other processes): a hang is slow twice.
  if (r.ms > input.slowMs) {
    const again = await timed(bytes);
    if (again.ms > input.slowMs) {
      r = {
        kind: 'hang' as never,
        detail: `${Math.round(r.ms)} ms then ${Math.round(again.ms)} ms`,
        ms: again.ms,
      };
    } else r = again;
  }
  Atomics.store(counters, COUNTERS.busy, 0);
  const kind = r.kind as 'ok' | 'located' | 'crash' | 'unlocated' | 'hang';
  Atomics.add(counters, COUNTERS[kind], 1);
  if (r.ms > Atomics.load(counters, COUNTERS.maxMs)) Atomics.store(counters, COUNTERS.maxMs, Math.ceil(r.ms));
  if (kind === 'crash' || kind === 'unlocated' || kind === 'hang') {
    const finding: Finding = { index: i, kind, detail: r.detail ?? '', bytes };
    parentPort!.postMessage(finding);
  }
  Atomics.add(counters, COUNTERS.done, 1);
}
parentPort!.postMessage('finished');
