/**
 * AlignRT real-time-delta log reader benchmark: `readRtdLog` throughput in MB/s on a generated ~50 MB
 * log (seeded), against anchors measured in the same run on the same text:
 *   - `text.split(/\r?\n/).map((l) => l.split(','))`, the naive split a reader must beat;
 *   - `new TextDecoder().decode(bytes)`, the floor for reading from bytes;
 * plus many small logs (the clinic case: thousands of ~100 KB files) and the peak RSS.
 *
 *   node --import tsx bench/alignrt-rtd.ts                 # 50 MB, 300 small logs, seed 20260302, 3 repeats
 *   options: --mb N (size of the large log), --seed N, --repeats N (median kept), --small N (small logs)
 *
 * Prints one JSON object per line (architecture.md, "Benchmarks").
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { readRtdLog } from '../src/formats/alignrt/rtd/read-rtd-log.js';
import { positiveInt } from './bench-options.js';
import { mulberry32 } from '../src/app/demo-data/prng.js';

const BENCH = 'alignrt-rtd';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '50' },
    seed: { type: 'string', default: '20260302' },
    repeats: { type: 'string', default: '3' },
    small: { type: 'string', default: '300' },
  },
});
const targetBytes = positiveInt('mb', values.mb) * 1_000_000;
const seed = positiveInt('seed', values.seed);
const repeats = positiveInt('repeats', values.repeats);
const smallLogs = positiveInt('small', values.small);

/** Numbers as AlignRT writes them: 7 significant digits, small ones as `3.682473E-02`. */
function fmt(v: number): string {
  if (v !== 0 && Math.abs(v) < 0.1) {
    const [m, e] = v.toExponential(6).split('e') as [string, string];
    const exp = Number(e);
    return `${m}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(Number(v.toPrecision(7)));
}

const HEADER = [
  'Patient ID:, BENCH-0001',
  'Start Time:, 260302_081530',
  'End Time:, 260303_081530',
  'XRayOn Time:, Not set',
  'XRayOff Time:, Not set',
  'First XRayOn Time:, 30-December-99 00:00:00.000',
  'Last XRayOn Time:, 30-December-99 00:00:00.000',
  'RTN (base couch):, 100000',
  'Field:, ',
  'SSD:, -',
  'Coords:, IEC 60601-2-1',
  'Elapsed Time (sec), Translation (cm), D.VRT (cm), D.LNG (cm), D.LAT (cm), D.Rtn (deg), D.Roll (deg), D.Pitch (deg), D.Amp (cm), XRayState, Couch Rot (deg), Trans Threshold (cm), Rot Threshold (deg), Beamhold Timer (sec), Beamhold State, ROI Index, RMS (mm), Gating Active',
].join('\r\n');

/**
 * A DIBH-like session of about `bytes` bytes: beams of 40–90 s with pauses, breath-hold excursions that
 * gating holds, short runs of invalid (999) samples, samples every 0.3–0.42 s.
 */
function generate(bytes: number, rnd: () => number): string {
  const rows: string[] = [HEADER];
  let size = HEADER.length;
  let t = 0.4;
  let beamLeft = 0;
  let pauseLeft = 20;
  let drift = 0;
  let excursion = 0;
  let invalid = 0;
  let timer = 5000;
  while (size < bytes) {
    if (beamLeft > 0) beamLeft -= 1;
    else if (pauseLeft > 0) pauseLeft -= 1;
    else {
      beamLeft = 120 + Math.floor(rnd() * 150);
      pauseLeft = 60 + Math.floor(rnd() * 150);
    }
    if (excursion === 0 && beamLeft > 0 && rnd() < 0.002) excursion = 30;
    if (invalid === 0 && rnd() < 0.001) invalid = 3 + Math.floor(rnd() * 10);
    drift = drift * 0.95 + (rnd() - 0.5) * 0.01;
    const lift = excursion > 0 ? Math.sin(((30 - excursion) / 30) * Math.PI) * 0.6 : 0;
    if (excursion > 0) excursion--;
    const vrt = drift + (rnd() - 0.5) * 0.1 + lift;
    const lng = (rnd() - 0.5) * 0.1;
    const lat = (rnd() - 0.5) * 0.1;
    const trans = Math.sqrt(vrt * vrt + lng * lng + lat * lat);
    const on = beamLeft > 0 && trans <= 0.3 ? 1 : 0;
    const bad = invalid > 0;
    if (invalid > 0) invalid--;
    const d = (x: number) => (bad ? '999' : fmt(x));
    const row = [
      t.toFixed(3),
      d(trans),
      d(vrt),
      d(lng),
      d(lat),
      d((rnd() - 0.5) * 1),
      d((rnd() - 0.5) * 1),
      d((rnd() - 0.5) * 1.2),
      fmt(vrt * 0.9),
      on,
      0,
      0.3,
      3,
      (timer += rnd() < 0.1 ? 1 : 0),
      1,
      1,
      fmt(0.1 + rnd() * 0.4),
      1,
    ].join(', ');
    rows.push(row);
    size += row.length + 2;
    t += 0.3 + rnd() * 0.12;
  }
  return rows.join('\r\n') + '\r\n';
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;
const mib = (bytes: number): number => round(bytes / 1048576);
const print = (line: Record<string, unknown>) => console.log(JSON.stringify({ bench: BENCH, ...line }));

let peakRss = process.memoryUsage().rss;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

/** Median milliseconds of `repeats` runs of `fn`, after one unreported warm-up run when `warm` (the reader's JIT). */
function time(fn: () => unknown, warm = true): number {
  if (warm) fn();
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    const kept = fn();
    ms.push(performance.now() - start);
    sampleRss();
    if (kept === undefined) throw new Error('nothing returned');
  }
  return median(ms);
}

const text = generate(targetBytes, mulberry32(seed));
const bytes = new TextEncoder().encode(text);
const mb = bytes.length / 1_000_000;
const check = readRtdLog(text, 'bench.txt');
if (!check.ok) throw new Error(`the generated log does not read: ${JSON.stringify(check.problems)}`);
const samples = check.value.samples.count;
const facts = {
  beam_on_intervals: check.value.derived.beamOn.length,
  beam_holds: check.value.derived.beamHolds.length,
  gaps: check.value.derived.gaps.length,
  excursions: check.value.derived.excursions.length,
};
sampleRss();
const rssInput = peakRss;

// The reader first, so its peak RSS is not the anchors' (the split anchor holds millions of strings).
const readText = time(() => readRtdLog(text, 'bench.txt'));
const readBytes = time(() => readRtdLog(bytes, 'bench.txt'));
const rssReader = peakRss;

// Many small logs: the clinic case (per-file overhead: header, column plan, derivation).
const smalls = Array.from({ length: smallLogs }, (_, i) => generate(100_000, mulberry32(seed + 1 + i)));
const smallMb = smalls.reduce((s, x) => s + x.length, 0) / 1_000_000;
const readSmall = time(() => smalls.map((s, i) => readRtdLog(s, `small-${i}.txt`)));
const splitSmall = time(() => smalls.map((s) => s.split(/\r?\n/).map((l) => l.split(','))), false);

const decode = time(() => new TextDecoder().decode(bytes), false);
const split = time(() => text.split(/\r?\n/).map((l) => l.split(',')), false);

const mbps = (size: number, ms: number) => round(size / (ms / 1000));
print({
  metric: 'read_text_mb_per_s',
  value: mbps(mb, readText),
  unit: 'MB/s',
  baseline: mbps(mb, split),
  baseline_name: "text.split(/\\r?\\n/).map((l) => l.split(','))",
  ratio: round(split / readText, 3),
  size_mb: round(mb),
  samples,
  read_seconds: round(readText / 1000, 3),
  ...facts,
});
print({
  metric: 'read_bytes_mb_per_s',
  value: mbps(mb, readBytes),
  unit: 'MB/s',
  baseline: mbps(mb, decode),
  baseline_name: 'new TextDecoder().decode(bytes)',
  ratio: round(decode / readBytes, 3),
  size_mb: round(mb),
});
print({
  metric: 'small_logs_mb_per_s',
  value: mbps(smallMb, readSmall),
  unit: 'MB/s',
  baseline: mbps(smallMb, splitSmall),
  baseline_name: "split(/\\r?\\n/).map((l) => l.split(',')) per log",
  ratio: round(splitSmall / readSmall, 3),
  logs: smallLogs,
  logs_per_second: Math.round(smallLogs / (readSmall / 1000)),
  size_mb: round(smallMb),
});
print({
  metric: 'peak_rss_reader',
  value: mib(rssReader),
  unit: 'MiB',
  baseline: mib(rssInput),
  baseline_name: 'RSS with the input text and bytes held, before reading',
  ratio: round(rssReader / rssInput, 3),
});
print({
  metric: 'peak_rss',
  value: mib(peakRss),
  unit: 'MiB',
  baseline: mib(rssInput),
  baseline_name: 'RSS with the input text and bytes held, before reading',
  ratio: round(peakRss / rssInput, 3),
});
