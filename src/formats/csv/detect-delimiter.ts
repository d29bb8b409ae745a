/** The cell delimiters a mapping may name; `auto` picks one from the header row. */
export const CSV_DELIMITERS = [',', ';', '\t', '|', 'auto'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

const CANDIDATES = [',', ';', '\t', '|'] as const;
const LIMIT = 64 * 1024;

/**
 * The delimiter used most often, outside quotes, on the header row that starts at `offset` (the first
 * 64 KB of it). Comma when none occurs (a one-column file) or on a tie with comma.
 */
export function detectDelimiter(text: string, offset = 0): ',' | ';' | '\t' | '|' {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  const end = Math.min(text.length, offset + LIMIT);
  for (let i = offset; i < end; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best: (typeof CANDIDATES)[number] = ',';
  for (const c of CANDIDATES) if (counts.get(c)! > counts.get(best)!) best = c;
  return best;
}
