import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/storage/database.js';

/** The tables an import writes (besides the upload and job tables). */
const TABLES = [
  'patients',
  'courses',
  'fractions',
  'beams',
  'monitoring_sessions',
  'findings',
  'documents',
  'signatures',
  'charges',
  'charge_status_history',
  'charge_days',
  'fraction_days',
  'hold_reason_days',
  'imports',
  'import_records',
  'unlinked_records',
  'authorizations',
] as const;

type Row = Record<string, unknown>;

/**
 * Every row an import wrote, as sorted lines `table <tab> JSON`, with the ids the app draws at random
 * (uuids) or in write order (bigserial) replaced by what the row is about: a practice by its name, a
 * patient by MRN, a course by its key, a fraction by course and fraction key, a document by kind and
 * key, a charge by fraction, code and modifiers, a file by its name. Two stores of the same import that
 * differ only in how rows reach the server (COPY or INSERT, one statement or many) give the same lines.
 */
export async function storedRows(db: Db): Promise<string[]> {
  const rows = new Map<string, Row[]>();
  for (const table of [...TABLES, 'practices']) {
    const r = await sql<{ j: Row }>`select to_jsonb(t) as j from ${sql.table(table)} t`.execute(db);
    rows.set(
      table,
      r.rows.map((x) => (typeof x.j === 'string' ? JSON.parse(x.j) : x.j) as Row),
    );
  }
  const name = new Map<string, string>();
  const of = (table: string, key: (r: Row) => string) => {
    for (const r of rows.get(table)!) name.set(String(r.id), `${table}:${key(r)}`);
  };
  of('practices', (r) => String(r.name));
  of('patients', (r) => String(r.mrn));
  of('courses', (r) => String(r.course_key));
  of('imports', (r) => String(r.file_name));
  of('fractions', (r) => `${name.get(String(r.course_id))}/${String(r.fraction_key)}`);
  of('documents', (r) => `${name.get(String(r.course_id))}/${String(r.kind)}/${String(r.document_key)}`);
  of('charges', (r) => `${name.get(String(r.fraction_id))}/${String(r.code)}/${String(r.modifiers)}`);
  const lines: string[] = [];
  for (const table of TABLES) {
    for (const row of rows.get(table)!) {
      const shown: Row = {};
      for (const [k, v] of Object.entries(row).sort(([a], [b]) => a.localeCompare(b))) {
        if (k === 'id' || k === 'created_at') continue;
        shown[k] = k.endsWith('_id') && v !== null ? (name.get(String(v)) ?? v) : v;
      }
      lines.push(`${table}\t${JSON.stringify(shown)}`);
    }
  }
  return lines.sort();
}

/** SHA-256 of `storedRows`, and how many rows. */
export async function storedRowsDigest(db: Db): Promise<{ rows: number; sha256: string }> {
  const lines = await storedRows(db);
  return { rows: lines.length, sha256: createHash('sha256').update(lines.join('\n')).digest('hex') };
}
