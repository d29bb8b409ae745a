/**
 * HL7 v2 DTM (and the first component of TS/DR, which carry one), HL7 v2.5.1 §2.A.22:
 * `YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]`. A facility wall-clock reading: returned as written,
 * never converted; a stated offset is kept beside it. No Date objects: the process time zone plays no part.
 */
export interface Hl7DateTime {
  /** `YYYY-MM-DD`; null when the value stops at the year or month. */
  date: string | null;
  /** `YYYY-MM-DDTHH:mm:ss[.S…]` when the value has a time (missing minutes/seconds read as 00). */
  localDateTime: string | null;
  /** `±hh:mm` when the value states its offset from UTC. */
  utcOffset: string | null;
  precision: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';
}

export type DtmResult = { ok: true; value: Hl7DateTime } | { ok: false };

const DTM =
  /^(\d{4})(?:(\d{2})(?:(\d{2})(?:(\d{2})(?:(\d{2})(?:(\d{2})(?:\.(\d{1,4}))?)?)?)?)?)?(?:([+-])(\d{2})(\d{2}))?$/;

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function parseDtm(text: string): DtmResult {
  const m = DTM.exec(text);
  if (!m) return { ok: false };
  const [, y, mo, d, h, mi, s, frac, sign, oh, om] = m;
  const year = Number(y);
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return { ok: false };
  if (d !== undefined && (Number(d) < 1 || Number(d) > daysInMonth(year, Number(mo)))) return { ok: false };
  if (h !== undefined && Number(h) > 23) return { ok: false };
  if (mi !== undefined && Number(mi) > 59) return { ok: false };
  if (s !== undefined && Number(s) > 59) return { ok: false };
  if (sign !== undefined && (Number(oh) > 14 || Number(om) > 59)) return { ok: false };
  const precision =
    s !== undefined
      ? 'second'
      : mi !== undefined
        ? 'minute'
        : h !== undefined
          ? 'hour'
          : d !== undefined
            ? 'day'
            : mo !== undefined
              ? 'month'
              : 'year';
  const date = d === undefined ? null : `${y}-${mo}-${d}`;
  const localDateTime =
    date === null || h === undefined
      ? null
      : `${date}T${h}:${mi ?? '00'}:${s ?? '00'}${frac === undefined ? '' : `.${frac}`}`;
  const utcOffset = sign === undefined ? null : `${sign}${oh}:${om}`;
  return { ok: true, value: { date, localDateTime, utcOffset, precision } };
}
