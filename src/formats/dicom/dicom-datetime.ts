/**
 * DICOM DA / TM values (PS3.5 6.2) → the course model's calendar dates (`YYYY-MM-DD`) and facility
 * wall-clock readings (`YYYY-MM-DDTHH:mm:ss[.sss]`). Pure string arithmetic: no `Date`, no process zone.
 * A value that cannot be read gives the form that was expected (never the value: it may be PHI).
 */

export type DicomValue<T> = { ok: true; value: T; legacy: boolean } | { ok: false; expected: string };

const EXPECTED_DA = 'a date YYYYMMDD (DA)';
const EXPECTED_TM = 'a time HHMMSS.FFFFFF, HHMMSS, HHMM or HH (TM)';
const EXPECTED_OFFSET = 'a UTC offset &ZZXX such as -0500 or +0100';

/** Trailing spaces and NULs pad a value to an even length (PS3.5 6.2); they carry no meaning. */
const trimPadding = (raw: string): string => raw.replace(/[ \0]+$/, '');

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// PS3.5 6.2 DA: YYYYMMDD. The ACR-NEMA form YYYY.MM.DD is read for backward compatibility (legacy).
const DA = /^(\d{4})(\d{2})(\d{2})$/;
const DA_LEGACY = /^(\d{4})\.(\d{2})\.(\d{2})$/;

/** `YYYYMMDD` → `YYYY-MM-DD`. */
export function parseDicomDate(raw: string): DicomValue<string> {
  const text = trimPadding(raw);
  const legacy = text.includes('.');
  const m = (legacy ? DA_LEGACY : DA).exec(text);
  if (!m) return { ok: false, expected: EXPECTED_DA };
  const [, yyyy, mm, dd] = m as unknown as [string, string, string, string];
  const year = Number(yyyy);
  const month = Number(mm);
  const day = Number(dd);
  if (year < 1 || month < 1 || month > 12) return { ok: false, expected: EXPECTED_DA };
  const daysInMonth = month === 2 && isLeap(year) ? 29 : DAYS[month - 1]!;
  if (day < 1 || day > daysInMonth) return { ok: false, expected: EXPECTED_DA };
  return { ok: true, value: `${yyyy}-${mm}-${dd}`, legacy };
}

// PS3.5 6.2 TM: HH[MM[SS[.F{1,6}]]]. The ACR-NEMA form HH:MM:SS.frac is read for backward compatibility.
const TM = /^(\d{2})(?:(\d{2})(?:(\d{2})(?:\.(\d{1,6}))?)?)?$/;
const TM_LEGACY = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/;

/**
 * `HHMMSS.FFFFFF` (or a shorter form) → `HH:mm:ss` or `HH:mm:ss.sss`. Missing minutes or seconds are 00;
 * fractional seconds are kept to the millisecond (digits beyond the third are dropped, never rounded, so
 * a reading never moves to the next second).
 */
export function parseDicomTime(raw: string): DicomValue<string> {
  const text = trimPadding(raw);
  const legacy = text.includes(':');
  const m = (legacy ? TM_LEGACY : TM).exec(text);
  if (!m) return { ok: false, expected: EXPECTED_TM };
  const [, hh, mm = '00', ss = '00', fraction] = m as unknown as [string, string, string?, string?, string?];
  // PS3.5 allows SS = 60 for a leap second; a wall-clock reading cannot hold it, so it is refused.
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return { ok: false, expected: EXPECTED_TM };
  const ms = fraction === undefined ? '' : `.${fraction.slice(0, 3).padEnd(3, '0')}`;
  return { ok: true, value: `${hh}:${mm}:${ss}${ms}`, legacy };
}

/** A calendar date and a time of day (both already parsed) → the local date-time reading. */
export const joinLocalDateTime = (date: string, time: string): string => `${date}T${time}`;

// PS3.3 C.12.1.1.8 / PS3.6 (0008,0201): "&ZZXX", & = + or -, ZZ hours, XX minutes.
const OFFSET = /^([+-])(\d{2})(\d{2})$/;

/** `-0500` → `-05:00` (PS3.3: offsets run from -12:00 to +14:00). */
export function parseUtcOffset(raw: string): DicomValue<string> {
  const m = OFFSET.exec(trimPadding(raw).trimStart());
  if (!m) return { ok: false, expected: EXPECTED_OFFSET };
  const [, sign, hh, mm] = m as unknown as [string, string, string, string];
  const minutes = Number(hh) * 60 + Number(mm);
  if (Number(mm) > 59 || (sign === '-' ? minutes > 12 * 60 : minutes > 14 * 60)) {
    return { ok: false, expected: EXPECTED_OFFSET };
  }
  return { ok: true, value: `${sign}${hh}:${mm}`, legacy: false };
}
