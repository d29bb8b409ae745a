/**
 * Facility wall-clock readings of the RTD log. The log states no UTC offset, so times stay local
 * (architecture.md, "Time"): a reading is held as milliseconds on a zone-less timeline (`Date.UTC` of the
 * fields, never the process zone) only to add elapsed seconds, and is returned as `YYYY-MM-DDTHH:mm:ss[.sss]`.
 * Adding elapsed seconds on that timeline ignores a DST change during the session (the audit resolves
 * local readings to instants in the facility's zone and reports ambiguous ones).
 */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Milliseconds on the zone-less timeline, or null when a field is out of range. */
function wallClockMs(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
): number | null {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59 || ms > 999) return null;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d); // setUTCFullYear: no 0–99 → 1900 mapping
  t.setUTCHours(h, mi, s, ms);
  return t.getTime();
}

const digits = (s: string, from: number, n: number): number => {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
};

/**
 * `Start Time` / `End Time`: `yymmdd_HHMMSS` (domain.md §5.1), years 2000–2099. Null when not that form.
 */
export function parseCompactStamp(value: string): number | null {
  const s = value.trim();
  if (s.length !== 13 || s.charCodeAt(6) !== 95 /* _ */) return null;
  const f = [0, 2, 4, 7, 9, 11].map((at) => digits(s, at, 2));
  if (f.some(Number.isNaN)) return null;
  const [yy, mo, d, h, mi, sec] = f as [number, number, number, number, number, number];
  return wallClockMs(2000 + yy, mo, d, h, mi, sec, 0);
}

/** Result of reading a `First XRayOn Time`-style value. */
export type NamedStamp = { kind: 'time'; ms: number } | { kind: 'null-value' } | { kind: 'unreadable' };

/**
 * `First XRayOn Time` / `Last XRayOn Time`: `dd-Month-yy HH:MM:SS[.sss]`; `30-December-99 00:00:00.000` is
 * the null value (the 1899-12-30 zero date of OLE automation dates), reported as such.
 */
export function parseNamedStamp(value: string): NamedStamp {
  const m = /^(\d{1,2})-([A-Za-z]+)-(\d{2}|\d{4}) (\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/.exec(
    value.trim(),
  );
  if (!m) return { kind: 'unreadable' };
  const [, d, monthName, yearText, h, mi, s, frac] = m as unknown as string[];
  const mo = MONTHS.indexOf(monthName!.toLowerCase()) + 1;
  if (mo === 0) return { kind: 'unreadable' };
  const ms = frac ? Number(frac.padEnd(3, '0')) : 0;
  if (Number(d) === 30 && mo === 12 && (yearText === '99' || yearText === '1899')) {
    if (Number(h) + Number(mi) + Number(s) + ms === 0) return { kind: 'null-value' };
  }
  const y = yearText!.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const t = wallClockMs(y, mo, Number(d), Number(h), Number(mi), Number(s), ms);
  return t === null ? { kind: 'unreadable' } : { kind: 'time', ms: t };
}

const MIN_MS = new Date(0).setUTCFullYear(1, 0, 1); // 0001-01-01T00:00:00
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `YYYY-MM-DDTHH:mm:ss`, with `.sss` when the milliseconds are not zero. */
export function formatLocal(ms: number): string {
  const t = new Date(ms);
  const base = `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(
    t.getUTCHours(),
  )}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
  const milli = t.getUTCMilliseconds();
  return milli === 0 ? base : `${base}.${pad(milli, 3)}`;
}

/** The local reading `elapsedSec` after `startMs`, rounded to the millisecond; null without a start. */
export function localAfter(startMs: number | null, elapsedSec: number): string | null {
  if (startMs === null || !Number.isFinite(elapsedSec)) return null;
  const ms = startMs + Math.round(elapsedSec * 1000);
  // Outside years 0001–9999 (absurd elapsed times in a damaged file) there is no printable reading.
  return ms >= MIN_MS && ms <= MAX_MS ? formatLocal(ms) : null;
}
