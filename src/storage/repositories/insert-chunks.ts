/** Rows per multi-row INSERT: well under PostgreSQL's 65,535 bind parameters for the widest table here. */
export const ROWS_PER_INSERT = 2_000;

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
  let group: T[] = [];
  let chars = 0;
  for (const row of rows) {
    const n = size?.(row) ?? 0;
    if (group.length === ROWS_PER_INSERT || (group.length && chars + n > CHARS_PER_INSERT)) {
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
