import { type CsvMapping, requirement } from './column-mapping.js';
import { FIELDS_BY_KIND, type FieldSpec } from './csv-fields.js';
import { BUNDLED_MAPPINGS } from './mappings/bundled-mappings.js';

/** Where a mapping's fields are in one header row. */
export interface ColumnMatch {
  /** Column index of each field found. */
  indexes: Record<string, number>;
  /** Fields whose column the mapping requires and the header lacks. */
  missing: string[];
  /** Fields whose header name appears in more than one column (which one is meant is unknown). */
  duplicated: { field: string; columns: number[] }[];
  /** How many optional fields were found (ranks mappings that all fit). */
  optionalFound: number;
}

/** Header names compare trimmed, case-insensitively, with runs of spaces as one and outer quotes dropped. */
export function headerKey(name: string): string {
  let key = name.trim();
  if (key.length >= 2 && key.startsWith('"') && key.endsWith('"')) key = key.slice(1, -1).trim();
  if (/\s\s|[^\S ]/.test(key)) key = key.replace(/\s+/g, ' ');
  return key.toLowerCase();
}

/** A header cell as shown in a location: one line, at most 60 characters. */
export function displayName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = name.trim().replace(/[\u0000-\u001f\u007f"]+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

/** Longer cells cannot equal a mapping's header name (column-mapping.ts allows 200 characters). */
const MAX_HEADER = 210;
const wantedCache = new WeakMap<CsvMapping, Set<string>>();

function wantedKeys(mapping: CsvMapping): Set<string> {
  let keys = wantedCache.get(mapping);
  if (!keys) {
    keys = new Set(
      Object.values(mapping.columns).flatMap((column) => (column ? column.headers.map(headerKey) : [])),
    );
    wantedCache.set(mapping, keys);
  }
  return keys;
}

export function matchColumns(mapping: CsvMapping, headerCells: readonly string[]): ColumnMatch {
  // Only the names the mapping asks for are indexed: a header of 300,000 columns costs one pass.
  const wanted = wantedKeys(mapping);
  const byKey = new Map<string, number[]>();
  headerCells.forEach((cell, i) => {
    if (cell.length > MAX_HEADER) return;
    const key = headerKey(cell);
    if (!wanted.has(key)) return;
    const at = byKey.get(key);
    if (at) at.push(i);
    else byKey.set(key, [i]);
  });
  const fields: Readonly<Record<string, FieldSpec>> = FIELDS_BY_KIND[mapping.kind];
  const match: ColumnMatch = {
    indexes: {},
    missing: [],
    duplicated: [],
    optionalFound: 0,
  };
  for (const [key, field] of Object.entries(fields)) {
    const column = mapping.columns[key];
    if (!column) continue;
    // The first alternative present wins: the list is in order of preference.
    const columns = column.headers.map((h) => byKey.get(headerKey(h))).find((at) => at !== undefined);
    const required = requirement(mapping, key, field);
    if (!columns) {
      if (required) match.missing.push(key);
      continue;
    }
    if (columns.length > 1) match.duplicated.push({ field: key, columns });
    match.indexes[key] = columns[0]!;
    if (!required) match.optionalFound++;
  }
  return match;
}

/** Candidates that fit a header row, best first (all required columns found once; most optional ones). */
export function rankMappings(
  headerCells: readonly string[],
  candidates: readonly CsvMapping[],
): { mapping: CsvMapping; match: ColumnMatch }[] {
  return candidates
    .map((mapping) => ({ mapping, match: matchColumns(mapping, headerCells) }))
    .sort(
      (a, b) =>
        a.match.missing.length +
          a.match.duplicated.length -
          (b.match.missing.length + b.match.duplicated.length) ||
        b.match.optionalFound - a.match.optionalFound,
    );
}

/**
 * The bundled (or given) mapping whose columns a header row has, or null. Header names are not PHI, so
 * `sgrt-billing import` may call this on the first row of any file to choose a reader.
 */
export function detectMapping(
  headerCells: readonly string[],
  candidates: readonly CsvMapping[] = BUNDLED_MAPPINGS,
): CsvMapping | null {
  const [best] = rankMappings(headerCells, candidates);
  return best && best.match.missing.length === 0 && best.match.duplicated.length === 0 ? best.mapping : null;
}
