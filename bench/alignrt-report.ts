/**
 * alignRT Treatment Report reader benchmark: `readTreatmentReport` throughput in pages per second on a
 * generated set of reports (seeded), against the anchor of unpdf's `extractText` on the same PDFs in the
 * same run: pdf.js text extraction with no layout work, the floor any PDF reader here stands on. A ratio
 * near 1 means the layout, date and field work costs little next to pdf.js itself.
 *
 *   node --import tsx bench/alignrt-report.ts              # 60 reports (~200 pages), seed 20260302, 3 repeats
 *   options: --reports N, --seed N, --repeats N (median kept)
 *
 * Each report has 1–3 monitoring sessions with 0–2 graph pages each, US (month first, AM/PM) or day-first
 * 24-hour dates, and a content stream in reading order or right column first. Each report is read by the
 * anchor and then by the reader, in turn, so both see the same machine load; a pass over the set is
 * repeated and the median pass kept. `reports_ok`/`sessions_match` count reports read without a problem
 * and with the generated number of sessions (a change there means the reader's results changed).
 * Prints one JSON object per line (architecture.md, "Benchmarks").
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { extractText } from 'unpdf';
import { readTreatmentReport } from '../src/formats/alignrt/report/read-treatment-report.js';
import type { DateOrder } from '../src/formats/alignrt/report/report-types.js';
import {
  reportPdf,
  type ReportSpec,
  type SessionSpec,
} from '../test/fixtures/alignrt/report/make-reports.js';
import { positiveInt } from './bench-options.js';
import { mulberry32 } from '../src/app/demo-data/prng.js';

const BENCH = 'alignrt-report';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '60' },
    seed: { type: 'string', default: '20260302' },
    repeats: { type: 'string', default: '3' },
  },
});
const reportCount = positiveInt('reports', values.reports);
const seed = positiveInt('seed', values.seed);
const repeats = positiveInt('repeats', values.repeats);

const pad = (n: number) => String(n).padStart(2, '0');

/** Seconds after midnight on a day of March 2026 → the report's printed date-time in `order`. */
function printed(day: number, sec: number, order: DateOrder, withSeconds = true): string {
  const h = Math.floor(sec / 3600);
  const m = Math.floor(sec / 60) % 60;
  const s = sec % 60;
  if (order === 'MDY') {
    const h12 = h % 12 === 0 ? 12 : h % 12;
    return `3/${day}/2026 ${h12}:${pad(m)}${withSeconds ? `:${pad(s)}` : ''} ${h < 12 ? 'AM' : 'PM'}`;
  }
  return `${pad(day)}/03/2026 ${pad(h)}:${pad(m)}${withSeconds ? `:${pad(s)}` : ''}`;
}
const duration = (sec: number) =>
  `${pad(Math.floor(sec / 3600))}:${pad(Math.floor(sec / 60) % 60)}:${pad(sec % 60)}`;

function reportSpec(rnd: () => number, i: number): { spec: ReportSpec; order: DateOrder; sessions: number } {
  const order: DateOrder = rnd() < 0.5 ? 'MDY' : 'DMY';
  const day = 2 + Math.floor(rnd() * 27);
  const start = 7 * 3600 + Math.floor(rnd() * 9 * 3600);
  const count = 1 + Math.floor(rnd() * 3);
  const sessions: SessionSpec[] = [];
  let t = start + 120;
  for (let k = 0; k < count; k++) {
    const length = 180 + Math.floor(rnd() * 600);
    const iso = [rnd(), rnd(), rnd()].map((v) => ((v - 0.5) * 400).toFixed(1)).join(', ');
    sessions.push({
      title: k === count - 1 ? 'FINAL MONITORING SESSION' : `MONITORING SESSION ${k + 1}`,
      protocol: ['ChestWallDIBH', 'Breast DIBH', 'Thorax SBRT', 'Pelvis'][Math.floor(rnd() * 4)]!,
      planName: `PLAN${1000 + Math.floor(rnd() * 9000)}`,
      isocentre: iso,
      start: printed(day, t, order),
      end: printed(day, t + length, order),
      duration: duration(length - 1),
      graphPages: Math.floor(rnd() * 3),
    });
    t += length + 60 + Math.floor(rnd() * 240);
  }
  const spec: ReportSpec = {
    reportDateTime: printed(day, t + 300, order, false),
    name: `BENCH, PATIENT ${i}`,
    patientId: `SYN${String(10000 + i)}`,
    dateOfBirth: order === 'MDY' ? '6/15/1955' : '15/06/1955',
    pcrNumber: `${100 + Math.floor(rnd() * 900)}-${1000 + Math.floor(rnd() * 9000)}`,
    start: printed(day, start, order),
    end: printed(day, t, order),
    duration: duration(t - start - 1),
    sessions,
    order: rnd() < 0.3 ? 'right-first' : 'natural',
  };
  return { spec, order, sessions: count };
}

const rnd = mulberry32(seed);
const inputs: { bytes: Uint8Array; order: DateOrder; sessions: number }[] = [];
for (let i = 0; i < reportCount; i++) {
  const { spec, order, sessions } = reportSpec(rnd, i);
  inputs.push({ bytes: await reportPdf(spec), order, sessions });
}

/** One pass over the set, each report read by the anchor and then by the reader, so both see the same load. */
async function pass(): Promise<{
  anchorMs: number;
  readerMs: number;
  pages: number;
  ok: number;
  sessionsOk: number;
}> {
  const totals = { anchorMs: 0, readerMs: 0, pages: 0, ok: 0, sessionsOk: 0 };
  for (const input of inputs) {
    let t0 = performance.now();
    totals.pages += (await extractText(input.bytes.slice())).totalPages;
    totals.anchorMs += performance.now() - t0;
    t0 = performance.now();
    const result = await readTreatmentReport(input.bytes, 'bench.pdf', { dateOrder: input.order });
    totals.readerMs += performance.now() - t0;
    if (result.ok) {
      totals.ok++;
      if (result.value.sessions.length === input.sessions) totals.sessionsOk++;
    }
  }
  return totals;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

// Warm-up: pdf.js module load, JIT, font tables.
await pass();

const runs: Awaited<ReturnType<typeof pass>>[] = [];
for (let r = 0; r < repeats; r++) runs.push(await pass());
const { pages, ok, sessionsOk } = runs[runs.length - 1]!;
const anchorMs = median(runs.map((r) => r.anchorMs));
const readerMs = median(runs.map((r) => r.readerMs));
const baseline = (pages / anchorMs) * 1000;
const value = (pages / readerMs) * 1000;
const line = (metric: string, v: number, unit: string, b: number, extra: object = {}) =>
  console.log(
    JSON.stringify({
      bench: BENCH,
      metric,
      value: round(v),
      unit,
      baseline: round(b),
      ratio: round(v / b, 3),
      ...extra,
    }),
  );
line('pages_per_second', value, 'pages/s', baseline, {
  reports: inputs.length,
  pages,
  reports_ok: ok,
  sessions_match: sessionsOk,
  anchor: 'unpdf extractText',
});
line('reports_per_second', (inputs.length / readerMs) * 1000, 'reports/s', (inputs.length / anchorMs) * 1000);
