/**
 * FHIR R4 date, dateTime and instant (R4 §2.24.0.1 "Primitive types"). A dateTime with a time SHALL carry
 * an offset in R4; the wall-clock reading is returned as written and the offset beside it, never
 * converted (no Date objects, so the process time zone plays no part).
 */
export interface FhirTime {
  /** The value as written. */
  text: string;
  precision: 'year' | 'month' | 'day' | 'second';
  /** `YYYY-MM-DD` when the value has a day. */
  date: string | null;
  /** `YYYY-MM-DDTHH:mm:ss[.ffffff]` when the value has a time (fraction cut to 6 digits). */
  localDateTime: string | null;
  /** `±hh:mm` when stated (`Z` reads as `+00:00`). */
  utcOffset: string | null;
  /** `localDateTime` + `utcOffset`, an absolute instant, when the value has both. */
  instant: string | null;
}

// YYYY[-MM[-DD[Thh:mm:ss[.f…][Z|±hh:mm]]]]: the R4 dateTime pattern, with the offset left optional so that
// an offset-less time is reported as a warning rather than refused.
const DATE_TIME =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A FHIR date/dateTime/instant text → its parts, or null when it is not one (or not a calendar value). */
export function parseFhirDateTime(text: string): FhirTime | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  if (year < 1) return null;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return null;
  if (d !== undefined && (Number(d) < 1 || Number(d) > daysInMonth(year, Number(mo)))) return null;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59)) return null;
  // R4: offsets run from -13:59 to +14:00 (the pattern allows 00–13 hours with any minutes, or 14:00).
  if (zone !== undefined && zone !== 'Z') {
    const [oh, om] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
    if (om > 59 || oh > 14 || (oh === 14 && om !== 0)) return null;
  }
  const date = d === undefined ? null : `${y}-${mo}-${d}`;
  const localDateTime =
    h === undefined ? null : `${date}T${h}:${mi}:${s}${frac === undefined ? '' : `.${frac.slice(0, 6)}`}`;
  const utcOffset = zone === undefined ? null : zone === 'Z' ? '+00:00' : zone;
  return {
    text,
    precision: h !== undefined ? 'second' : d !== undefined ? 'day' : mo !== undefined ? 'month' : 'year',
    date,
    localDateTime,
    utcOffset,
    instant: localDateTime !== null && utcOffset !== null ? `${localDateTime}${utcOffset}` : null,
  };
}
