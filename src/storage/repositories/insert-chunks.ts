/** Rows per multi-row INSERT: well under PostgreSQL's 65,535 bind parameters for the widest table here. */
export const ROWS_PER_INSERT = 2_000;

/** Rows in groups of ROWS_PER_INSERT, one multi-row INSERT each. */
export function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) out.push(rows.slice(i, i + ROWS_PER_INSERT));
  return out;
}
