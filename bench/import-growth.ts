/**
 * Cost of one day's file as the practice grows (issue 15: "a day's import costs the same at 10 or 10,000
 * patients"). Per engine and practice size: a generated clinic is imported without its last three
 * days' charge files (the history), then each of those files is imported alone and timed (three runs:
 * min/median/max). Anchor, same run: the figure at the smallest size (ratio = median / smallest's median;
 * flat means ≈ 1).
 *
 *   node --import tsx bench/import-growth.ts [--sizes 10,100,1000] [--days 10] [--seed 1]
 *     [--engines pglite,postgres]
 */
import { performance } from 'node:perf_hooks';
import { importFiles } from '../src/app/imports/import-files.js';
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
const DB_NAME = 'sgrt_bench_growth';
const sizes = option('sizes', '10,100,1000').split(',').map(Number);
const days = intOption('days', 10);
const seed = intOption('seed', 1);
const engines = option('engines', 'pglite,postgres').split(',') as Engine[];

async function open(engine: Engine): Promise<OpenDatabase> {
  if (engine === 'pglite') return openDatabase();
  return openDatabase({ url: await recreateDatabase(DB_NAME), poolSize: 4 });
}

for (const engine of engines) {
  let anchor: number | null = null;
  for (const patients of sizes) {
    const clinic = await generateUploads(patients, days, seed);
    const dayFiles = clinic.files
      .filter((f) => f.name.startsWith('charges/'))
      .sort((a, b) => a.name.localeCompare(b.name))
      .slice(-3);
    const opened = await open(engine);
    try {
      const ctx = await benchContext(opened.db, opened.engine, clinic.now);
      const practiceId = await newPractice(ctx, clinic);
      progress(`${engine} ${patients} patients: importing the history`);
      await importFiles(
        ctx,
        practiceId,
        clinic.files.filter((f) => !dayFiles.includes(f)),
      );
      const ms: number[] = [];
      for (const f of dayFiles) {
        const t0 = performance.now();
        await importFiles(ctx, practiceId, [f]);
        ms.push(performance.now() - t0);
      }
      ms.sort((a, b) => a - b);
      const median = ms[Math.floor(ms.length / 2)]!;
      anchor ??= median;
      line(BENCH, {
        engine,
        metric: `one day's file into ${patients} patients`,
        value: round(median),
        min: round(ms[0]!),
        max: round(ms.at(-1)!),
        unit: 'ms',
        baseline: round(anchor),
        ratio: round(median / anchor, 2),
      });
    } finally {
      await opened.db.destroy();
      if (engine === 'postgres') await dropDatabase(DB_NAME);
    }
  }
}
