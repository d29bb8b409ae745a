/**
 * CSV text as RFC 4180 describes it, so that the readers of this folder (and spreadsheets) read every
 * cell back as written: records end with CRLF; a cell holding the delimiter, a double quote, CR or LF, or
 * starting or ending with a blank, is enclosed in double quotes and its quotes are doubled. `quote: 'all'`
 * encloses every cell (as the ARIA-like export does). Null and undefined write an empty cell.
 */
export type CsvCell = string | number | boolean | null | undefined;

export interface WriteCsvOptions {
  /** `,` (default), `;`, `\t` or `|`. */
  delimiter?: string;
  /** `needed` (default): only cells that must be; `all`: every cell. */
  quote?: 'needed' | 'all';
  /** `\r\n` (default, RFC 4180) or `\n`. */
  lineEnding?: '\r\n' | '\n';
}

export function csvCell(value: CsvCell, options: WriteCsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const text = value === null || value === undefined ? '' : String(value);
  const must =
    text.includes(delimiter) ||
    text.includes('"') ||
    text.includes('\r') ||
    text.includes('\n') ||
    text !== text.trim();
  return must || options.quote === 'all' ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows (the header row first, if any) → CSV text ending with a line break. */
export function writeCsv(rows: readonly (readonly CsvCell[])[], options: WriteCsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const eol = options.lineEnding ?? '\r\n';
  return rows.map((row) => row.map((cell) => csvCell(cell, options)).join(delimiter) + eol).join('');
}
