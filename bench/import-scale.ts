/**
 * Import time against file size: a record-and-verify (R&V) treatment history of N rows over N/6 patients
 * and an AlignRT RTD log of N samples, each imported alone (with a one-course courses.json) at N, 2N,
 * 4N and 8N rows. Time must grow linearly: `ratio` = seconds / (the smallest size's seconds × size
 * factor) stays ≈ 1 (super-linear steps show as a ratio growing with the factor). CPU seconds are given
 * too: on a loaded machine they vary less than wall time. The files are what an R&V history and a
 * real-time-delta log look like (header rows of the bundled layouts), not a clinic.
 *
 * `--via app` imports each file through the app's import (`importFiles`, a fresh practice on PGlite, or
 * on PostgreSQL with `--engine postgres`): the per-patient split, linking and storing are then timed too.
 *
 *   node --import tsx bench/import-scale.ts [--rows 7500] [--factors 1,2,4,8] [--kinds history,rtd]
 *     [--via cli|app] [--engine pglite|postgres]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { generateDemoClinic } from '../src/app/demo-data/generate-demo-clinic.js';
import { engineContext } from '../src/app/engine-context.js';
import { importClinic } from '../src/app/import-pipeline/import-clinic.js';
import { importFiles } from '../src/app/import-pipeline/import-files.js';
import { type Engine, openDatabase } from '../src/storage/database.js';
import { benchContext, generateUploads, newPractice, recreateDatabase } from './app-support.js';
import { positiveInt } from './bench-options.js';

const BENCH = 'import-scale';
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '7500' },
    factors: { type: 'string', default: '1,2,4,8' },
    kinds: { type: 'string', default: 'history,rtd' },
    via: { type: 'string', default: 'cli' },
    engine: { type: 'string', default: 'pglite' },
  },
});
const baseRows = positiveInt('rows', values.rows);
const factors = values.factors.split(',').map((f) => positiveInt('factors', f));
const kinds = values.kinds.split(',') as Kind[];
type Kind = 'history' | 'rtd';

/**
 * ARIA-like R&V history (test/fixtures/csv/aria-like-history.csv) cycling through `rows / 6` patients, as
 * a history export sorted by date is: each patient's 6 rows (3 days, 2 beams a day) far apart.
 */
export function historyCsv(rows: number): string {
  const patients = Math.max(1, Math.floor(rows / 6));
  const out = [
    '"Patient ID","Patient Name","Treatment Date","Plan ID","Field Id","Energy","Beam On","Beam Off","Delivered MU","Planned MU","Fraction","Machine","Comment"',
  ];
  for (let i = 0; i < rows; i++) {
    const patient = `SCALE${String(i % patients).padStart(6, '0')}`;
    const round = Math.floor(i / patients);
    const fraction = Math.floor(round / 2) + 1;
    const day = String(2 + fraction).padStart(2, '0');
    const beam = round % 2;
    const on = beam ? '08:16:20' : '08:14:05';
    const off = beam ? '08:16:58' : '08:14:41';
    out.push(
      `"${patient}","Scaletest, Patient","03/${day}/2026","PLAN","FIELD ${beam}","6X","${on}","${off}","112.4","112.4","${fraction}","TB1",""`,
    );
  }
  return out.join('\r\n') + '\r\n';
}

/** An AlignRT real-time-delta log of `rows` samples, every 0.4 s (the header of a demo clinic's logs). */
export function rtdLog(rows: number, patientId: string): string {
  const out = [
    `Patient ID:, ${patientId}`,
    'Start Time:, 260310_151510',
    'End Time:, 260310_152052',
    'XRayOn Time:, Not set',
    'XRayOff Time:, Not set',
    'First XRayOn Time:, 30-December-99 00:00:00.000',
    'Last XRayOn Time:, 30-December-99 00:00:00.000',
    'RTN (base couch):, 0',
    'Field:, ',
    'SSD:, -',
    'Coords:, IEC 60601-2-1',
    'Elapsed Time (sec), Translation (cm), D.VRT (cm), D.LNG (cm), D.LAT (cm), D.Rtn (deg), D.Roll (deg), D.Pitch (deg), D.Amp (cm), XRayState, Couch Rot (deg), Trans Threshold (cm), Rot Threshold (deg), Beamhold Timer (sec), Beamhold State, ROI Index, RMS (mm), Gating Active',
  ];
  for (let i = 0; i < rows; i++) {
    const on = Math.floor(i / 150) % 2;
    const v = ((i % 37) - 18) / 100;
    out.push(
      `${(0.3 + i * 0.4).toFixed(3)}, ${Math.abs(v).toFixed(7)}, ${v.toFixed(7)}, 0.01, 0.01, 0.1, 0.1, 0.1, ${v.toFixed(7)}, ${on}, 0, 0.3, 3, 5000, 1, 1, 0.5, 1`,
    );
  }
  return out.join('\r\n') + '\r\n';
}

interface Timed {
  seconds: number;
  cpuSeconds: number;
  unlinked: number;
}

/** Wall and CPU seconds of one import, and the records it left unlinked. */
async function timed(run: () => Promise<number>): Promise<Timed> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const unlinked = await run();
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - t) / 1000, cpuSeconds: (used.user + used.system) / 1e6, unlinked };
}

/** Import one file through the app into a fresh practice (with the demo's courses.json first). */
async function viaApp(name: string, text: string): Promise<Timed> {
  const engine = values.engine as Engine;
  const url = engine === 'postgres' ? await recreateDatabase('sgrt_bench_import_scale') : undefined;
  const open = await openDatabase(url ? { url, poolSize: 2 } : {});
  try {
    const clinic = await generateUploads(1, 1, 1);
    const ctx = await benchContext(open.db, engine, clinic.now);
    const practiceId = await newPractice(ctx, clinic);
    await importFiles(
      ctx,
      practiceId,
      clinic.files.filter((f) => f.name.endsWith('courses.json')),
    );
    const bytes = new TextEncoder().encode(text);
    return await timed(async () => (await importFiles(ctx, practiceId, [{ name, bytes }])).summary.unlinked);
  } finally {
    await open.db.destroy();
  }
}

const dir = await mkdtemp(join(tmpdir(), 'sgrt-bench-import-scale-'));
try {
  const clinic = await generateDemoClinic({ patients: 1, days: 1, seed: 1, out: join(dir, 'clinic') });
  const courses = join(dir, 'clinic', 'courses.json');
  const ctx = await engineContext({ now: clinic.clinic.options.now });
  for (const kind of kinds) {
    let first: number | null = null;
    for (const factor of factors) {
      const rows = baseRows * factor;
      const file = join(dir, kind === 'history' ? 'history.csv' : 'rtd.txt');
      const text = kind === 'history' ? historyCsv(rows) : rtdLog(rows, 'SCALE000000');
      await writeFile(file, text);
      const { seconds, cpuSeconds, unlinked } =
        values.via === 'app'
          ? await viaApp(kind === 'history' ? 'history.csv' : 'rtd.txt', text)
          : await timed(async () => (await importClinic([courses, file], ctx)).unlinked.length);
      first ??= cpuSeconds / factor;
      process.stdout.write(
        `${JSON.stringify({
          bench: BENCH,
          kind,
          rows,
          mb: Number((text.length / 1e6).toFixed(2)),
          seconds: Number(seconds.toFixed(2)),
          cpu_seconds: Number(cpuSeconds.toFixed(2)),
          ratio: Number((cpuSeconds / (first * factor)).toFixed(2)),
          via: values.via,
          unlinked,
        })}\n`,
      );
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
