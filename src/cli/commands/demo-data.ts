import { performance } from 'node:perf_hooks';
import { generateDemoClinic, outDirProblem } from '../../app/demo-data/generate-demo-clinic.js';
import { UsageError } from '../cli-errors.js';
import { instantOption } from '../shared-options.js';
import { counted } from '../../core/text/plural.js';

export interface DemoDataCommandOptions {
  /** Patients (one course each), 1–2000; default 40. */
  patients?: string;
  /** Treatment days (weekdays), 1–60; default 30. */
  days?: string;
  /** Any integer; default 1. */
  seed?: string;
  /** The folder to write (required); refused when not empty unless `force`. */
  out?: string;
  /** The export instant, e.g. 2026-03-27T12:00:00-04:00; default the last treatment day 08:00 + 4 h. */
  now?: string;
  force?: boolean;
}

export const DEMO_DATA_DEFAULTS = { patients: 40, days: 30, seed: 1 } as const;

function integerOption(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const n = /^[+-]?\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
  }
  return n;
}

const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/**
 * `sgrt-billing demo-data --patients N --days D --seed S --out DIR [--now INSTANT] [--force]`: writes a
 * synthetic clinic in the real export formats, with the expected audit outcome per fraction
 * (src/app/demo-data/README.md). Progress on stderr, a summary on stdout.
 */
export async function runDemoData(opts: DemoDataCommandOptions): Promise<number> {
  const patients = integerOption('--patients', opts.patients, DEMO_DATA_DEFAULTS.patients, 1, 2000);
  const days = integerOption('--days', opts.days, DEMO_DATA_DEFAULTS.days, 1, 60);
  const seed = integerOption(
    '--seed',
    opts.seed,
    DEMO_DATA_DEFAULTS.seed,
    Number.MIN_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER,
  );
  const now = instantOption(opts.now);
  if (opts.out === undefined || opts.out.trim() === '') {
    throw new UsageError('--out <folder> is required: the folder to write the clinic to');
  }
  const problem = await outDirProblem(opts.out, opts.force === true, process.cwd());
  if (problem) throw new UsageError(problem);

  const started = performance.now();
  process.stderr.write(
    `demo-data: ${counted(patients, 'patient')}, ${counted(days, 'treatment day')}, seed ${seed}\n`,
  );
  let group: { name: string; files: number; bytes: number } | null = null;
  const flush = () => {
    if (!group) return;
    const where = group.name === '.' ? 'at the top level' : `in ${group.name}`;
    process.stderr.write(`  wrote ${counted(group.files, 'file')} ${where} (${mb(group.bytes)})\n`);
  };
  const run = await generateDemoClinic(
    { patients, days, seed, ...(now !== undefined ? { now } : {}), out: opts.out },
    (file, bytes) => {
      const parts = file.path.split('/');
      const name = parts.length > 2 ? parts.slice(0, 2).join('/') : parts.length === 2 ? parts[0]! : '.';
      if (group?.name !== name) {
        flush();
        group = { name, files: 0, bytes: 0 };
      }
      group.files++;
      group.bytes += bytes;
      if (group.files % 1000 === 0) process.stderr.write(`  … ${counted(group.files, 'file')} in ${name}\n`);
    },
  );
  flush();

  const o = run.outcome;
  const kinds = new Set(o.defects.map((d) => d.kind)).size;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    [
      `Demo clinic written to ${opts.out}: ${counted(run.files, 'file')}, ${mb(run.bytes)}, ${seconds} s.`,
      `  ${counted(o.summary.courses, 'course')}, ${counted(o.summary.fractions, 'fraction')} delivered ${o.period.first} … ${o.period.last}; exported at ${o.now}.`,
      `  Expected: ${o.summary.ready} ready, ${o.summary.downgrade} downgrade, ${o.summary.hold} hold; ${counted(o.defects.length, 'defect')} of ${counted(kinds, 'kind')}, ${counted(o.events.length, 'event')} (expected/outcome.json).`,
      `  Try: sgrt-billing audit ${opts.out}/expected/courses --now ${o.now} --format table`,
      '',
    ].join('\n'),
  );
  return 0;
}
