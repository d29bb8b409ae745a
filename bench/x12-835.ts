/**
 * X12 835 throughput: from file (`fs.createReadStream`) to assembled Remittances with
 * `readRemittances` (claims and lines counted, not kept), and to classified lines with the whole
 * analysis of `sgrt-billing remit` (`analyzeRemittanceFiles`: reversal and payer linking, categories,
 * queues, deadlines, payments reconciled; rows counted as `--format ndjson` streams them), in MB/s and
 * peak RSS, on generated 835s of
 * 50 MB and 500 MB (`bench/x12-835-generate.ts`, seeded), against the anchor measured in the same run
 * on the same file: the npm package `x12-parser` (its `X12parser` Transform stream) tokenizing it.
 * Each measurement runs in a child process of its own, so its peak RSS (maxRSS) is its alone; the
 * reading floor (the stream alone) is measured too.
 *
 * The analysis line also gives the SHA-256 of `remit --format ndjson` on the smallest file (a child
 * process, not timed): a change that makes the analysis faster must leave it the same (bench/README.md).
 *
 *   node --import tsx bench/x12-835.ts [--mb 50,500] [--seed 20260315] [--dir /tmp] [--keep] [--no-hash]
 *
 * Prints one JSON object per line (architecture.md, "Benchmarks").
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { X12parser } from 'x12-parser';
import { analyzeRemittanceFiles } from '../src/app/remit/analyze-remittances.js';
import { remitSettings } from '../src/app/remit/remit-settings.js';
import { readRemittances } from '../src/formats/x12/read-835.js';
import { positiveInt } from './bench-options.js';
import { generate835 } from './x12-835-generate.js';

const BENCH = 'x12-835';
type Mode = 'ours' | 'analysis' | 'anchor' | 'read';
interface ChildResult {
  seconds: number;
  /** User + system CPU time: on a shared machine, less disturbed by other load than wall time. */
  cpuSeconds: number;
  maxRssMiB: number;
  segments?: number;
  transactions?: number;
  claims?: number;
  lines?: number;
  problems?: number;
}

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '50,500' },
    seed: { type: 'string', default: '20260315' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-hash': { type: 'boolean', default: false },
    child: { type: 'string' },
    file: { type: 'string' },
  },
});

if (values.child === 'ndjson') {
  const { runRemit } = await import('../src/cli/commands/remit.js');
  // From the file's folder, so the rows' `file` is its name: the same output whatever the folder.
  process.chdir(dirname(values.file!));
  process.exitCode = await runRemit([basename(values.file!)], { format: 'ndjson' });
} else if (values.child) {
  process.stdout.write(`${JSON.stringify(await measure(values.child as Mode, values.file!))}\n`);
} else {
  await main();
}

async function measure(mode: Mode, file: string): Promise<ChildResult> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const done = (extra: Omit<ChildResult, 'seconds' | 'cpuSeconds' | 'maxRssMiB'>): ChildResult => ({
    seconds: (performance.now() - t) / 1000,
    cpuSeconds: (({ user, system }) => (user + system) / 1e6)(process.cpuUsage(cpu)),
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    ...extra,
  });
  if (mode === 'ours') {
    let transactions = 0;
    let claims = 0;
    let lines = 0;
    let problems = 0;
    for await (const r of readRemittances(createReadStream(file, { highWaterMark: 256 * 1024 }), file)) {
      if (!r.ok) {
        problems += r.problems.length;
        continue;
      }
      transactions++;
      claims += r.value.claims.length;
      for (const c of r.value.claims) lines += c.lines.length;
    }
    return done({ transactions, claims, lines, problems });
  }
  if (mode === 'analysis') {
    let lines = 0;
    let transactions = 0;
    await analyzeRemittanceFiles([file], await remitSettings({}), {
      row: () => lines++,
      payment: () => transactions++,
    });
    return done({ transactions, lines });
  }
  if (mode === 'anchor') {
    let segments = 0;
    await new Promise<void>((resolve, reject) => {
      const parser = new X12parser();
      parser.on('data', () => segments++);
      parser.on('end', resolve);
      parser.on('error', reject);
      createReadStream(file).on('error', reject).pipe(parser);
    });
    return done({ segments });
  }
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 }))
    bytes += (chunk as Buffer).length;
  return done({ segments: bytes });
}

/** SHA-256 of what `sgrt-billing remit --format ndjson <file>` prints (a child process, streamed). */
async function ndjsonHash(file: string): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/x12-835.ts', '--child', 'ndjson', '--file', file],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const hash = createHash('sha256');
  child.stdout.on('data', (d: Buffer) => hash.update(d));
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`remit --format ndjson exited with ${code}`);
  return hash.digest('hex');
}

function runChild(mode: Mode, file: string): ChildResult {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'bench/x12-835.ts', '--child', mode, '--file', file],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as ChildResult;
}

async function main(): Promise<void> {
  const sizes = values.mb.split(',').map((s) => positiveInt('mb', s));
  const seed = positiveInt('seed', values.seed);
  const dir = await mkdtemp(join(values.dir ?? tmpdir(), 'sgrt-bench-x12-'));
  const line = (o: object) => process.stdout.write(`${JSON.stringify({ bench: BENCH, ...o })}\n`);
  const rss: { mb: number; ours: number }[] = [];
  try {
    for (const mb of sizes) {
      const file = join(dir, `remit-${mb}mb.835`);
      const g = await generate835(file, mb * 1_000_000, seed);
      const size = g.bytes / 1e6;
      const read = runChild('read', file);
      const anchor = runChild('anchor', file);
      const ours = runChild('ours', file);
      const analysis = runChild('analysis', file);
      if (ours.claims !== g.claims || ours.lines !== g.lines || ours.problems !== 0)
        throw new Error(
          `read ${ours.claims} claims / ${ours.lines} lines / ${ours.problems} problems, wrote ${g.claims} / ${g.lines}`,
        );
      /** A throughput against the anchor's, wall and CPU. */
      const speed = (metric: string, child: ChildResult, extra: object) => {
        const mbs = size / child.seconds;
        line({
          metric,
          size_mb: Number(size.toFixed(1)),
          value: Number(mbs.toFixed(1)),
          unit: 'MB/s',
          baseline: Number((size / anchor.seconds).toFixed(1)),
          baseline_name: 'x12-parser X12parser stream tokenizing the same file',
          ratio: Number((mbs / (size / anchor.seconds)).toFixed(2)),
          cpu_ratio: Number((anchor.cpuSeconds / child.cpuSeconds).toFixed(2)),
          ...extra,
        });
      };
      speed('mb_per_second', ours, {
        seconds: Number(ours.seconds.toFixed(2)),
        transactions: ours.transactions,
        claims: ours.claims,
        lines: ours.lines,
        anchor_segments: anchor.segments,
        read_only_mb_per_second: Number((size / read.seconds).toFixed(0)),
      });
      speed('analysis_mb_per_second', analysis, {
        lines: analysis.lines,
        peak_rss_mib: analysis.maxRssMiB,
        // The `remit --format ndjson` output of the smallest file: a faster analysis must print the same.
        ...(mb === sizes[0] && !values['no-hash'] ? { ndjson_sha256: await ndjsonHash(file) } : {}),
      });
      line({
        metric: 'peak_rss',
        size_mb: Number(size.toFixed(1)),
        value: ours.maxRssMiB,
        unit: 'MiB',
        baseline: anchor.maxRssMiB,
        baseline_name: 'x12-parser peak RSS on the same file',
        ratio: Number((ours.maxRssMiB / anchor.maxRssMiB).toFixed(2)),
        read_only_peak_rss: read.maxRssMiB,
      });
      rss.push({ mb: size, ours: ours.maxRssMiB });
      if (!values.keep) await rm(file, { force: true });
    }
    if (rss.length > 1) {
      const first = rss[0]!;
      const last = rss.at(-1)!;
      line({
        metric: 'peak_rss_growth',
        value: last.ours,
        unit: 'MiB',
        size_mb: Number(last.mb.toFixed(1)),
        baseline: first.ours,
        baseline_size_mb: Number(first.mb.toFixed(1)),
        ratio: Number((last.ours / first.ours).toFixed(2)),
      });
    }
  } finally {
    if (!values.keep) await rm(dir, { recursive: true, force: true });
  }
}
