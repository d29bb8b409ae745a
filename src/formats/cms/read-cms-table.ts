import type { InputProblem, ReadResult } from '../../core/model/input-problem.js';
import { decodeCsvText } from '../csv/decode-csv-text.js';
import { CsvRecordScanner, isBlankRecord } from '../csv/parse-csv-records.js';
import type { ColumnSpec } from './cms-columns.js';
import { ProblemList } from './cms-problem-list.js';
import { findHeaderRow, type HeaderMatch } from './find-header-row.js';
import { RowReader } from './row-reader.js';

export interface CmsReadOptions {
  /** `fail` (default): one bad row refuses the file. `skip`: bad rows are dropped and reported as warnings. */
  onBadRow?: 'fail' | 'skip';
}

/** Where the table was found: for reports and for the README's "what was read". */
export interface CmsTableInfo {
  source: string;
  delimiter: ',' | '\t' | '|';
  headerLine: number;
  /** The header name read for each field (as written in the file). */
  columns: Record<string, string>;
  /** Rows read, and rows skipped (notes, repeated headers, bad rows in `skip` mode). */
  rows: number;
  skipped: number;
}

export interface CmsTable<T> {
  info: CmsTableInfo;
  rows: T[];
}

/**
 * A CMS file (CSV, or tab- or pipe-delimited text) → typed rows. The header row is found by its names
 * (`findHeaderRow`); each data row goes through `toRow`, which reads cells through a `RowReader` and
 * returns null when it reported a problem. Never throws on input.
 */
export function readCmsTable<F extends string, T>(
  input: Uint8Array | string,
  source: string,
  what: string,
  specs: readonly ColumnSpec<F>[],
  options: CmsReadOptions,
  toRow: (row: RowReader<F>) => T | null,
): ReadResult<CmsTable<T>> {
  const decoded = decodeCsvText(input, source);
  if (!decoded.ok) return decoded;
  const text = decoded.value.text;
  if (text.trim() === '') return refuse(source, `empty file: expected the ${what} table`);
  const header = findHeaderRow(text, specs);
  if (!header.found) return { ok: false, problems: unknownLayout(source, what, text, header.closest) };
  const match = header.match;
  const warnings = new ProblemList(source, 'warning');
  const problems = new ProblemList(source, 'problem');
  for (const d of match.duplicated) {
    const spec = specs.find((s) => s.field === d.field)!;
    warnings.add(
      `${source}:line ${match.line}`,
      `${d.columns.length} columns are named like "${spec.label}": column ${d.columns[0]! + 1} is read`,
    );
  }
  const skip = options.onBadRow === 'skip';
  const key = specs[0]!.field; // the code (or contractor) column
  const rows: T[] = [];
  let skipped = 0;
  const scanner = new CsvRecordScanner(text, match.delimiter);
  for (let i = 0; i <= match.record; i++) scanner.next();
  for (let record = scanner.next(); record; record = scanner.next()) {
    if (isBlankRecord(record)) continue;
    const row = new RowReader<F>(source, record, match);
    if (row.isHeaderRepeat(specs)) {
      skipped++;
      continue;
    }
    if (specs.every((s) => !s.required || s.field === key || row.text(s.field) === '')) {
      // A note or footer (in the first column or elsewhere): no data in the other required columns. A row
      // with data but an empty code or contractor is a problem (reported by the row's reader), not a note.
      warnings.add(row.location, 'a line with no values in the required columns (a note?) is skipped');
      skipped++;
      continue;
    }
    for (const issue of record.issues ?? []) {
      if (issue.kind === 'unclosed-quote') row.problem(null, 'a quoted cell is never closed');
      else if (issue.kind === 'text-after-quote') row.problem(null, 'text after a closing quote');
    }
    const value = row.failed ? null : toRow(row);
    if (value !== null && !row.failed) {
      rows.push(value);
      continue;
    }
    skipped++;
    for (const p of row.problems) (skip ? warnings : problems).add(p.location, p.message);
    if (skip) warnings.add(`${source}:line ${record.line}`, 'row skipped (onBadRow: skip)');
  }
  if (problems.size > 0) return { ok: false, problems: problems.list() };
  if (rows.length === 0) return refuse(`${source}:line ${match.line}`, `the ${what} table has no data rows`);
  const columns: Record<string, string> = {};
  for (const spec of specs) {
    const c = match.columns[spec.field];
    if (c) columns[spec.field] = c.name;
  }
  const info: CmsTableInfo = {
    source,
    delimiter: match.delimiter,
    headerLine: match.line,
    columns,
    rows: rows.length,
    skipped,
  };
  return { ok: true, value: { info, rows }, warnings: [...decoded.warnings, ...warnings.list()] };
}

function refuse(location: string, message: string): ReadResult<never> {
  return { ok: false, problems: [{ location, message }] };
}

/** Which required columns were not found, where the closest header was, and what it named. */
function unknownLayout<F extends string>(
  source: string,
  what: string,
  text: string,
  closest: HeaderMatch<F> | null,
): InputProblem[] {
  const head = text.slice(0, 4096);
  const fixedWidth = !/[,\t|]/.test(head)
    ? ' (fixed-width text is not supported: use the CSV file of the release)'
    : '';
  if (!closest) {
    return [
      {
        location: source,
        message: `unknown layout: no header row of the ${what} table in the first lines${fixedWidth}`,
      },
    ];
  }
  const missing = closest.missing.map((s) => `"${s.label}"`).join(', ');
  return [
    {
      location: `${source}:line ${closest.line}`,
      message: `unknown ${what} layout: required column${closest.missing.length > 1 ? 's' : ''} ${missing} not found${fixedWidth}`,
    },
    {
      location: `${source}:line ${closest.line}`,
      message: `columns seen: ${closest.seen.slice(0, 40).join(' | ')}${closest.seen.length > 40 ? ` | … (${closest.seen.length} in all)` : ''}`,
    },
  ];
}
