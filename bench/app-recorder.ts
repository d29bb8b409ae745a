/**
 * Use cases run in a benchmark process against the benchmark's PostgreSQL database, on a Kysely that
 * records every statement with its time, and the `EXPLAIN (ANALYZE, BUFFERS)` of a recorded statement.
 * Used by app-latency.ts (its slowest statements) and app-explain.ts (every list query).
 */
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { createAppContext } from '../src/app/app-context-factory.js';
import type { AppContext } from '../src/app/app-context.js';
import { createLogger } from '../src/app/logger.js';
import type { Database } from '../src/storage/schema.js';

export interface Recorded {
  query: CompiledQuery;
  ms: number;
}

/** A pool that reads dates and int8 as text, as src/storage/database.ts does. */
export function benchPool(url: string, max = 4): pg.Pool {
  const keepText = new Set([1082, 20]);
  const types: pg.CustomTypesConfig = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      keepText.has(oid)
        ? (v: string) => v
        : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
  };
  // jit=off as the app's pool (storage/database.ts): a plan explained with JIT on counts seconds of
  // compilation the app never pays.
  return new pg.Pool({ connectionString: url, max, types, options: '-c jit=off' });
}

/** An app context on `pool` whose statements are pushed onto `recorded` (empty it between calls). */
export async function recordingContext(pool: pg.Pool): Promise<{ ctx: AppContext; recorded: Recorded[] }> {
  const recorded: Recorded[] = [];
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (e) => {
      if (e.level === 'query') recorded.push({ query: e.query, ms: e.queryDurationMillis });
    },
  });
  const ctx = await createAppContext({ db, engine: 'postgres', log: createLogger({ level: 'silent' }) });
  return { ctx, recorded };
}

export const isSelect = (r: Recorded): boolean => /^\s*(with|select)\b/i.test(r.query.sql);

/** The `EXPLAIN (ANALYZE, BUFFERS)` of a recorded statement, as text or as PostgreSQL's JSON plan. */
export async function explain(pool: pg.Pool, r: Recorded, format: 'text'): Promise<string>;
export async function explain(pool: pg.Pool, r: Recorded, format: 'json'): Promise<PlanJson>;
export async function explain(pool: pg.Pool, r: Recorded, format: 'text' | 'json'): Promise<unknown> {
  const res = await pool.query<{ 'QUERY PLAN': unknown }>(
    `explain (analyze, buffers${format === 'json' ? ', format json' : ''}) ${r.query.sql}`,
    r.query.parameters as unknown[],
  );
  return format === 'json'
    ? (res.rows[0]!['QUERY PLAN'] as PlanJson[])[0]
    : res.rows.map((x) => x['QUERY PLAN']).join('\n');
}

/** The parts of PostgreSQL's JSON plan (EXPLAIN … FORMAT JSON) the benchmarks read. */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Join Type'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}
export interface PlanJson {
  Plan: PlanNode;
  'Execution Time': number;
}
