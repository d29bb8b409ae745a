/**
 * What the application benchmarks (app-import, app-seed, app-latency) share: options, JSON lines, the
 * PostgreSQL admin connection, a practice with a generated clinic imported through the real pipeline.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { createAppContext } from '../src/app/app-context-factory.js';
import type { AppContext } from '../src/app/app-context.js';
import { createLogger } from '../src/app/logger.js';
import { createPractice } from '../src/app/setup/create-practice.js';
import { demoUploads } from '../src/app/setup/demo-uploads.js';
import type { UploadedFile } from '../src/app/import-pipeline/import-files.js';
import type { Db, Engine } from '../src/storage/database.js';
import { positiveInt } from './bench-options.js';

/** `--name value` from argv, else the fallback. */
export function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? process.argv[i + 1] : undefined;
  if (i > 0 && (value === undefined || value.startsWith('--'))) throw new Error(`--${name}: missing value`);
  return value ?? fallback;
}
/** `--engine`: `pglite` or `postgres`, anything else refused. */
export function engineOption(fallback: 'pglite' | 'postgres'): 'pglite' | 'postgres' {
  const engine = option('engine', fallback);
  if (engine !== 'pglite' && engine !== 'postgres') throw new Error('--engine: pglite or postgres');
  return engine;
}
export const intOption = (name: string, fallback: number): number =>
  positiveInt(name, option(name, String(fallback)));
export const flag = (name: string): boolean => process.argv.includes(`--${name}`);

/** One JSON line on stdout (the figures); progress goes to stderr. */
export function line(bench: string, o: object): void {
  process.stdout.write(`${JSON.stringify({ bench, ...o })}\n`);
}
export function progress(text: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${text}\n`);
}
export const round = (n: number, digits = 0): number => Number(n.toFixed(digits));

/** The server (and database) the PostgreSQL figures use: `--pg-url`, else TEST_DATABASE_URL, else loopback. */
export function adminUrl(): string {
  return option('pg-url', process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
}

/** The URL of database `name` on the admin URL's server. */
export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

const IDENT = /^[a-z_][a-z0-9_]*$/;
function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`database name "${name}": lower-case letters, digits and _ only`);
  return name;
}

export async function recreateDatabase(name: string): Promise<string> {
  await adminQuery(`drop database if exists ${ident(name)} with (force)`);
  await adminQuery(`create database ${ident(name)}`);
  return databaseUrl(name);
}
export async function dropDatabase(name: string): Promise<void> {
  await adminQuery(`drop database if exists ${ident(name)} with (force)`);
}
export async function databaseExists(name: string): Promise<boolean> {
  const r = await adminQuery(`select 1 from pg_database where datname = '${ident(name)}'`);
  return r.rowCount === 1;
}

/** A generated clinic as uploads (generated once per process and reused). */
export interface Clinic {
  files: UploadedFile[];
  clinic: unknown;
  /** The export instant of the clinic: the app clock of every import, so audits are reproducible. */
  now: number;
  patients: number;
  days: number;
  seed: number;
}

export async function generateUploads(patients: number, days: number, seed: number): Promise<Clinic> {
  const { files, clinic, generated } = await demoUploads({ patients, days, seed });
  return { files, clinic, now: generated.clinic.options.now, patients, days, seed };
}

/** The app context of a benchmark: silent logger, the clinic's export instant as the clock. */
export async function benchContext(db: Db, engine: Engine, now: number): Promise<AppContext> {
  return createAppContext({ db, engine, log: createLogger({ level: 'silent' }), now: () => now });
}

export async function newPractice(ctx: AppContext, clinic: Clinic): Promise<string> {
  return createPractice(ctx, { name: 'Benchmark Radiation Oncology (synthetic)', clinic: clinic.clinic });
}

/** Every table of the schema except Kysely's migration bookkeeping. */
export async function tableNames(db: Db): Promise<string[]> {
  const r = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
    order by table_name`.execute(db);
  return r.rows.map((x) => x.name);
}

/** Row count per table (exact count(*)), for "rows written" = after − before. */
export async function rowCounts(db: Db, tables?: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables ?? (await tableNames(db))) {
    const r = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(t)}`.execute(db);
    out[t] = Number(r.rows[0]!.n);
  }
  return out;
}

export const sum = (counts: Record<string, number>): number =>
  Object.values(counts).reduce((a, b) => a + b, 0);
