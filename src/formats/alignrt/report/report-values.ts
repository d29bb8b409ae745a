import { normalizeSpaces } from './report-dates.js';

/** Durations and coordinates as the report prints them. */
export type ValueRead<T> = { ok: true; value: T } | { ok: false; expected: string };

const DURATION_RE = /^(\d{1,4}):([0-5]\d):([0-5]\d)$/;

/** "Total Duration:" `HH:MM:SS` (hours may pass 24) → seconds. */
export function readDuration(text: string): ValueRead<number> {
  const m = DURATION_RE.exec(normalizeSpaces(text));
  if (!m) return { ok: false, expected: 'a duration HH:MM:SS' };
  return { ok: true, value: Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) };
}

const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * "Isocentre:" `77.6, -243.5, 88.1` → [x, y, z]. Also accepted: parentheses, a trailing unit, the Unicode
 * minus sign, and `;` between coordinates with decimal commas (`77,6; -243,5; 88,1`). Anything else is
 * refused rather than guessed (`77,6, -243,5, 88,1` could be six numbers).
 */
export function readIsocentre(text: string): ValueRead<[number, number, number]> {
  const expected = 'three coordinates "x, y, z" (e.g. 77.6, -243.5, 88.1)';
  let cleaned = normalizeSpaces(text)
    .replace(/\u2212/g, '-')
    .replace(/\s*(mm|cm)$/i, '');
  if (cleaned.startsWith('(') && cleaned.endsWith(')')) cleaned = cleaned.slice(1, -1).trim();
  const parts = cleaned.includes(';')
    ? cleaned.split(/\s*;\s*/).map((p) => p.replace(',', '.'))
    : cleaned.split(/\s*,\s*/);
  if (parts.length !== 3 || !parts.every((p) => NUMBER_RE.test(p))) return { ok: false, expected };
  return { ok: true, value: parts.map(Number) as [number, number, number] };
}
