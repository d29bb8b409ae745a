import type { DateOrder } from './report-types.js';

/**
 * Dates and times as AlignRT prints them, in the site's locale (domain.md §5.2): `8/19/2022 8:11:51 AM`
 * (US: month first, 12-hour clock), `07/03/2025 10:37:11` (day or month first, 24-hour clock). Which
 * number is the month is configuration (`dateOrder`), never guessed; a date impossible in that order is
 * refused. Pure string arithmetic: the process time zone is never consulted.
 */
export type DateRead = { ok: true; value: string } | { ok: false; expected: string };

// Day, month and year separated by the same character: `/` (US, UK), `.` (DE), `-`.
const DATE = String.raw`(\d{1,2})([/.-])(\d{1,2})\2(\d{4})`;
// h:mm[:ss], then an optional AM/PM marker (`AM`, `am`, `a.m.`).
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s*[Mm]\.?)?`;
const DATE_TIME_RE = new RegExp(`^${DATE}(?:\\s+|\\s*,\\s*|T)${TIME}$`);
const DATE_RE = new RegExp(`^${DATE}$`);

/** Whitespace as browsers and ICU print it (no-break and narrow no-break spaces before AM/PM). */
export function normalizeSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u2007\u202f]+/g, ' ').trim();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

const shape = (order: DateOrder) => (order === 'MDY' ? 'M/D/YYYY' : 'D/M/YYYY');

function calendar(first: string, second: string, year: string, order: DateOrder): string | null {
  const [m, d] = order === 'MDY' ? [Number(first), Number(second)] : [Number(second), Number(first)];
  const y = Number(year);
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** A calendar date (`11/9/1980`) → `YYYY-MM-DD`. */
export function readReportDate(text: string, order: DateOrder): DateRead {
  const expected = `a date ${shape(order)} (dateOrder '${order}')`;
  const m = DATE_RE.exec(normalizeSpaces(text));
  const value = m && calendar(m[1]!, m[3]!, m[4]!, order);
  return value ? { ok: true, value } : { ok: false, expected };
}

/**
 * A date and time → `YYYY-MM-DDTHH:mm:ss`. With AM/PM the hour is 1–12 (12 AM is midnight, 12 PM noon);
 * without, 0–23. Seconds may be absent (the Report Date/Time line has none): `:00` is written.
 */
export function readReportDateTime(text: string, order: DateOrder): DateRead {
  const expected =
    `a date and time ${shape(order)} h:mm[:ss] AM/PM or ${shape(order)} HH:mm[:ss] (dateOrder '${order}'; ` +
    `if this site writes the ${order === 'MDY' ? 'day' : 'month'} first, set dateOrder to '${order === 'MDY' ? 'DMY' : 'MDY'}')`;
  const m = DATE_TIME_RE.exec(normalizeSpaces(text));
  if (!m) return { ok: false, expected };
  const date = calendar(m[1]!, m[3]!, m[4]!, order);
  let hour = Number(m[5]);
  const minute = Number(m[6]);
  const second = m[7] === undefined ? 0 : Number(m[7]);
  const meridiem = m[8]?.toUpperCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return { ok: false, expected };
    hour = (hour % 12) + (meridiem === 'P' ? 12 : 0);
  } else if (hour > 23) return { ok: false, expected };
  if (!date || minute > 59 || second > 59) return { ok: false, expected };
  return { ok: true, value: `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}` };
}

/** Seconds between two local readings as wall-clock arithmetic (no zone: DST shifts are not seen). */
export function wallClockSeconds(from: string, to: string): number {
  const parse = (s: string) =>
    Date.UTC(
      +s.slice(0, 4),
      +s.slice(5, 7) - 1,
      +s.slice(8, 10),
      +s.slice(11, 13),
      +s.slice(14, 16),
      +s.slice(17, 19),
    );
  return (parse(to) - parse(from)) / 1000;
}
