/**
 * DICOM RT Beams Treatment Record reader benchmark: `readRtBeamsRecord` in records per second, against the
 * anchor of `dicomParser.parseDicom` on the same records in the same run (ratio = ours ÷ anchor), twice:
 * on buffers in memory (the reader alone), and on files (`source: files`: each read starts with
 * `readFileSync` of one of the `distinct` files, written to a temporary folder first, as an import reads
 * them; the anchor reads the same files).
 *
 *   node --import tsx bench/dicom-rt-record.ts
 *   options: --records N per timed run of the tangents shape (default 2000; the VMAT shape, ~10 times the
 *            bytes, reads a tenth of it), --distinct N buffers cycled (default 500), --repeats N timed runs,
 *            the median kept (default 5), --seed N (default 20260302)
 *
 * dicom-parser itself takes ~0.1–0.3 ms per 3 KB record on the 2-core machines (it builds a string per
 * tag), so the default run is kept to a few thousand records (~20–30 s in all). Within a run the two paths
 * alternate in blocks of 50 reads, so other load on the machine slows both alike and the ratio holds.
 *
 * Two record shapes, one line each: the breast-tangents record of the fixtures (2 static beams, 12 and 10
 * control points, implicit VR, ~3 KB) and a VMAT-like record (2 arcs of 178 control points, ~32 KB).
 * One buffer of each shape is written with dcmjs; the `distinct` copies differ only in a few digits of the
 * SOP Instance UID (seeded), so no two consecutive reads see identical bytes. Prints one JSON object per
 * line (architecture.md, "Benchmarks").
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import dicomParser from 'dicom-parser';
import { readRtBeamsRecord } from '../src/formats/dicom/read-rt-beams-record.js';
import {
  BREAST_TANGENTS,
  type RecordPlan,
  rtRecord,
  VMAT,
  writeDicom,
} from '../test/fixtures/dicom/build-rt-record.js';
import { positiveInt } from './bench-options.js';
import { mulberry32 } from '../src/app/demo-data/prng.js';

const BENCH = 'dicom-rt-record';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '2000' },
    distinct: { type: 'string', default: '500' },
    repeats: { type: 'string', default: '5' },
    seed: { type: 'string', default: '20260302' },
  },
});
const records = positiveInt('records', values.records);
const distinct = positiveInt('distinct', values.distinct);
const repeats = positiveInt('repeats', values.repeats);
const seed = positiveInt('seed', values.seed);

/** `distinct` copies of one dcmjs-written record, each with other digits at the end of its SOP Instance UID. */
function buffers(plan: RecordPlan, random: () => number): Uint8Array[] {
  const base = writeDicom(rtRecord({ ...plan, sopInstanceUid: `${plan.sopInstanceUid}.100000` }));
  const marker = new TextEncoder().encode(`${plan.sopInstanceUid}.100000`);
  const at: number[] = [];
  for (let i = 0; i + marker.length <= base.length; i++) {
    if (marker.every((b, k) => base[i + k] === b)) at.push(i + marker.length - 5); // meta and data set copies
  }
  return Array.from({ length: distinct }, () => {
    const copy = base.slice();
    const digits = String(Math.floor(random() * 100000)).padStart(5, '0');
    for (const offset of at) for (let k = 0; k < 5; k++) copy[offset + k] = digits.charCodeAt(k);
    return copy;
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * One timed run: `count` reads by each path, in alternating blocks of `BLOCK` (anchor, ours, anchor…) over
 * the same inputs, so a busy machine slows both alike. Wall time and this process's CPU time (user +
 * system, all its threads: GC included) of each path; on a loaded machine the CPU time is the steadier.
 * `sink` defeats dead-code elimination.
 */
const BLOCK = 50;
interface Timing {
  anchorMs: number;
  ourMs: number;
  anchorCpuMs: number;
  ourCpuMs: number;
  sink: number;
}
function timeBoth<T>(
  inputs: T[],
  count: number,
  anchor: (input: T) => number,
  ours: (input: T) => number,
): Timing {
  const t: Timing = { anchorMs: 0, ourMs: 0, anchorCpuMs: 0, ourCpuMs: 0, sink: 0 };
  const block = (from: number, to: number, read: (input: T) => number): [number, number] => {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    for (let i = from; i < to; i++) t.sink += read(inputs[i % inputs.length]!);
    const used = process.cpuUsage(cpu);
    return [performance.now() - wall, (used.user + used.system) / 1000];
  };
  for (let from = 0; from < count; from += BLOCK) {
    const to = Math.min(count, from + BLOCK);
    const [anchorMs, anchorCpuMs] = block(from, to, anchor);
    const [ourMs, ourCpuMs] = block(from, to, ours);
    t.anchorMs += anchorMs;
    t.anchorCpuMs += anchorCpuMs;
    t.ourMs += ourMs;
    t.ourCpuMs += ourCpuMs;
  }
  return t;
}

const anchorRead = (bytes: Uint8Array): number => Object.keys(dicomParser.parseDicom(bytes).elements).length;
const ourRead = (bytes: Uint8Array): number => {
  const result = readRtBeamsRecord(bytes, 'bench.dcm');
  if (!result.ok) throw new Error(`bench input did not read: ${JSON.stringify(result.problems)}`);
  return result.value.beams.length;
};

const fromFile =
  (read: (bytes: Uint8Array) => number) =>
  (path: string): number =>
    read(readFileSync(path));

const random = mulberry32(seed);
const folder = mkdtempSync(join(tmpdir(), 'dicom-rt-record-'));
try {
  for (const [metric, plan, count] of [
    ['records_per_second', BREAST_TANGENTS, records],
    ['records_per_second_vmat', VMAT, Math.max(1, Math.round(records / 10))],
  ] as const) {
    const inputs = buffers(plan, random);
    const paths = inputs.map((bytes, i) => {
      const path = join(folder, `${metric}-${i}.dcm`);
      writeFileSync(path, bytes);
      return path;
    });
    const control_points = plan.beams.reduce((n, b) => n + b.points.count, 0);
    const shape = { records: count, record_bytes: inputs[0]!.length, control_points };
    report(metric, 'memory', 'dicomParser.parseDicom', shape, () =>
      timeBoth(inputs, count, anchorRead, ourRead),
    );
    report(metric, 'files', 'readFileSync + dicomParser.parseDicom', shape, () =>
      timeBoth(paths, count, fromFile(anchorRead), fromFile(ourRead)),
    );
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}

/** A warm-up run (not reported: both paths reach their optimised tiers), then `repeats` timed runs. */
function report(
  metric: string,
  source: 'memory' | 'files',
  anchor: string,
  shape: { records: number; record_bytes: number; control_points: number },
  run: () => Timing,
): void {
  run();
  const runs = Array.from({ length: repeats }, run);
  const anchorMs = runs.map((r) => r.anchorMs);
  const ourMs = runs.map((r) => r.ourMs);
  const perSecond = (ms: number) => Math.round((shape.records / ms) * 1000);
  const value = perSecond(median(ourMs));
  const baseline = perSecond(median(anchorMs));
  const cpuValue = perSecond(median(runs.map((r) => r.ourCpuMs)));
  const cpuBaseline = perSecond(median(runs.map((r) => r.anchorCpuMs)));
  const range = (ms: number[]) => [perSecond(Math.max(...ms)), perSecond(Math.min(...ms))];
  console.log(
    JSON.stringify({
      bench: BENCH,
      metric,
      source,
      value,
      unit: 'records/s',
      // Over the `repeats` runs: [slowest, fastest].
      min_max: range(ourMs),
      baseline,
      baseline_min_max: range(anchorMs),
      ratio: round3(value / baseline),
      // Records per second of this process's CPU time (medians), and their ratio.
      cpu_value: cpuValue,
      cpu_baseline: cpuBaseline,
      cpu_ratio: round3(cpuValue / cpuBaseline),
      anchor,
      ...shape,
      load_average: loadavg().map((x) => Math.round(x * 10) / 10),
    }),
  );
}
