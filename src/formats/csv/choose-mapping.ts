import type { InputProblem, ReadResult } from '../../core/model/input-problem.js';
import type { CsvMapping } from './column-mapping.js';
import { type CsvKind, FIELDS_BY_KIND, type FieldSpecs } from './csv-fields.js';
import { detectDelimiter } from './detect-delimiter.js';
import { type ColumnMatch, displayName, matchColumns } from './match-columns.js';
import { type CsvRecord, CsvRecordScanner, lineOffset } from './parse-csv-records.js';

export interface HeaderChoice {
  chosen: { mapping: CsvMapping; match: ColumnMatch };
  record: CsvRecord;
  delimiter: ',' | ';' | '\t' | '|';
  /** Offset of the header row in the text. */
  offset: number;
}

/**
 * Reads each candidate's header row (its own header line and delimiter) and keeps the best fit: all
 * required columns found once, then the most optional ones; else says which columns are missing.
 */
export function chooseMapping(
  text: string,
  source: string,
  kind: CsvKind,
  candidates: readonly CsvMapping[],
  detecting: boolean,
): ReadResult<HeaderChoice> {
  const fits: (HeaderChoice & { rank: number })[] = [];
  for (const mapping of candidates) {
    const offset = lineOffset(text, mapping.headerRow);
    if (offset === null) {
      if (!detecting) {
        return fail(
          `${source}:line ${mapping.headerRow}`,
          `the file ends before line ${mapping.headerRow}, where mapping "${mapping.id}" expects the header row`,
        );
      }
      continue;
    }
    const delimiter = mapping.delimiter === 'auto' ? detectDelimiter(text, offset) : mapping.delimiter;
    const record = new CsvRecordScanner(text, delimiter, { offset, line: mapping.headerRow }).next()!;
    if (record.issues?.some((i) => i.kind === 'unclosed-quote')) {
      return { ok: false, problems: [unclosedQuote(source, record)] };
    }
    const match = matchColumns(mapping, record.cells);
    const rank = match.missing.length + match.duplicated.length;
    fits.push({ chosen: { mapping, match }, record, delimiter, offset, rank });
  }
  fits.sort((a, b) => a.rank - b.rank || b.chosen.match.optionalFound - a.chosen.match.optionalFound);
  const best = fits[0];
  if (!best) return fail(`${source}:line 1`, 'the file ends before the header row of any known layout');
  if (best.rank === 0) return { ok: true, value: best, warnings: [] };

  const location = `${source}:line ${best.record.line}`;
  const { mapping, match } = best.chosen;
  const problems: InputProblem[] = [];
  const prefix = detecting ? `closest bundled mapping "${mapping.id}": ` : '';
  if (detecting) {
    problems.push({
      location,
      message: `no bundled ${kind} mapping (${candidates.map((m) => m.id).join(', ')}) fits the header row: pass the site's mapping with --mapping`,
    });
  }
  const fields: FieldSpecs = FIELDS_BY_KIND[kind];
  for (const key of match.missing) {
    const column = mapping.columns[key]!;
    problems.push({
      location,
      message: `${prefix}no column for the ${fields[key]!.label} (${key}): expected a header named ${column.headers.map((h) => `"${h}"`).join(' or ')}`,
    });
  }
  for (const { field, columns } of match.duplicated) {
    problems.push({
      location,
      message: `${prefix}the header for the ${fields[field]!.label} (${field}) appears in columns ${columns.map((c) => c + 1).join(' and ')}: rename one, or name the intended header in the mapping`,
    });
  }
  problems.push({ location, message: headerListing(best.record.cells) });
  return { ok: false, problems };
}

/**
 * The header names found, to help a site write its mapping. Header names are not PHI, but a row taken for
 * the header may be a report title or data (no header at all): then nothing is quoted.
 */
function headerListing(cells: readonly string[]): string {
  const named = cells.map((c) => c.trim()).filter((c) => c !== '');
  const dataLike = (c: string) => c.length > 64 || /\d{4}/.test(c) || /^[\d\s.,:/+-]+$/.test(c);
  if (named.length < 3 || named.some(dataLike)) {
    return `this row does not look like a header row (${cells.length} cells; a title line or data?), so its cells are not quoted: set "headerRow" in the mapping if the header is further down`;
  }
  const shown = named.slice(0, 40).map((c) => `"${displayName(c)}"`);
  const more = named.length > 40 ? `, … (${named.length} in all)` : '';
  return `the header row names: ${shown.join(', ')}${more}`;
}

export function unclosedQuote(source: string, record: CsvRecord): InputProblem {
  const issue = record.issues!.find((i) => i.kind === 'unclosed-quote')!;
  return {
    location: `${source}:line ${issue.line}`,
    message:
      'a quoted cell starts here and its closing quote is missing: the rest of the file cannot be read',
  };
}

function fail(location: string, message: string): { ok: false; problems: InputProblem[] } {
  return { ok: false, problems: [{ location, message }] };
}
