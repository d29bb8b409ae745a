/**
 * Engine benchmark: code selection + documentation audit (`auditCourse`) throughput in fractions per
 * second, at growing numbers of generated fractions, against two anchors measured in the same process: a
 * plain traversal of the same course documents (every fraction, beam, monitoring session and time read),
 * timed on the same chunks, and the anchor size measured first. Courses come from the seeded factory
 * (bench/course-factory.ts) and are generated, validated and audited in chunks, so a million fractions
 * never sit in memory at once. Only `auditCourse` is in the audit timing; `courseSchema.parse` and
 * reading the documents' times when they are loaded (`loadCourse`) are timed on lines of their own. `npm run bench` runs this file compiled by tsc (bench/tsconfig.engine.json), not tsx.
 *
 *   npm run bench                                  # 10k (anchor), 100k, 1M
 *   npm run bench -- --sizes 10000,100000          # other sizes (the 10k anchor is always measured)
 *   options: --anchor N (default 10000), --chunk COURSES (default 250), --seed N (default 20260101),
 *            --warmup N fractions audited first and not reported (default 50000),
 *            --repeats N runs of every size: min, median and max reported (default 3)
 *
 * Prints one JSON object per line (architecture.md, "Benchmarks").
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { auditCourse, type AuditContext } from '../src/core/audit/audit-course.js';
import { DEFAULT_AUDIT_OPTIONS } from '../src/core/audit/audit-options.js';
import { type Course, courseSchema } from '../src/core/model/course.js';
import { loadCourse } from '../src/core/model/course-times.js';
import { BUNDLED_PROFILES } from '../src/core/payers/bundled-profiles.js';
import { SEED_2026 } from '../src/core/rates/seed-2026.js';
import { BENCH_NOW, courseFactory } from './course-factory.js';
import { positiveInt } from './bench-options.js';

const BENCH = 'engine';

interface SizeResult {
  size: number;
  courses: number;
  auditMs: number;
  /** CPU time (user + system, all threads) of the audit: on a loaded machine, less noisy than wall time. */
  auditCpuMs: number;
  traverseMs: number;
  validateMs: number;
  /** Reading the documents' times once, as they are loaded (`loadCourse`), wall and CPU. */
  loadTimesMs: number;
  loadTimesCpuMs: number;
  peakRssBytes: number;
  statuses: Record<string, number>;
  findings: number;
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    anchor: { type: 'string', default: '10000' },
    chunk: { type: 'string', default: '250' },
    seed: { type: 'string', default: '20260101' },
    warmup: { type: 'string', default: '50000' },
    repeats: { type: 'string', default: '3' },
  },
});
const sizes = values.sizes.split(',').map((s) => positiveInt('sizes', s.trim()));
const anchor = positiveInt('anchor', values.anchor);
const chunkCourses = positiveInt('chunk', values.chunk);
const seed = positiveInt('seed', values.seed);
const warmup = positiveInt('warmup', values.warmup);
const repeats = positiveInt('repeats', values.repeats);

const context: AuditContext = {
  profiles: new Map(BUNDLED_PROFILES.map((p) => [p.id, p])),
  rates: SEED_2026,
  options: DEFAULT_AUDIT_OPTIONS,
  now: BENCH_NOW,
};

/**
 * The traversal anchor: what any pass over the documents costs. Reads every fraction's identity and date,
 * every beam's and monitoring session's times, gaps and excursions, and every signature.
 */
function traverse(course: Course): number {
  let n = course.courseId.length + course.schedule.length;
  for (const f of course.fractions) {
    n += f.id.length + f.number + f.date.length;
    for (const b of f.beams) n += b.name.length + b.beamOn.length + b.beamOff.length;
    for (const m of f.monitoring) {
      n += m.start.length + m.end.length;
      for (const g of m.gaps) n += g.start.length + g.end.length;
      for (const x of m.excursions) n += x.start.length + x.end.length + (x.beamHeld ? 1 : 0);
    }
    n += f.sgrtRecord?.signature?.signedAt.length ?? 0;
  }
  return n;
}
/** Defeats dead-code elimination of the traversal. */
let sink = 0;

/** Generate, validate and audit `size` fractions, `chunkCourses` courses at a time. */
function run(size: number, runSeed: number): SizeResult {
  const factory = courseFactory(runSeed);
  const result: SizeResult = {
    size,
    courses: 0,
    auditMs: 0,
    auditCpuMs: 0,
    traverseMs: 0,
    validateMs: 0,
    loadTimesMs: 0,
    loadTimesCpuMs: 0,
    peakRssBytes: process.memoryUsage().rss,
    statuses: { ready: 0, hold: 0, downgrade: 0 },
    findings: 0,
  };
  const sampleRss = () => {
    result.peakRssBytes = Math.max(result.peakRssBytes, process.memoryUsage().rss);
  };
  let remaining = size;
  while (remaining > 0) {
    const inputs = [];
    for (let i = 0; i < chunkCourses && remaining > 0; i++) {
      const input = factory.next(remaining);
      remaining -= input.fractions.length;
      inputs.push(input);
    }
    sampleRss();

    let start = performance.now();
    const courses: Course[] = inputs.map((input) => courseSchema.parse(input));
    result.validateMs += performance.now() - start;
    inputs.length = 0;
    sampleRss();

    start = performance.now();
    let cpu = process.cpuUsage();
    for (const course of courses) loadCourse(course);
    result.loadTimesMs += performance.now() - start;
    let used = process.cpuUsage(cpu);
    result.loadTimesCpuMs += (used.user + used.system) / 1000;

    start = performance.now();
    sink += courses.reduce((n, course) => n + traverse(course), 0);
    result.traverseMs += performance.now() - start;

    start = performance.now();
    cpu = process.cpuUsage();
    const audits = courses.map((course) => auditCourse(course, context));
    result.auditMs += performance.now() - start;
    used = process.cpuUsage(cpu);
    result.auditCpuMs += (used.user + used.system) / 1000;
    sampleRss();

    result.courses += courses.length;
    for (const audit of audits) {
      result.findings += audit.findings.length;
      for (const f of audit.fractions) {
        result.statuses[f.status] = (result.statuses[f.status] ?? 0) + 1;
        result.findings += f.findings.length;
      }
    }
  }
  return result;
}

const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);
const median = (xs: number[]): number => sorted(xs)[Math.floor((xs.length - 1) / 2)]!;

/** `repeats` runs of one size (same seed, same documents): min, median and max of each timing. */
function runRepeated(size: number): { first: SizeResult; runs: SizeResult[] } {
  const runs = Array.from({ length: repeats }, () => run(size, seed));
  return { first: runs[0]!, runs };
}

const perSecond = (fractions: number, ms: number): number => Math.round((fractions / ms) * 1000);
const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const sig3 = (x: number): number => Number(x.toPrecision(3));
const mib = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;
const print = (line: Record<string, unknown>) => console.log(JSON.stringify({ bench: BENCH, ...line }));
/** Fractions per second of each run: [min, median, max]. */
const spread = (size: number, ms: number[]): [number, number, number] => {
  const rates = sorted(ms.map((m) => perSecond(size, m)));
  return [rates[0]!, median(rates), rates[rates.length - 1]!];
};

// Warm-up (not reported, another seed): the audit reaches steady speed only after some 40k fractions
// (JIT tiers, Temporal/Intl caches); without it the anchor would be measured cold and every ratio inflated.
run(warmup, seed + 1);

const ordered = [anchor, ...sizes.filter((s) => s !== anchor).sort((a, b) => a - b)];
let baseAudit: number | undefined;
let baseValidate: number | undefined;
let baseRss: number | undefined;
for (const size of ordered) {
  const { first, runs } = runRepeated(size);
  const [auditMin, audit, auditMax] = spread(
    size,
    runs.map((r) => r.auditMs),
  );
  const [traverseMin, traverse, traverseMax] = spread(
    size,
    runs.map((r) => r.traverseMs),
  );
  const [, validate] = spread(
    size,
    runs.map((r) => r.validateMs),
  );
  const peakRss = Math.max(...runs.map((r) => r.peakRssBytes));
  baseAudit ??= audit;
  baseValidate ??= validate;
  baseRss ??= peakRss;
  print({
    metric: 'fractions_per_second',
    size,
    value: audit,
    min: auditMin,
    max: auditMax,
    unit: 'fractions/s',
    anchor: 'plain traversal of the same documents',
    baseline: traverse,
    baseline_min: traverseMin,
    baseline_max: traverseMax,
    ratio: sig3(audit / traverse),
    cpu_value: spread(
      size,
      runs.map((r) => r.auditCpuMs),
    )[1],
    size_ratio: round3(audit / baseAudit),
    runs: repeats,
    courses: first.courses,
    audit_seconds: round3(median(runs.map((r) => r.auditMs)) / 1000),
    statuses: first.statuses,
    findings: first.findings,
  });
  print({
    metric: 'validation_fractions_per_second',
    size,
    value: validate,
    unit: 'fractions/s',
    baseline: baseValidate,
    ratio: round3(validate / baseValidate),
  });
  print({
    metric: 'load_times_fractions_per_second',
    size,
    value: spread(
      size,
      runs.map((r) => r.loadTimesMs),
    )[1],
    cpu_value: spread(
      size,
      runs.map((r) => r.loadTimesCpuMs),
    )[1],
    unit: 'fractions/s',
    // Audit and load together, per CPU second: what the audit cost before the times moved to the load.
    audit_and_load_cpu_value: spread(
      size,
      runs.map((r) => r.auditCpuMs + r.loadTimesCpuMs),
    )[1],
  });
  print({
    metric: 'peak_rss',
    size,
    value: mib(peakRss),
    unit: 'MiB',
    baseline: mib(baseRss),
    ratio: round3(peakRss / baseRss),
  });
}

// The anchor size once more, last: if it too has slowed down, the drop at larger sizes is the machine
// (other load, thermal) or the process state, not the size.
const again = spread(
  anchor,
  runRepeated(anchor).runs.map((r) => r.auditMs),
)[1];
print({
  metric: 'fractions_per_second_anchor_recheck',
  size: anchor,
  value: again,
  unit: 'fractions/s',
  baseline: baseAudit,
  ratio: round3(again / baseAudit!),
  sink: sink % 1000,
});
