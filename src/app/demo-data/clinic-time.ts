import { Temporal } from 'temporal-polyfill';
import { addDays } from '../../core/time/calendar-date.js';
import { clockFor } from '../../core/time/local-clock.js';

/**
 * Time in the demo clinic, in the three kinds of architecture.md ("Time"):
 * - a wall-clock reading is held as milliseconds on a zone-less timeline (`Date.UTC` of its fields, never
 *   the process zone) and written `YYYY-MM-DDTHH:mm:ss[.sss]`, as the readers return it;
 * - an instant is epoch milliseconds, written with the facility's offset on that day;
 * - a date of service is `YYYY-MM-DD`.
 * Generated readings are never between 02:00 and 03:00, so none falls in a DST gap or overlap (the night
 * session of `dst-night.ts` is the facility's reading of instants; only its DICOM record, which states
 * its offset, writes 02:00).
 */

export const DAY_MS = 86_400_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The wall-clock reading `hh:mm:ss` on `date`, on the zone-less timeline. */
export function wallClock(date: string, hours: number, minutes = 0, seconds = 0): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d, hours, minutes, seconds);
}

/** `YYYY-MM-DDTHH:mm:ss`, with `.sss` when the milliseconds are not zero (as the RTD reader writes them). */
export function formatLocal(ms: number): string {
  const t = new Date(ms);
  const base = `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(
    t.getUTCHours(),
  )}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
  const milli = t.getUTCMilliseconds();
  return milli === 0 ? base : `${base}.${pad(milli, 3)}`;
}

/** The calendar date of a wall-clock reading. */
export const dateOfLocal = (ms: number): string => formatLocal(ms).slice(0, 10);

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (date: string): number => new Date(wallClock(date, 0)).getUTCDay();

/** The next weekday on or after `date`. */
export function weekdayOnOrAfter(date: string): string {
  let d = date;
  while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, 1);
  return d;
}

/** The instant of a facility wall-clock reading (never ambiguous here: see the file comment). */
export function instantOf(localMs: number, timeZone: string): number {
  const r = clockFor(timeZone).toInstant(formatLocal(localMs));
  if (!r.ok) throw new Error(`generated a ${r.problem} wall-clock reading`);
  return r.epochMs;
}

/** The wall-clock reading of an instant in the zone, on the zone-less timeline. */
export function localOf(epochMs: number, timeZone: string): number {
  const z = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone);
  return Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute, z.second, z.millisecond);
}

/** `±HH:MM`: the zone's offset at an instant. */
export function offsetAt(epochMs: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone).offset;
}

/** The wall-clock reading (`YYYY-MM-DDTHH:mm:ss`) of an instant in a fixed UTC offset `±HH:MM`. */
export function formatInOffset(epochMs: number, offset: string): string {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!m) throw new Error(`not a UTC offset: ${offset}`);
  const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return formatLocal(epochMs + minutes * 60_000);
}

/** `2026-03-02T09:14:45-05:00`: an instant with the facility's offset (`.sss` when not whole seconds). */
export function formatInstant(epochMs: number, timeZone: string): string {
  return `${formatLocal(localOf(epochMs, timeZone))}${offsetAt(epochMs, timeZone)}`;
}

/**
 * The treatment days: `days` weekdays from a Monday chosen so that, when the period is longer than a
 * week, about half of it lies before the 2026-03-08 spring-forward change in the US zones and half after.
 */
export function treatmentDays(days: number): string[] {
  const weeks = Math.ceil(days / 5);
  let date = addDays('2026-03-09', -7 * Math.floor(weeks / 2));
  const out: string[] = [];
  while (out.length < days) {
    if (weekday(date) !== 0 && weekday(date) !== 6) out.push(date);
    date = addDays(date, 1);
  }
  return out;
}
