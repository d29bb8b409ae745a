/** What bench/fuzz.ts and its worker (bench/fuzz/worker.ts) share. */

/** Slots of the shared Int32Array. */
export const COUNTERS = {
  current: 0,
  busy: 1,
  done: 2,
  ok: 3,
  located: 4,
  crash: 5,
  unlocated: 6,
  hang: 7,
  maxMs: 8,
  seeds: 9,
  maxCpuMs: 10,
} as const;
export const COUNTER_SLOTS = 11;

export interface WorkerInput {
  reader: string;
  seed: number;
  from: number;
  to: number;
  /** A call taking more CPU time than this is run again; slow twice is a hang. */
  slowMs: number;
  shared: SharedArrayBuffer;
}

export interface Finding {
  index: number;
  kind: 'crash' | 'unlocated' | 'hang';
  detail: string;
  bytes: Uint8Array;
}
