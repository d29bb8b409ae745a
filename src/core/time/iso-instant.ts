/**
 * An instant as `Date.prototype.toISOString` writes it (ECMA-262 §21.4.4.36, `YYYY-MM-DDTHH:mm:ss.sssZ`),
 * without a Date object per call: the date part is kept per UTC day (a process sees few distinct days),
 * the time of day from tables of two- and three-digit strings (no string made per digit group). Instants outside 1970–9999 or with a fraction of a millisecond go
 * through `toISOString` itself.
 */
const DAY_MS = 86_400_000;
const LAST_MS = 253_402_300_800_000; // 10000-01-01T00:00:00Z
const dayPrefixes = new Map<number, string>();

/** `00`…`59` and `000`…`999`. */
const TWO = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const THREE = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

export function isoInstant(ms: number): string {
  if (!(ms >= 0 && ms < LAST_MS) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  let rest = ms - day * DAY_MS;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  return `${prefix}${TWO[h]}:${TWO[m]}:${TWO[s]}.${THREE[rest - s * 1000]}Z`;
}
