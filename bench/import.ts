/**
 * Whole `import` of a generated clinic (issue #3): files/s and peak memory, from the folder to audited
 * courses, against the anchor of reading the same files' bytes (fs.readFile) in the same run.
 *
 *   node --import tsx bench/import.ts [--patients 50] [--days 30] [--seed 20260101]
 */
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateDemoClinic } from '../src/app/demo-data/generate-demo-clinic.js';
import { engineContext } from '../src/app/engine-context.js';
import { importClinic } from '../src/app/import-pipeline/import-clinic.js';
import { listExportFiles } from '../src/app/read/read-export-files.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const patients = arg('patients', 50);
const days = arg('days', 30);
const seed = arg('seed', 20260101);

const dir = await mkdtemp(join(tmpdir(), 'sgrt-bench-import-'));
const out = join(dir, 'clinic');
const generated = await generateDemoClinic({ patients, days, seed, out });
const { files } = await listExportFiles([out]);

let peak = process.memoryUsage().rss;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

let t = performance.now();
let bytes = 0;
for (const f of files) bytes += (await readFile(f)).length;
const anchorSec = (performance.now() - t) / 1000;

const ctx = await engineContext({ now: generated.clinic.options.now });
t = performance.now();
const run = await importClinic([out], ctx);
const importSec = (performance.now() - t) / 1000;
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);

const fractions = run.courses.reduce((n, c) => n + c.audit.fractions.length, 0);
const line = (o: object) => process.stdout.write(`${JSON.stringify({ bench: 'import', ...o })}\n`);
line({
  metric: 'files_per_second',
  value: Math.round(files.length / importSec),
  unit: 'files/s',
  baseline: Math.round(files.length / anchorSec),
  baseline_name: 'fs.readFile of the same files',
  ratio: Number((anchorSec / importSec).toFixed(4)),
  patients,
  days,
  files: files.length,
  mb: Number((bytes / 1e6).toFixed(1)),
  seconds: Number(importSec.toFixed(2)),
  courses: run.courses.length,
  fractions,
  unlinked: run.unlinked.length,
});
line({ metric: 'mb_per_second', value: Number((bytes / 1e6 / importSec).toFixed(1)), unit: 'MB/s' });
line({ metric: 'peak_rss', value: Math.round(peak / 2 ** 20), unit: 'MiB' });
await rm(dir, { recursive: true, force: true });
