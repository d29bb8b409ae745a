import { ROWS_PER_INSERT } from '../../storage/repositories/insert-chunks.js';

/**
 * JSON characters per multi-row INSERT of stored records. PGlite runs a statement in the app's thread in
 * one stretch (parsing its parameters included): 534 files' records in one INSERT (~2 MB) held the event
 * loop for seconds on a loaded machine, while ~256 KB takes a fraction of that.
 */
export const CONTENT_CHARS_PER_INSERT = 256 * 1024;

/** Rows in groups of at most CONTENT_CHARS_PER_INSERT of `content` (a larger row alone) and ROWS_PER_INSERT rows. */
export function contentChunks<T extends { content: string }>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  let chunk: T[] = [];
  let chars = 0;
  for (const row of rows) {
    if (
      chunk.length &&
      (chars + row.content.length > CONTENT_CHARS_PER_INSERT || chunk.length >= ROWS_PER_INSERT)
    ) {
      out.push(chunk);
      chunk = [];
      chars = 0;
    }
    chunk.push(row);
    chars += row.content.length;
  }
  if (chunk.length) out.push(chunk);
  return out;
}
