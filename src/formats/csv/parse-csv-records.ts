/**
 * RFC 4180 records with the physical line on which each record and each cell starts.
 *
 * Why not csv-parse: its `info.lines` counts CR and LF separately inside quoted cells, so in a CRLF file
 * every record after a multi-line quoted cell is reported one line too far per CRLF (csv-parse 7.0.3:
 * `a,b\r\n"x\r\ny",1\r\nlast,2` puts `last,2` on line 5; it is on line 4). Locations are the point of this
 * reader, so it scans itself: one linear pass, no backtracking, any input ends.
 *
 * RFC 4180 §2: records end at CRLF (here also LF or a lone CR, as exported by other tools); a cell that
 * holds the delimiter, a quote or a line break is enclosed in double quotes, and a quote inside it is
 * doubled. Tolerated beyond the RFC: spaces before an opening or after a closing quote (`a, "b"`), and a
 * quote inside an unquoted cell (kept as text, reported as a warning).
 */
export interface CsvRecord {
  /** Physical line (1-based) on which the record starts. */
  line: number;
  cells: string[];
  /** Physical line on which each cell starts; only when the record spans several lines. */
  cellLines?: number[];
  /** Oddities met in this record, by cell index. */
  issues?: CsvRecordIssue[];
}

export interface CsvRecordIssue {
  cell: number;
  line: number;
  /**
   * - `text-after-quote`: characters between a closing quote and the next delimiter (`"ab"c`): a problem;
   * - `quote-in-unquoted`: a quote inside a cell that does not start with one (`ab"c`): kept, a warning;
   * - `unclosed-quote`: a quoted cell that runs to the end of the file: a problem for the whole file.
   */
  kind: 'text-after-quote' | 'quote-in-unquoted' | 'unclosed-quote';
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;

/** Reads records one at a time from `text`, starting at `offset` (the start of physical line `line`). */
export class CsvRecordScanner {
  private pos: number;
  private line: number;
  private readonly delim: number;

  constructor(
    private readonly text: string,
    delimiter: string,
    start: { offset: number; line: number } = { offset: 0, line: 1 },
  ) {
    this.delim = delimiter.charCodeAt(0);
    this.pos = start.offset;
    this.line = start.line;
  }

  /** The next record, or null at the end of the text. A blank line is a record with one empty cell. */
  next(): CsvRecord | null {
    const { text } = this;
    if (this.pos >= text.length) return null;
    const record: CsvRecord = { line: this.line, cells: [] };
    for (;;) {
      const cellLine = this.line;
      const index = record.cells.length;
      let lead = this.pos;
      while (lead < text.length && isBlank(text.charCodeAt(lead), this.delim)) lead++;
      let value: string;
      if (text.charCodeAt(lead) === QUOTE) {
        this.pos = lead + 1;
        const quoted = this.readQuoted();
        if (quoted === null) {
          value = text.slice(lead + 1);
          addIssue(record, { cell: index, line: cellLine, kind: 'unclosed-quote' });
        } else {
          value = quoted;
          while (this.pos < text.length && isBlank(text.charCodeAt(this.pos), this.delim)) this.pos++;
          if (!this.atCellEnd()) {
            addIssue(record, { cell: index, line: cellLine, kind: 'text-after-quote' });
            value += this.readUnquoted(record, index, true);
          }
        }
      } else {
        value = this.readUnquoted(record, index, false);
      }
      record.cells.push(value);
      if (cellLine !== record.line || record.cellLines) {
        record.cellLines ??= record.cells.map(() => record.line);
        record.cellLines[index] = cellLine;
      }
      if (this.pos >= text.length) return record;
      const c = text.charCodeAt(this.pos);
      if (c === this.delim) {
        this.pos++;
        continue;
      }
      // A record delimiter: CRLF, LF or a lone CR.
      this.pos += c === CR && text.charCodeAt(this.pos + 1) === LF ? 2 : 1;
      this.line++;
      return record;
    }
  }

  /** After the opening quote: the cell's text up to its closing quote, or null if the file ends first. */
  private readQuoted(): string | null {
    const { text } = this;
    let value = '';
    let from = this.pos;
    for (let i = this.pos; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        value += text.slice(from, i);
        if (text.charCodeAt(i + 1) === QUOTE) {
          value += '"';
          i++;
          from = i + 1;
          continue;
        }
        this.pos = i + 1;
        return value;
      }
      if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) this.line++;
    }
    this.pos = text.length;
    return null;
  }

  /** Up to the next delimiter or line end; a quote met on the way is kept and noted. */
  private readUnquoted(record: CsvRecord, index: number, noted: boolean): string {
    const { text } = this;
    const from = this.pos;
    let i = from;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === this.delim || c === CR || c === LF) break;
      if (c === QUOTE && !noted) {
        addIssue(record, { cell: index, line: this.line, kind: 'quote-in-unquoted' });
        noted = true;
      }
    }
    this.pos = i;
    return text.slice(from, i);
  }

  private atCellEnd(): boolean {
    if (this.pos >= this.text.length) return true;
    const c = this.text.charCodeAt(this.pos);
    return c === this.delim || c === CR || c === LF;
  }
}

/** Spaces and tabs around a quoted cell, unless the character is the delimiter itself (tab-separated). */
function isBlank(c: number, delim: number): boolean {
  return (c === SPACE || c === TAB) && c !== delim;
}

function addIssue(record: CsvRecord, issue: CsvRecordIssue): void {
  (record.issues ??= []).push(issue);
}

/** True when every cell is empty or blank (an empty line, or `,,,` left by a spreadsheet). */
export function isBlankRecord(record: CsvRecord): boolean {
  return record.cells.every((cell) => cell.trim() === '');
}

/** The physical line on which cell `index` starts (a missing cell of a short row: the record's last line). */
export function cellLine(record: CsvRecord, index: number): number {
  return record.cellLines?.[index] ?? record.cellLines?.at(-1) ?? record.line;
}

/** Offset where physical line `n` (1-based) starts, or null when the text has no such (non-empty) line. */
export function lineOffset(text: string, n: number): number | null {
  let line = 1;
  let i = 0;
  for (; i < text.length && line < n; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
  }
  return line === n && i < text.length ? i : null;
}
