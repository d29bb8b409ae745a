/**
 * Engine benchmark: code selection + documentation audit (`auditCourse`) throughput in fractions per
 * second, at growing numbers of generated fractions, against the anchor size measured first in the same
 * process. Courses come from the seeded factory (bench/course-factory.ts) and are generated, validated
 * and audited in chunks, so a million fractions never sit in memory at once. Only `auditCourse` is in
 * the audit timing; `courseSchema.parse` is timed on its own line.
 *
 *   npm run bench                                  # 10k (anchor), 100k, 1M
 *   npm run bench -- --sizes 10000,100000          # other sizes (the 10k anchor is always measured)
 *   options: --anchor N (default 10000), --chunk COURSES (default 250), --seed N (default 20260101),
 *            --warmup N fractions audited first and not reported (default 50000),
 *            --repeats N runs of the anchor size, the median reported (default 3)
 *
 * Prints one JSON object per line (architecture.md, "Benchmarks").
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { auditCourse, type AuditContext } from '../src/core/audit/audit-course.js';
import { DEFAULT_AUDIT_OPTIONS } from '../src/core/audit/audit-options.js';
import { type Course, courseSchema } from '../src/core/model/course.js';
import { BUNDLED_PROFILES } from '../src/core/payers/bundled-profiles.js';
import { SEED_2026 } from '../src/core/rates/seed-2026.js';
import { BENCH_NOW, courseFactory } from './course-factory.js';
import { positiveInt } from './bench-options.js';

const BENCH = 'engine';

interface SizeResult {
  size: number;
  courses: number;
  auditMs: number;
  validateMs: number;
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

/** Generate, validate and audit `size` fractions, `chunkCourses` courses at a time. */
function run(size: number, runSeed: number): SizeResult {
  const factory = courseFactory(runSeed);
  const result: SizeResult = {
    size,
    courses: 0,
    auditMs: 0,
    validateMs: 0,
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
    const audits = courses.map((course) => auditCourse(course, context));
    result.auditMs += performance.now() - start;
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

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** The anchor: about a second of work, so it is run `repeats` times and the median times are kept. */
function runAnchor(): SizeResult {
  const runs = Array.from({ length: repeats }, () => run(anchor, seed));
  return {
    ...runs[0]!,
    auditMs: median(runs.map((r) => r.auditMs)),
    validateMs: median(runs.map((r) => r.validateMs)),
    peakRssBytes: Math.max(...runs.map((r) => r.peakRssBytes)),
  };
}

const perSecond = (fractions: number, ms: number): number => Math.round((fractions / ms) * 1000);
const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const mib = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;
const print = (line: Record<string, unknown>) => console.log(JSON.stringify({ bench: BENCH, ...line }));

// Warm-up (not reported, another seed): the audit reaches steady speed only after some 40k fractions
// (JIT tiers, Temporal/Intl caches); without it the anchor would be measured cold and every ratio inflated.
run(warmup, seed + 1);

const ordered = [anchor, ...sizes.filter((s) => s !== anchor).sort((a, b) => a - b)];
let base: SizeResult | undefined;
for (const size of ordered) {
  const r = size === anchor ? runAnchor() : run(size, seed);
  base ??= r;
  const audit = perSecond(size, r.auditMs);
  const auditBase = perSecond(base.size, base.auditMs);
  print({
    metric: 'fractions_per_second',
    size,
    value: audit,
    unit: 'fractions/s',
    baseline: auditBase,
    ratio: round3(audit / auditBase),
    courses: r.courses,
    audit_seconds: round3(r.auditMs / 1000),
    statuses: r.statuses,
    findings: r.findings,
  });
  const validate = perSecond(size, r.validateMs);
  const validateBase = perSecond(base.size, base.validateMs);
  print({
    metric: 'validation_fractions_per_second',
    size,
    value: validate,
    unit: 'fractions/s',
    baseline: validateBase,
    ratio: round3(validate / validateBase),
    validate_seconds: round3(r.validateMs / 1000),
  });
  print({
    metric: 'peak_rss',
    size,
    value: mib(r.peakRssBytes),
    unit: 'MiB',
    baseline: mib(base.peakRssBytes),
    ratio: round3(r.peakRssBytes / base.peakRssBytes),
  });
}

// The anchor once more, last: if it too has slowed down, the drop at larger sizes is the machine (other
// load, thermal) or the process state, not the size.
const again = runAnchor();
const anchorBase = perSecond(base!.size, base!.auditMs);
const anchorAgain = perSecond(anchor, again.auditMs);
print({
  metric: 'fractions_per_second_anchor_recheck',
  size: anchor,
  value: anchorAgain,
  unit: 'fractions/s',
  baseline: anchorBase,
  ratio: round3(anchorAgain / anchorBase),
});
