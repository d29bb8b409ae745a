import { type InputProblem, MAX_PROBLEMS_PER_FILE, type ReadResult } from '../../core/model/input-problem.js';
import { type CellContext, readCell, type ValueOf } from './cell-values.js';
import { type CsvMapping, effectiveFormat, requirement } from './column-mapping.js';
import type { CsvKind, FieldSpecs } from './csv-fields.js';
import { chooseMapping, unclosedQuote } from './choose-mapping.js';
import { compileFormat } from './date-time-format.js';
import { type DecodedCsv, decodeCsvText } from './decode-csv-text.js';
import { type ColumnMatch, displayName } from './match-columns.js';
import { bundledMappings } from './mappings/bundled-mappings.js';
import { cellLine, type CsvRecord, CsvRecordScanner, isBlankRecord } from './parse-csv-records.js';
import { ProblemList } from './problem-list.js';
import { runSteps, type Steps } from '../steps.js';

/** Rows read between two pauses of `csvTableSteps`. */
export const ROWS_PER_STEP = 1000;

export interface CsvReadOptions {
  /** The site's mapping; without one, the bundled mappings of the kind are tried on the header row. */
  mapping?: CsvMapping;
  /**
   * `fail` (default): imports are atomic, one bad row makes the file unusable and every problem is listed;
   * `skip`: bad rows are left out and their problems become warnings.
   */
  onBadRow?: 'fail' | 'skip';
  /** Problems (and warnings) listed before the rest are only counted. Default MAX_PROBLEMS_PER_FILE (200). */
  maxProblems?: number;
}

/** How the file was read: enough to reproduce the reading, nothing from its rows. */
export interface CsvTableInfo {
  mappingId: string;
  encoding: DecodedCsv['encoding'];
  delimiter: ',' | ';' | '\t' | '|';
  headerLine: number;
  /** Data rows met (blank rows not counted). */
  rowsRead: number;
  /** Rows left out under `onBadRow: 'skip'`. */
  rowsSkipped: number;
}

export type RowValues<F extends FieldSpecs> = { -readonly [K in keyof F]?: ValueOf<F[K]> };

export interface TableRow<F extends FieldSpecs> {
  /** Physical line on which the row starts. */
  line: number;
  values: RowValues<F>;
}

/** What a row builder reports; a problem makes the row bad. Located at the field's column, or the row. */
export interface RowReport<F extends FieldSpecs> {
  problem(field: (keyof F & string) | null, message: string): void;
  warning(field: (keyof F & string) | null, message: string): void;
  /** How a field's column is named in this file (for messages that refer to it), or its key. */
  columnName(field: keyof F & string): string;
}

export type RowBuilder<F extends FieldSpecs, R> = (row: TableRow<F>, report: RowReport<F>) => R | null;

/**
 * The shared engine of the CSV readers: bytes → text → header → typed cells per row → the reader's
 * records (built by `build`), with every problem located as `file.csv:line 42, column "Beam On"` (the
 * physical line where the cell starts) and never quoting a value.
 */
export function readCsvTable<F extends FieldSpecs, R>(
  input: Uint8Array | string,
  source: string,
  kind: CsvKind,
  fields: F,
  options: CsvReadOptions,
  build: RowBuilder<F, R>,
): ReadResult<{ rows: R[]; info: CsvTableInfo }> {
  return runSteps(csvTableSteps(input, source, kind, fields, options, build));
}

/** `readCsvTable` pausing after every ROWS_PER_STEP rows read (formats/steps.ts). */
export function* csvTableSteps<F extends FieldSpecs, R>(
  input: Uint8Array | string,
  source: string,
  kind: CsvKind,
  fields: F,
  options: CsvReadOptions,
  build: RowBuilder<F, R>,
): Steps<ReadResult<{ rows: R[]; info: CsvTableInfo }>> {
  const { mapping } = options;
  if (mapping && mapping.kind !== kind) {
    return fail(source, `mapping "${mapping.id}" is for ${mapping.kind} files, not ${kind}`);
  }
  const decoded = decodeCsvText(input, source, mapping?.encoding ?? 'auto');
  if (!decoded.ok) return decoded;
  const { text } = decoded.value;
  if (text.trim() === '') return fail(`${source}:line 1`, 'the file is empty: expected a header row');

  const header = chooseMapping(text, source, kind, mapping ? [mapping] : bundledMappings(kind), !mapping);
  if (!header.ok) return header;
  const { chosen, record: headerRecord, delimiter, offset } = header.value;
  const columns = prepareColumns(chosen.mapping, chosen.match, fields);
  if (!Array.isArray(columns)) return fail(source, columns.error);

  const max = options.maxProblems ?? MAX_PROBLEMS_PER_FILE;
  const problems = new ProblemList(source, max, 'problem');
  const warnings = new ProblemList(source, max, 'warning');
  for (const w of decoded.warnings) warnings.add(w);
  const info: CsvTableInfo = {
    mappingId: chosen.mapping.id,
    encoding: decoded.value.encoding,
    delimiter,
    headerLine: headerRecord.line,
    rowsRead: 0,
    rowsSkipped: 0,
  };
  const reader = new RowReader<F, R>(source, headerRecord.cells, chosen.match, columns, warnings, build);
  const skip = options.onBadRow === 'skip';
  const rows: R[] = [];
  const scanner = new CsvRecordScanner(text, delimiter, { offset, line: headerRecord.line });
  scanner.next(); // the header row, already read
  for (let record = scanner.next(); record; record = scanner.next()) {
    if (record.issues?.some((i) => i.kind === 'unclosed-quote')) {
      problems.add(unclosedQuote(source, record));
      break;
    }
    if (isBlankRecord(record)) continue;
    if (++info.rowsRead % ROWS_PER_STEP === 0) yield;
    const built = reader.read(record);
    if (reader.problems.length > 0) {
      const list = skip ? warnings : problems;
      for (const p of reader.problems) list.add(p);
      info.rowsSkipped++;
    } else if (built !== null) rows.push(built);
  }
  if (problems.size > 0) return { ok: false, problems: problems.list() };
  if (info.rowsSkipped > 0) {
    warnings.add({
      location: source,
      message: `${info.rowsSkipped} of ${info.rowsRead} rows left out because of the problems above (onBadRow: skip)`,
    });
  }
  if (info.rowsRead === 0) {
    warnings.add({
      location: `${source}:line ${info.headerLine}`,
      message: 'no data rows after the header row',
    });
  }
  return { ok: true, value: { rows, info }, warnings: warnings.list() };
}

/** Reads one data row after another: cells → typed values → the builder's record, problems located. */
class RowReader<F extends FieldSpecs, R> implements RowReport<F> {
  /** The current row's problems (the row is bad when there are any). */
  problems: InputProblem[] = [];
  private record!: CsvRecord;
  private readonly labels = new Map<number, string>();

  constructor(
    private readonly source: string,
    private readonly header: readonly string[],
    private readonly match: ColumnMatch,
    private readonly columns: readonly PreparedColumn[],
    private readonly warnings: ProblemList,
    private readonly build: RowBuilder<F, R>,
  ) {}

  read(record: CsvRecord): R | null {
    this.record = record;
    this.problems = [];
    const width = this.header.length;
    const cells = record.cells;
    let malformed: Set<number> | undefined;
    for (const issue of record.issues ?? []) {
      const location = this.at(issue.cell < width ? issue.cell : undefined);
      if (issue.kind === 'text-after-quote') {
        this.problems.push({ location, message: 'text after the closing quote of a quoted cell' });
        (malformed ??= new Set()).add(issue.cell);
      } else {
        this.warnings.add({ location, message: 'a double quote inside an unquoted cell was kept as text' });
      }
    }
    if (cells.length > width && cells.slice(width).some((c) => c.trim() !== '')) {
      this.problems.push({
        location: this.at(undefined),
        message: `the row has ${cells.length} cells and the header ${width}: an unquoted delimiter inside a value shifts the columns (quote the value)`,
      });
    }
    const values: Record<string, unknown> = {};
    let shortRow = false;
    for (const column of this.columns) {
      const cell = cells[column.index];
      if (cell === undefined) shortRow = true;
      if (cell === undefined || cell.trim() === '') {
        if (column.required === 'cell') {
          this.problems.push({
            location: this.at(column.index),
            message:
              cell === undefined
                ? `missing: the row has ${cells.length} of the header's ${width} cells, and ${column.field.label} is required`
                : `empty: ${column.field.label} is required`,
          });
        }
        continue;
      }
      if (malformed?.has(column.index)) continue;
      const result = readCell(column.field, cell, column.ctx);
      if (result.ok) values[column.key] = result.value;
      else this.problems.push({ location: this.at(column.index), message: result.expected });
    }
    if (this.problems.length > 0) return null;
    if (shortRow) {
      this.warnings.add({
        location: this.at(undefined),
        message: `the row has ${cells.length} of the header's ${width} cells: the missing ones are read as empty`,
      });
    }
    return this.build({ line: record.line, values: values as RowValues<F> }, this);
  }

  problem(field: (keyof F & string) | null, message: string): void {
    this.problems.push({ location: this.fieldAt(field), message });
  }

  warning(field: (keyof F & string) | null, message: string): void {
    this.warnings.add({ location: this.fieldAt(field), message });
  }

  columnName(field: keyof F & string): string {
    const index = this.match.indexes[field];
    return index === undefined ? field : `"${this.label(index)}"`;
  }

  private fieldAt(field: string | null): string {
    return this.at(field === null ? undefined : this.match.indexes[field]);
  }

  /** `file.csv:line 42, column "Beam On"` (the line where the cell starts), or the row's line. */
  private at(index: number | undefined): string {
    const { source, record } = this;
    if (index === undefined) return `${source}:line ${record.line}`;
    return `${source}:line ${cellLine(record, index)}, column "${this.label(index)}"`;
  }

  /**
   * A column's name as the file writes it when the mapping knows it (a header that matched one of the
   * mapping's names), else its position: a damaged header row (a lost closing quote) can hold a data
   * row's values, and a location must never quote patient data.
   */
  private label(index: number): string {
    let label = this.labels.get(index);
    if (label === undefined) {
      const known = index < this.header.length && Object.values(this.match.indexes).includes(index);
      label = known ? displayName(this.header[index]!) : `#${index + 1}`;
      this.labels.set(index, label);
    }
    return label;
  }
}

interface PreparedColumn {
  key: string;
  field: FieldSpecs[string];
  required: FieldSpecs[string]['required'];
  index: number;
  ctx: CellContext;
}

/** The mapped fields with their column index and compiled format (a hand-built mapping may be invalid). */
function prepareColumns(
  mapping: CsvMapping,
  match: ColumnMatch,
  fields: FieldSpecs,
): PreparedColumn[] | { error: string } {
  const prepared: PreparedColumn[] = [];
  for (const [key, field] of Object.entries(fields)) {
    const index = match.indexes[key];
    if (index === undefined) continue;
    const ctx: CellContext = { column: mapping.columns[key], decimalSeparator: mapping.decimalSeparator };
    if (field.type === 'date' || field.type === 'time' || field.type === 'date-time') {
      const format = compileFormat(effectiveFormat(mapping, key, field));
      if ('error' in format) return { error: `mapping "${mapping.id}", column ${key}: ${format.error}` };
      ctx.format = format;
    }
    prepared.push({ key, field, required: requirement(mapping, key, field), index, ctx });
  }
  return prepared;
}

function fail(location: string, message: string): { ok: false; problems: InputProblem[] } {
  return { ok: false, problems: [{ location, message }] };
}
