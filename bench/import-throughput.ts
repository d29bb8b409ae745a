/**
 * Import throughput (issue 15, "Import throughput"): rows an import writes per second, on PGlite (in
 * memory) and PostgreSQL, three runs each (min/median/max). Each run imports a generated clinic through
 * `importFiles` into a new practice on a fresh database and counts the rows written (count(*) of every
 * table, after − before). Figures:
 * - `write_rows_per_second`: rows ÷ the seconds the import's writing statements took (INSERT, UPDATE,
 *   DELETE, COPY, by Kysely's query log): the storage write path.
 * - `import_rows_per_second`: rows ÷ the whole `importFiles` (read, link, audit and store).
 * Anchors, same run and engine: the same number of rows into a scratch table in one transaction, as plain
 * multi-row INSERTs (ANCHOR_BATCH rows per statement: `baseline`) and as one COPY (`copy_baseline`).
 *
 *   node --import tsx bench/import-throughput.ts [--patients 40] [--days 20] [--seed 1] [--runs 3]
 *     [--engines pglite,postgres] [--pg-url postgres://postgres@127.0.0.1:5432/test]
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { importFiles } from '../src/app/import-pipeline/import-files.js';
import { copyRows } from '../src/storage/copy-rows.js';
import { type Engine, openDatabase, type OpenDatabase } from '../src/storage/database.js';
import type { Database } from '../src/storage/schema.js';
import {
  benchContext,
  type Clinic,
  dropDatabase,
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

const BENCH = 'import-throughput';
const DB_NAME = 'sgrt_bench_throughput';
const ANCHOR_BATCH = 1000;
const WRITE = /^\s*(insert|update|delete|copy)\b/i;

const patients = intOption('patients', 40);
const days = intOption('days', 20);
const seed = intOption('seed', 1);
const runs = intOption('runs', 3);
const engines = option('engines', 'pglite,postgres')
  .split(',')
  .map((e) => e.trim())
  .filter((e): e is Engine => e === 'pglite' || e === 'postgres');

interface Run {
  rows: number;
  importSeconds: number;
  writeSeconds: number;
  writeStatements: number;
  insertAnchor: number;
  copyAnchor: number;
}

/** The anchors' rows: a few short columns and a ~300-byte JSON, like the narrower rows an import writes. */
const scratchRow = (i: number, evidence: string) => ({ k: `key-${i}`, v: `value ${i}`, n: i, j: evidence });
const SCRATCH = 'bench_scratch' as keyof Database & string;

/** Rows per second of `rows` scratch rows written one way, in one transaction, on a new scratch table. */
async function anchor({ db }: OpenDatabase, rows: number, how: 'insert' | 'copy'): Promise<number> {
  await sql`create table bench_scratch (id bigserial primary key, k text not null, v text, n integer not null, j jsonb not null)`.execute(
    db,
  );
  const evidence = JSON.stringify({ note: 'x'.repeat(200), values: [1, 2, 3, 4, 5], ok: true });
  const t = performance.now();
  await db.transaction().execute(async (trx) => {
    if (how === 'copy') {
      await copyRows(
        trx,
        SCRATCH,
        Array.from({ length: rows }, (_, i) => scratchRow(i, evidence)),
      );
      return;
    }
    for (let from = 0; from < rows; from += ANCHOR_BATCH) {
      const values = [];
      for (let i = from; i < Math.min(rows, from + ANCHOR_BATCH); i++) {
        const r = scratchRow(i, evidence);
        values.push(sql`(${r.k}, ${r.v}, ${r.n}, ${r.j}::jsonb)`);
      }
      await sql`insert into bench_scratch (k, v, n, j) values ${sql.join(values)}`.execute(trx);
    }
  });
  const seconds = (performance.now() - t) / 1000;
  await sql`drop table bench_scratch`.execute(db);
  return rows / seconds;
}

async function measure(engine: Engine, clinic: Clinic): Promise<Run> {
  const timing = { on: false, ms: 0, statements: 0 };
  const onQuery = (text: string, ms: number) => {
    if (!timing.on || !WRITE.test(text)) return;
    timing.ms += ms;
    timing.statements++;
  };
  const opened =
    engine === 'pglite'
      ? await openDatabase({ onQuery })
      : await openDatabase({ url: await recreateDatabase(DB_NAME), poolSize: 4, onQuery });
  try {
    const ctx = await benchContext(opened.db, opened.engine, clinic.now);
    const practiceId = await newPractice(ctx, clinic);
    const before = await rowCounts(opened.db);
    timing.on = true;
    const t = performance.now();
    await importFiles(ctx, practiceId, clinic.files);
    const importSeconds = (performance.now() - t) / 1000;
    timing.on = false;
    const after = await rowCounts(opened.db);
    const rows = sum(after) - sum(before);
    return {
      rows,
      importSeconds,
      writeSeconds: timing.ms / 1000,
      writeStatements: timing.statements,
      insertAnchor: await anchor(opened, rows, 'insert'),
      copyAnchor: await anchor(opened, rows, 'copy'),
    };
  } finally {
    await opened.db.destroy();
    if (engine === 'postgres') await dropDatabase(DB_NAME);
  }
}

/** min / median / max of a figure over the runs. */
function spread(values: number[]): { min: number; median: number; max: number } {
  const s = [...values].sort((a, b) => a - b);
  return { min: round(s[0]!), median: round(s[Math.floor(s.length / 2)]!), max: round(s.at(-1)!) };
}

progress(`generating the clinic (${patients} patients × ${days} days, seed ${seed})…`);
const clinic = await generateUploads(patients, days, seed);
// Warm-up (not reported): the first import in a process pays for JIT and the lazily loaded readers.
progress('warm-up import (PGlite, 8 patients × 5 days)…');
await measure('pglite', await generateUploads(8, 5, seed + 1));
for (const engine of engines) {
  const results: Run[] = [];
  for (let r = 1; r <= runs; r++) {
    progress(`importing into ${engine}, run ${r} of ${runs}…`);
    results.push(await measure(engine, clinic));
  }
  const load = loadavg().map((n) => round(n, 1));
  const write = spread(results.map((x) => x.rows / x.writeSeconds));
  const insert = spread(results.map((x) => x.insertAnchor));
  line(BENCH, {
    metric: 'write_rows_per_second',
    engine,
    value: write,
    unit: 'rows/s',
    baseline: insert,
    baseline_name: `plain multi-row INSERT (${ANCHOR_BATCH} rows/statement, one transaction) of the same number of rows into a scratch table, same engine`,
    ratio: round(write.median / insert.median, 3),
    copy_baseline: spread(results.map((x) => x.copyAnchor)),
    rows: results[0]!.rows,
    write_statements: results[0]!.writeStatements,
    write_seconds: results.map((x) => round(x.writeSeconds, 3)),
    files: clinic.files.length,
    patients,
    days,
    seed,
    load_average: load,
  });
  line(BENCH, {
    metric: 'import_rows_per_second',
    engine,
    value: spread(results.map((x) => x.rows / x.importSeconds)),
    unit: 'rows/s',
    import_seconds: results.map((x) => round(x.importSeconds, 2)),
    load_average: load,
  });
}
