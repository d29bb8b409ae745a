/**
 * Decimal strings → scaled integers, and CMS dates → `YYYY-MM-DD`, without floating point. Used by every
 * CMS reader; the scale is the field's (RVU and GPCI 3, CF and relative weight 4, dollars 2).
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const MAX_DIGITS = 15; // below 2^53: the integer stays exact

/**
 * `1.017` at scale 3 → 1017; `$1,234.5` at scale 2 → 123450. Accepted: blanks around, a leading `$`,
 * thousands separators in groups of three, a leading `+`, a leading `-` when `negative`. More decimal
 * places than the scale are accepted only when the extra digits are zeros (`0.500` at scale 2).
 */
export function parseScaled(text: string, scale: number, negative = false): Parsed<number> {
  let t = text.trim();
  let sign = '';
  if (t.startsWith('-') || t.startsWith('+')) {
    sign = t[0] === '-' ? '-' : '';
    t = t.slice(1).trimStart();
  }
  if (t.startsWith('$')) t = t.slice(1).trimStart();
  if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) t = t.replace(/,/g, '');
  const m = /^(\d*)(?:\.(\d*))?$/.exec(t);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return { ok: false, reason: 'not a decimal number' };
  if (sign === '-' && !negative) return { ok: false, reason: 'negative, where only amounts ≥ 0 make sense' };
  const whole = m[1]!.replace(/^0+(?=\d)/, '');
  const fraction = m[2] ?? '';
  if (/[1-9]/.test(fraction.slice(scale))) {
    return { ok: false, reason: `more than ${scale} decimal place${scale === 1 ? '' : 's'}` };
  }
  const digits = (whole + fraction.slice(0, scale).padEnd(scale, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_DIGITS) return { ok: false, reason: 'too large' };
  const value = Number(digits);
  return { ok: true, value: sign === '-' && value !== 0 ? -value : value };
}

/**
 * A CMS date: `20260101` (NCCI), `2026-01-01`, `1/1/2026` or `01/01/2026`; checked against the calendar.
 */
export function parseCmsDate(text: string): Parsed<string> {
  const t = text.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(t);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    if (!m) return { ok: false, reason: 'not a date (YYYYMMDD, YYYY-MM-DD or MM/DD/YYYY)' };
    [y, mo, d] = [Number(m[3]), Number(m[1]), Number(m[2])];
  }
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo))
    return { ok: false, reason: 'not a calendar date' };
  return { ok: true, value: `${y}-${pad(mo)}-${pad(d)}` };
}

const pad = (n: number) => String(n).padStart(2, '0');

function daysIn(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}
