import type { CsvMapping } from './column-mapping.js';
import type { CsvKind } from './csv-fields.js';
import { decodeCsvText } from './decode-csv-text.js';
import { detectDelimiter } from './detect-delimiter.js';
import { matchColumns } from './match-columns.js';
import { bundledMappings } from './mappings/bundled-mappings.js';
import { CsvRecordScanner, lineOffset } from './parse-csv-records.js';

/**
 * Content sniff for `sgrt-billing import`: the first few KB of a file hold a header row that one of the
 * mappings of this kind fits (all its required columns, each once). Reads the header only.
 */
export function looksLikeCsvOf(
  head: Uint8Array,
  kind: CsvKind,
  candidates: readonly CsvMapping[] = bundledMappings(kind),
): boolean {
  const decoded = decodeCsvText(head, 'head', 'auto');
  if (!decoded.ok) return false;
  const { text } = decoded.value;
  return candidates.some((mapping) => {
    if (mapping.kind !== kind) return false;
    const offset = lineOffset(text, mapping.headerRow);
    if (offset === null) return false;
    const delimiter = mapping.delimiter === 'auto' ? detectDelimiter(text, offset) : mapping.delimiter;
    const header = new CsvRecordScanner(text, delimiter, { offset, line: mapping.headerRow }).next();
    if (!header) return false;
    const match = matchColumns(mapping, header.cells);
    return match.missing.length === 0 && match.duplicated.length === 0;
  });
}
