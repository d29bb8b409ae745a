import { Temporal } from 'temporal-polyfill';

/** A calendar date (`YYYY-MM-DD`) moved by whole days, with no time zone involved. */
export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}
