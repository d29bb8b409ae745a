/**
 * Import throughput of the application (issue #4): a generated clinic through `importFiles` (read,
 * link, audit, store in one transaction) into PGlite (in memory) and into PostgreSQL, in the same run.
 * Figure: rows written per second (count(*) of every table before and after) and fractions per second.
 * Anchor, per engine: a plain multi-row INSERT of the same number of rows into a scratch table.
 *
 *   node --import tsx bench/app-import.ts [--patients 40] [--days 20] [--seed 1]
 *     [--engines pglite,postgres] [--pg-url postgres://postgres@127.0.0.1:5432/test] [--keep]
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { importFiles } from '../src/app/import-pipeline/import-files.js';
import { type Engine, openDatabase, type OpenDatabase } from '../src/storage/database.js';
import {
  benchContext,
  type Clinic,
  dropDatabase,
  flag,
  generateUploads,
  intOption,
  line,
  newPractice,
  option,
  progress,
  recreateDatabase,
  round,
  rowCounts,
  sum,
} from './app-support.js';

const BENCH = 'app-import';
const DB_NAME = 'sgrt_bench_import';
const ANCHOR_BATCH = 1000;

const patients = intOption('patients', 40);
const days = intOption('days', 20);
const seed = intOption('seed', 1);
const engines = option('engines', 'pglite,postgres')
  .split(',')
  .map((e) => e.trim())
  .filter((e): e is Engine => e === 'pglite' || e === 'postgres');
const keep = flag('keep');

async function open(engine: Engine): Promise<OpenDatabase> {
  if (engine === 'pglite') return openDatabase();
  return openDatabase({ url: await recreateDatabase(DB_NAME), poolSize: 4 });
}

/**
 * The anchor: `rows` rows into a scratch table, ANCHOR_BATCH rows per INSERT statement, in one
 * transaction (like the import's), each row a few short columns and a ~300-byte jsonb like the
 * narrower rows the import writes. Returns rows per second.
 */
async function anchorRowsPerSecond({ db }: OpenDatabase, rows: number): Promise<number> {
  await sql`create table bench_scratch (id bigserial primary key, k text not null, v text, n integer not null, j jsonb not null)`.execute(
    db,
  );
  const evidence = JSON.stringify({ note: 'x'.repeat(200), values: [1, 2, 3, 4, 5], ok: true });
  const t = performance.now();
  await db.transaction().execute(async (trx) => {
    for (let from = 0; from < rows; from += ANCHOR_BATCH) {
      const values = [];
      for (let i = from; i < Math.min(rows, from + ANCHOR_BATCH); i++) {
        values.push(sql`(${`key-${i}`}, ${`value ${i}`}, ${i}, ${evidence}::jsonb)`);
      }
      await sql`insert into bench_scratch (k, v, n, j) values ${sql.join(values)}`.execute(trx);
    }
  });
  const seconds = (performance.now() - t) / 1000;
  await sql`drop table bench_scratch`.execute(db);
  return rows / seconds;
}

async function measure(engine: Engine, clinic: Clinic, report: boolean): Promise<void> {
  const opened = await open(engine);
  try {
    const ctx = await benchContext(opened.db, opened.engine, clinic.now);
    const practiceId = await newPractice(ctx, clinic);
    const before = await rowCounts(opened.db);
    const t = performance.now();
    const result = await importFiles(ctx, practiceId, clinic.files);
    const seconds = (performance.now() - t) / 1000;
    const after = await rowCounts(opened.db);
    const written = Object.fromEntries(
      Object.entries(after)
        .map(([table, n]) => [table, n - (before[table] ?? 0)] as const)
        .filter(([, n]) => n !== 0),
    );
    const rows = sum(written);
    if (!report) return;
    const anchor = await anchorRowsPerSecond(opened, rows);
    const { summary } = result;
    line(BENCH, {
      metric: 'rows_per_second',
      engine,
      value: round(rows / seconds),
      unit: 'rows/s',
      baseline: round(anchor),
      baseline_name: `plain multi-row INSERT (${ANCHOR_BATCH} rows/statement, one transaction) of the same number of rows into a scratch table, same engine`,
      ratio: round(rows / seconds / anchor, 4),
      rows,
      seconds: round(seconds, 2),
      files: clinic.files.length,
      patients: clinic.patients,
      days: clinic.days,
      seed: clinic.seed,
      rows_by_table: written,
    });
    line(BENCH, {
      metric: 'fractions_per_second',
      engine,
      value: round(summary.fractions / seconds, 1),
      unit: 'fractions/s',
      fractions: summary.fractions,
      courses: summary.courses,
      by_status: summary.byStatus,
      unlinked: summary.unlinked,
      seconds: round(seconds, 2),
    });
  } finally {
    await opened.db.destroy();
    if (engine === 'postgres' && !keep) await dropDatabase(DB_NAME);
  }
}

progress(`generating the clinic (${patients} patients × ${days} days, seed ${seed})…`);
const clinic = await generateUploads(patients, days, seed);
// Warm-up (not reported): the first import in a process pays for JIT and the lazily loaded readers;
// without it the first engine measured would look slower than the second.
progress('warm-up import (PGlite, 8 patients × 5 days)…');
await measure('pglite', await generateUploads(8, 5, seed + 1), false);
for (const engine of engines) {
  progress(`importing into ${engine}…`);
  await measure(engine, clinic, true);
}
