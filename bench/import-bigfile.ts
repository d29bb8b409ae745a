/**
 * One large file of each kind a practice uploads, imported alone (the cold attacker's shapes, issue
 * "one upload can take the server down"): `courses` a courses.json of `--entries` small bad entries
 * (1,000,000: 38 MB), `history` a record-and-verify CSV of the demo's rows repeated to `--history-mb`
 * (62), `contract` a contract-rate CSV of `--rates` rows (430,000: 15 MB) and the re-pricing job it
 * queues. Each kind on each engine runs in a child process of its own, set up beforehand in another
 * (as a server started on an existing database). Figures: the longest gap between two callbacks of a
 * 1 ms timer while the import ran (the event loop held), and the child's peak RSS (VmHWM); anchor: the
 * child's RSS after setup and after generating the file, before the import (same process).
 *
 *   node --import tsx bench/import-bigfile.ts [--engines pglite,postgres] [--kinds courses,history,contract]
 *     [--entries 1000000] [--history-mb 62] [--rates 430000]
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../src/app/import-pipeline/import-files.js';
import { importReferenceFiles } from '../src/app/reference/reference-import.js';
import { repricePractice } from '../src/app/reference/reprice.js';
import { InputError } from '../src/app/engine-context.js';
import { openDatabase } from '../src/storage/database.js';
import {
  benchContext,
  dropDatabase,
  engineOption,
  generateUploads,
  intOption,
  line,
  newPractice,
  option,
  progress,
  recreateDatabase,
  round,
} from './app-support.js';

const BENCH = 'import-bigfile';
const DB_NAME = 'sgrt_bench_bigfile';
const MiB = 1024 * 1024;
const KINDS = ['courses', 'history', 'contract'] as const;
type Kind = (typeof KINDS)[number];

const rss = () => Math.round(process.memoryUsage().rss / MiB);
/** Peak resident set of this process (VmHWM, Linux). */
const peak = () => {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return hwm ? Math.round(Number(hwm[1]) / 1024) : Math.round(process.resourceUsage().maxRSS / 1024);
};

/** The attacker's file of `kind`, generated from the demo clinic's own files where it needs rows. */
function bigFile(kind: Kind, clinicFiles: { name: string; bytes: Uint8Array }[]) {
  const encode = (parts: string[]) => new TextEncoder().encode(parts.join(''));
  if (kind === 'courses') {
    const entries = intOption('entries', 1_000_000);
    const parts = ['['];
    for (let i = 0; i < entries; i++)
      parts.push(`${i ? ',' : ''}{"courseId":"C-${String(i).padStart(7, '0')}","patient":{}}\n`);
    parts.push(']');
    return { name: 'courses.json', bytes: encode(parts) };
  }
  if (kind === 'history') {
    const history = clinicFiles.find((f) => /history.*\.csv$/i.test(f.name))!;
    const [header, ...rows] = new TextDecoder().decode(history.bytes).split(/\r?\n/).filter(Boolean);
    const target = intOption('history-mb', 62) * MiB;
    const parts = [`${header}\r\n`];
    for (let size = 0, i = 0; size < target; i++) {
      // Each round of the demo's rows under other field ids: distinct beams, not repeats.
      const cells = rows[i % rows.length]!.split('","');
      cells[4] = `${cells[4]}-${Math.floor(i / rows.length)}`;
      const row = `${cells.join('","')}\r\n`;
      parts.push(row);
      size += row.length;
    }
    return { name: 'history-big.csv', bytes: encode(parts) };
  }
  const rates = intOption('rates', 430_000);
  const parts = ['payer,code,modifier,rate,effective_from,effective_to\n'];
  for (let i = 0; i < rates; i++) {
    const code = `${77000 + (i % 4300)}`;
    parts.push(`Payer ${Math.floor(i / 4300)},${code},,${(100 + (i % 997) / 10).toFixed(2)},2026-01-01,\n`);
  }
  return { name: 'contract-rates.csv', bytes: encode(parts) };
}

async function child(): Promise<void> {
  const engine = engineOption('pglite');
  const kind = option('kind', 'courses') as Kind;
  const { db, engine: opened } = await openDatabase(
    engine === 'postgres'
      ? { url: process.env.BENCH_DATABASE_URL! }
      : { dataDir: process.env.BENCH_DATA_DIR! },
  );
  const clinic = await generateUploads(2, 3, 7);
  const ctx = await benchContext(db, opened, clinic.now);
  if (option('phase', 'run') === 'setup') {
    const practiceId = await newPractice(ctx, clinic);
    await importFiles(ctx, practiceId, clinic.files);
    process.stdout.write(`${JSON.stringify({ practiceId })}\n`);
    await db.destroy();
    return;
  }
  const practiceId = option('practice', '');
  let file: { name: string; bytes: Uint8Array } | null = bigFile(kind, clinic.files);
  const bytes = file.bytes.byteLength;
  (globalThis as { gc?: () => void }).gc?.();
  const anchor = rss();
  let last = performance.now();
  let maxGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 1);
  const t0 = performance.now();
  let outcome: string;
  let repriceMs: number | null = null;
  try {
    if (kind === 'contract') {
      const view = await importReferenceFiles(ctx, practiceId, [file], null);
      file = null;
      outcome = `${view.contractRates} rates stored`;
      const r0 = performance.now();
      await repricePractice(ctx, practiceId);
      repriceMs = round(performance.now() - r0);
    } else {
      const result = await importFiles(ctx, practiceId, [file]);
      const f = result.files[0]!;
      outcome = `${f.status}: ${f.records} records; ${f.problems[0]?.message ?? ''}`;
    }
  } catch (error) {
    outcome =
      error instanceof InputError
        ? `refused: ${error.problems[0]?.message ?? ''}`
        : `error: ${String(error)}`;
  }
  const importMs = round(performance.now() - t0);
  clearInterval(timer);
  // The gap the import ended in (all of it when no callback ran at all).
  maxGap = Math.max(maxGap, performance.now() - last);
  process.stdout.write(
    `${JSON.stringify({ engine: opened, kind, bytes, anchor, peak: peak(), maxGap: round(maxGap, 1), importMs, repriceMs, outcome })}\n`,
  );
  await db.destroy();
}

function run(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--max-old-space-size=4096',
        '--import',
        'tsx',
        import.meta.filename,
        '--child',
        ...args,
      ],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    p.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    p.on('exit', (code, signal) =>
      code === 0 ? resolve(out.trim().split('\n').at(-1)!) : reject(new Error(`child: ${code ?? signal}`)),
    );
  });
}

async function parent(): Promise<void> {
  const engines = option('engines', 'pglite,postgres').split(',');
  const kinds = option('kinds', KINDS.join(',')).split(',');
  for (const engine of engines) {
    for (const kind of kinds) {
      const dir = engine === 'pglite' ? await mkdtemp(join(tmpdir(), 'sgrt-bench-bigfile-')) : null;
      const env: Record<string, string> = dir
        ? { BENCH_DATA_DIR: dir }
        : { BENCH_DATABASE_URL: await recreateDatabase(DB_NAME) };
      try {
        progress(`${engine} ${kind}: setting up…`);
        const args = ['--engine', engine, '--kind', kind, ...process.argv.slice(2)];
        const { practiceId } = JSON.parse(await run([...args, '--phase', 'setup'], env)) as {
          practiceId: string;
        };
        const load = loadavg()[0]!;
        progress(`${engine} ${kind}: importing…`);
        const r = JSON.parse(await run([...args, '--phase', 'run', '--practice', practiceId], env)) as Record<
          string,
          unknown
        >;
        line(BENCH, {
          metric: 'loop_max_gap',
          ...r,
          value: r.maxGap,
          unit: 'ms',
          peak_rss_mib: r.peak,
          baseline_rss_mib: r.anchor,
          baseline_name: 'RSS of the same process after setup and generating the file, before the import',
          load_before: round(load, 1),
          load_after: round(loadavg()[0]!, 1),
        });
      } catch (error) {
        line(BENCH, { engine, kind, error: String(error) });
      } finally {
        if (dir) await rm(dir, { recursive: true, force: true });
        else await dropDatabase(DB_NAME);
      }
    }
  }
}

await (process.argv.includes('--child') ? child() : parent());
