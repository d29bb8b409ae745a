import { type Expression, type RawBuilder, sql } from 'kysely';
import { AppError } from '../app-errors.js';

/**
 * Keyset pagination ("seek method": the next page starts after the last row's sort key, so a page deep
 * in a long list costs what the first page costs; PostgreSQL manual §7.6 "LIMIT and OFFSET": "rows
 * skipped by an OFFSET clause still have to be computed inside the server"). A cursor is the last row's
 * sort key, as opaque text.
 */
export type KeyValue = string | number;

export function encodeCursor(values: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The key in `cursor`, of `length` values; a cursor not made by encodeCursor is refused. */
export function decodeCursor(cursor: string, length: number): KeyValue[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  if (
    !Array.isArray(values) ||
    values.length !== length ||
    !values.every((v) => typeof v === 'string' || typeof v === 'number')
  ) {
    throw new AppError('invalid_input', 'the page cursor is not one this list gave', [
      { location: 'after', message: 'not a cursor of this list' },
    ]);
  }
  return values as KeyValue[];
}

/** Rows whose key (`keys`, all in the `dir` direction) comes after `values`: one row comparison. */
export function after(
  keys: readonly Expression<unknown>[],
  values: readonly KeyValue[],
  dir: 'asc' | 'desc',
): RawBuilder<boolean> {
  const op = sql.raw(dir === 'desc' ? '<' : '>');
  return sql<boolean>`(${sql.join(keys)}) ${op} (${sql.join(values.map((v) => sql`${v}`))})`;
}
