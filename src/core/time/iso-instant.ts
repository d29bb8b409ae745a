/**
 * An instant as `Date.prototype.toISOString` writes it (ECMA-262 §21.4.4.36, `YYYY-MM-DDTHH:mm:ss.sssZ`),
 * without a Date object per call: the date part is kept per UTC day (a process sees few distinct days),
 * the time of day written from numbers. Instants outside 1970–9999 or with a fraction of a millisecond go
 * through `toISOString` itself.
 */
const DAY_MS = 86_400_000;
const LAST_MS = 253_402_300_800_000; // 10000-01-01T00:00:00Z
const dayPrefixes = new Map<number, string>();

const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const three = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

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
  return `${prefix}${two(h)}:${two(m)}:${two(s)}.${three(rest - s * 1000)}Z`;
}
