import { type Expression, type RawBuilder, sql } from 'kysely';
import { AppError } from '../app-errors.js';

/**
 * Keyset pagination ("seek method": the next page starts after the last row's sort key, so a page deep
 * in a long list costs what the first page costs; PostgreSQL manual §7.6 "LIMIT and OFFSET": "rows
 * skipped by an OFFSET clause still have to be computed inside the server"). A cursor is the last row's
 * sort key, as opaque text.
 */
export type KeyValue = string | number | null;

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
    !values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')
  ) {
    throw new AppError('invalid_input', 'the page cursor is not one this list gave', [
      { location: 'after', message: 'not a cursor of this list' },
    ]);
  }
  return values as KeyValue[];
}

/**
 * Rows whose key starts at `values` or after it (`keys` a leading part of a list's key, inclusive): a
 * bound an index on those columns can start its walk at, where the whole key spans several tables.
 */
export function from(
  keys: readonly Expression<unknown>[],
  values: readonly KeyValue[],
  dir: 'asc' | 'desc',
): RawBuilder<boolean> {
  return sql<boolean>`(${sql.join(keys)}) ${sql.raw(dir === 'desc' ? '<=' : '>=')} (${sql.join(
    values.map((x) => sql`${x}`),
  )})`;
}

/**
 * Rows whose key (`keys`, all in the `dir` direction) comes after `values`: one row comparison. With
 * `nullsLast`, the first key may be null and nulls sort after every value (either direction), as an
 * index on that column in ascending order keeps them; the other keys are never null.
 */
export function after(
  keys: readonly Expression<unknown>[],
  values: readonly KeyValue[],
  dir: 'asc' | 'desc',
  nullsLast = false,
): RawBuilder<boolean> {
  const op = sql.raw(dir === 'desc' ? '<' : '>');
  const row = (k: readonly Expression<unknown>[], v: readonly KeyValue[]) =>
    sql<boolean>`(${sql.join(k)}) ${op} (${sql.join(v.map((x) => sql`${x}`))})`;
  if (!nullsLast) return row(keys, values);
  const [first, ...rest] = keys;
  const [value, ...restValues] = values;
  return value === null
    ? sql<boolean>`(${first} is null and ${row(rest, restValues)})`
    : sql<boolean>`(${first} is null or ${row(keys, values)})`;
}
