import { CsvRecordScanner } from '../csv/parse-csv-records.js';
import { type ColumnSpec, displayName, headerKey, matchesAlias } from './cms-columns.js';

/** Records searched for the header row (CMS puts title, copyright and blank lines before it). */
export const HEADER_SEARCH = 60;
/** A header whose names are split over up to this many rows (`NON-FAC` above `PE RVU`) is joined. */
const HEADER_ROWS = 3;
export const DELIMITERS = [',', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface HeaderMatch<F extends string> {
  delimiter: Delimiter;
  /** Index (0-based) of the header's last record among the file's records, and its line. */
  record: number;
  line: number;
  /** Column index and header name as written (rows joined by a space) of each field found. */
  columns: Partial<Record<F, { index: number; name: string }>>;
  missing: ColumnSpec<F>[];
  /** Fields named by more than one column: the first is read. */
  duplicated: { field: F; columns: number[] }[];
  /** The cells of the header row, for reports. */
  seen: string[];
}

/**
 * The first record, for some delimiter, whose cells (alone, or joined with the one or two records above)
 * name every required column; else the candidate that named the most, with what it lacks.
 */
export function findHeaderRow<F extends string>(
  text: string,
  specs: readonly ColumnSpec<F>[],
): { found: true; match: HeaderMatch<F> } | { found: false; closest: HeaderMatch<F> | null } {
  let closest: HeaderMatch<F> | null = null;
  let closestScore = 0;
  for (const delimiter of DELIMITERS) {
    const scanner = new CsvRecordScanner(text, delimiter);
    const above: string[][] = [];
    for (let i = 0; i < HEADER_SEARCH; i++) {
      const record = scanner.next();
      if (!record) break;
      if (record.cells.length < 2) {
        above.length = 0;
        continue;
      }
      const match = matchHeader(record.cells, above, specs, delimiter, i, record.line);
      if (match.missing.length === 0) return { found: true, match };
      const score = specs.length - match.missing.length;
      if (score > closestScore) [closest, closestScore] = [match, score];
      above.unshift(record.cells);
      above.length = Math.min(above.length, HEADER_ROWS - 1);
    }
  }
  return { found: false, closest };
}

function matchHeader<F extends string>(
  cells: readonly string[],
  above: readonly string[][],
  specs: readonly ColumnSpec<F>[],
  delimiter: Delimiter,
  record: number,
  line: number,
): HeaderMatch<F> {
  // Names of each column by depth: the cell alone, then joined with the cells above it.
  const names: string[][] = [];
  for (let depth = 0; depth <= above.length; depth++) {
    names.push(
      cells.map((cell, c) =>
        [
          ...above
            .slice(0, depth)
            .reverse()
            .map((row) => row[c] ?? ''),
          cell,
        ]
          .map((s) => s.trim())
          .filter((s) => s !== '')
          .join(' '),
      ),
    );
  }
  const keys = names.map((row) => row.map((n) => (n.length > 200 ? '' : headerKey(n))));
  const columns: HeaderMatch<F>['columns'] = {};
  const claimed = new Set<number>();
  const duplicated: HeaderMatch<F>['duplicated'] = [];
  for (let depth = 0; depth < keys.length; depth++) {
    for (const spec of specs) {
      if (columns[spec.field]) continue;
      const hits = keys[depth]!.flatMap((key, c) =>
        !claimed.has(c) && key !== '' && spec.aliases.some((a) => matchesAlias(key, a)) ? [c] : [],
      );
      if (hits.length === 0) continue;
      columns[spec.field] = { index: hits[0]!, name: names[depth]![hits[0]!]! };
      claimed.add(hits[0]!);
      if (hits.length > 1) duplicated.push({ field: spec.field, columns: hits });
    }
  }
  return {
    delimiter,
    record,
    line,
    columns,
    missing: specs.filter((s) => s.required && !columns[s.field]),
    duplicated,
    seen: cells.map(displayName).filter((n) => n !== ''),
  };
}
