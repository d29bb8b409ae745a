/** Rows per multi-row INSERT, at most: fewer when a row's columns would pass the bind-parameter limit. */
export const ROWS_PER_INSERT = 2_000;

/** PostgreSQL's limit of bind parameters in one statement (the protocol's Int16 count: 65,535). */
const MAX_PARAMETERS = 65_535;

/**
 * Characters of parameters per multi-row INSERT when the caller counts them: one statement's bind
 * message must stay under PostgreSQL's 1 GB message limit, and a few large statements are as fast.
 */
export const CHARS_PER_INSERT = 32 * 1024 * 1024;

/**
 * Rows in groups of ROWS_PER_INSERT, one multi-row INSERT each; with `size` (a row's characters, e.g.
 * its JSON), a group also ends once it holds CHARS_PER_INSERT.
 */
export function chunks<T>(rows: readonly T[], size?: (row: T) => number): T[][] {
  const out: T[][] = [];
  // A row binds one parameter per column (an id in an IN list binds one).
  const first = rows[0];
  const columns = typeof first === 'object' && first !== null ? Math.max(1, Object.keys(first).length) : 1;
  const maxRows = Math.min(ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / columns));
  let group: T[] = [];
  let chars = 0;
  for (const row of rows) {
    const n = size?.(row) ?? 0;
    if (group.length === maxRows || (group.length && chars + n > CHARS_PER_INSERT)) {
      out.push(group);
      group = [];
      chars = 0;
    }
    group.push(row);
    chars += n;
  }
  if (group.length) out.push(group);
  return out;
}
