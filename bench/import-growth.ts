/**
 * Cost of one day's file as the practice grows (issue 15: "a day's import costs the same at 10 or 10,000
 * patients"). Per engine and practice size: a generated clinic is imported without its last three
 * days' charge files and its last three treatment records (the history), then each of those files is
 * imported alone and timed (three of each: min/median/max), with the courses it linked. Anchor, same
 * run: the figure at the smallest size (ratio = median / smallest's median; flat means ≈ 1). A day's
 * charge file names every patient treated that day, so its cost grows with them (`ms_per_course`); a
 * treatment record names one patient.
 *
 *   node --import tsx bench/import-growth.ts [--sizes 10,100,1000] [--days 10] [--seed 1]
 *     [--engines pglite,postgres]
 */
import { performance } from 'node:perf_hooks';
import type { AppContext } from '../src/app/app-context.js';
import { importFiles, type UploadedFile } from '../src/app/import-pipeline/import-files.js';
import { type Engine, openDatabase, type OpenDatabase } from '../src/storage/database.js';
import {
  benchContext,
  dropDatabase,
  generateUploads,
  intOption,
  line,
  newPractice,
  option,
  progress,
  recreateDatabase,
  round,
} from './app-support.js';

const BENCH = 'import-growth';
const DB_NAME = option('db', 'sgrt_bench_growth');
const sizes = option('sizes', '10,100,1000').split(',').map(Number);
const days = intOption('days', 10);
const seed = intOption('seed', 1);
const engines = option('engines', 'pglite,postgres').split(',') as Engine[];

async function open(engine: Engine): Promise<OpenDatabase> {
  if (engine === 'pglite') return openDatabase();
  return openDatabase({ url: await recreateDatabase(DB_NAME), poolSize: 4 });
}

/** Each file imported alone into the practice, timed: min/median/max ms and the courses it linked. */
async function timeEach(ctx: AppContext, practiceId: string, files: readonly UploadedFile[]) {
  const runs: { ms: number; courses: number }[] = [];
  for (const f of files) {
    const t0 = performance.now();
    const { summary } = await importFiles(ctx, practiceId, [f]);
    runs.push({ ms: performance.now() - t0, courses: summary.courses });
  }
  runs.sort((a, b) => a.ms - b.ms);
  return { min: runs[0]!, median: runs[Math.floor(runs.length / 2)]!, max: runs.at(-1)! };
}

for (const engine of engines) {
  const anchors = new Map<string, number>();
  for (const patients of sizes) {
    const clinic = await generateUploads(patients, days, seed);
    const last = (prefix: string) =>
      clinic.files
        .filter((f) => f.name.startsWith(prefix))
        .sort((a, b) => a.name.localeCompare(b.name))
        .slice(-3);
    // A day's charge file names every patient treated that day; a treatment record names one.
    const timed = {
      "one day's file": last('charges/'),
      "one patient's record": last('treatment-records/dicom/'),
    };
    const held = new Set(Object.values(timed).flat());
    const opened = await open(engine);
    try {
      const ctx = await benchContext(opened.db, opened.engine, clinic.now);
      const practiceId = await newPractice(ctx, clinic);
      progress(`${engine} ${patients} patients: importing the history`);
      const t0 = performance.now();
      await importFiles(
        ctx,
        practiceId,
        clinic.files.filter((f) => !held.has(f)),
      );
      progress(`${engine} ${patients} patients: history in ${round((performance.now() - t0) / 1000)} s`);
      for (const [what, files] of Object.entries(timed)) {
        const { min, median, max } = await timeEach(ctx, practiceId, files);
        const anchor = anchors.get(what) ?? median.ms;
        anchors.set(what, anchor);
        line(BENCH, {
          engine,
          metric: `${what} into ${patients} patients`,
          value: round(median.ms),
          min: round(min.ms),
          max: round(max.ms),
          unit: 'ms',
          courses_linked: median.courses,
          ms_per_course: median.courses ? round(median.ms / median.courses, 1) : null,
          baseline: round(anchor),
          ratio: round(median.ms / anchor, 2),
        });
      }
    } finally {
      await opened.db.destroy();
      if (engine === 'postgres') await dropDatabase(DB_NAME);
    }
  }
}
