import type { Procedure } from '../../core/model/remittance.js';
import { newList, ProcedureRecord } from './remit-records.js';

/** An element value read, or why it cannot be (never quoting the value: it may be PHI). */
export type Value<T> = { ok: true; value: T } | { ok: false; message: string };

const NOT_DECIMAL = 'is not a decimal amount';

/** `centsOrProblem` as a `Value`. */
export function parseCents(raw: string): Value<number> {
  const cents = centsOrProblem(raw);
  return typeof cents === 'number' ? { ok: true, value: cents } : { ok: false, message: cents };
}

/**
 * X12 R (decimal) amount → integer cents without floating point: `-12.5` → -1250. Digits beyond the
 * cents must be zeros (`1.500`); anything else (`1.005`, `1e3`, `12,00`) is refused: the answer is then
 * why (a message), so reading an amount allocates nothing. A character loop (no regular expressions):
 * amounts are the most frequent values of an 835.
 */
export function centsOrProblem(raw: string): number | string {
  const text =
    raw.length > 0 && (raw.charCodeAt(0) === 32 || raw.charCodeAt(raw.length - 1) === 32) ? raw.trim() : raw;
  let i = 0;
  const negative = text.charCodeAt(0) === 45;
  if (negative) i++;
  let cents = 0;
  let digits = 0;
  let fraction = -1; // digits seen after the point; -1 before it
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && fraction < 0) {
      fraction = 0;
      continue;
    }
    if (c < 48 || c > 57) return NOT_DECIMAL;
    digits++;
    if (fraction >= 0 && ++fraction > 2) {
      if (c !== 48) return 'has more than 2 decimals (not a whole number of cents)';
      continue;
    }
    cents = cents * 10 + (c - 48);
  }
  if (digits === 0) return NOT_DECIMAL;
  if (fraction < 1) cents *= 100;
  else if (fraction === 1) cents *= 10;
  if (!Number.isSafeInteger(cents) || cents > 1e15) return 'is too large an amount';
  return negative && cents !== 0 ? -cents : cents;
}

/** The quantities 0–9, read once: the usual SVC05/SVC07 value is one digit. */
const DIGITS: readonly Value<number>[] = Array.from({ length: 10 }, (_, value) => ({ ok: true, value }));

/** X12 quantity (units): a plain decimal number such as `1`, `2.00`, `0.5`. */
export function parseQuantity(text: string): Value<number> {
  // The usual one digit (`1`, `2`): no pattern to run, nothing made.
  if (text.length === 1) {
    const c = text.charCodeAt(0);
    if (c >= 48 && c <= 57) return DIGITS[c - 48]!;
  }
  const t = text.trim();
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(t) || t.length > 15) return { ok: false, message: 'is not a quantity' };
  return { ok: true, value: Number(t) };
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Dates read, by their CCYYMMDD number: a file has a few hundred dates among a million DTM segments. */
const DATES = new Map<number, Value<string>>();
const MAX_DATES = 4096;

/** CCYYMMDD → `YYYY-MM-DD`, a real calendar date. */
export function parseDate(raw: string): Value<string> {
  const text = raw.length === 8 ? raw : raw.trim();
  let n = 0;
  let digits = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    digits &&= c >= 48 && c <= 57;
    n = n * 10 + (c - 48);
  }
  if (text.length !== 8 || !digits) return { ok: false, message: 'is not a date CCYYMMDD' };
  const known = DATES.get(n);
  if (known !== undefined) return known;
  const y = Math.floor(n / 10000);
  const mo = Math.floor(n / 100) % 100;
  const d = n % 100;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const max = mo === 2 && leap ? 29 : (DAYS[mo - 1] ?? 0);
  if (d < 1 || d > max) return { ok: false, message: 'is not a calendar date' };
  const date: Value<string> = {
    ok: true,
    value: `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}`,
  };
  if (DATES.size >= MAX_DATES) DATES.clear();
  DATES.set(n, date);
  return date;
}

/** Product/service id qualifiers of composite C003 (HC CPT/HCPCS, NU revenue code, N4 NDC, …). */
const QUALIFIER = /^(AD|ER|HC|HP|IV|N4|N6|NU|UI|WK|ZZ)([^A-Za-z0-9 ])(.+)$/;

/**
 * Composite C003 (`HC:77412:26`) → procedure: component 2 the code, 3–6 the modifiers. When the
 * composite does not contain the file's component separator but reads as a qualifier, another
 * separator and a code (`HC>77412>26`, as in the implementation guide's printed examples), that
 * separator is used and `guessed` is set (a warning for the caller).
 */
export function parseProcedure(
  composite: string,
  component: string,
): { procedure: Procedure; guessed: boolean } | null {
  // Components found with native search, not split: SVC01 and SVC06 of every line come through here.
  let separator = component;
  let guessed = false;
  let at = composite.indexOf(separator);
  if (at < 0) {
    const m = QUALIFIER.exec(composite);
    if (m === null) return null;
    separator = m[2]!;
    guessed = true;
    at = composite.indexOf(separator);
  }
  let next = composite.indexOf(separator, at + 1);
  const code = composite.slice(at + 1, next < 0 ? composite.length : next).trim();
  if (code === '') return null;
  const modifiers = newList<string>();
  // Components 3–6: up to four modifiers.
  for (let n = 3; next >= 0 && n <= 6; n++) {
    at = next;
    next = composite.indexOf(separator, at + 1);
    const modifier = composite.slice(at + 1, next < 0 ? composite.length : next).trim();
    if (modifier !== '') modifiers.push(modifier);
  }
  return { procedure: new ProcedureRecord(code, modifiers), guessed };
}
