import { Temporal } from 'temporal-polyfill';

/**
 * Facility wall-clock readings → instants (architecture.md, "Time"). Beam-on and monitoring times are
 * local readings, without an offset or with the one their record states; comparisons such as "signed
 * before the next beam-on" are made on instants. A reading without an offset that is ambiguous (DST
 * fall-back hour) or nonexistent (spring-forward gap) is reported, never guessed; a reading with its
 * offset is one instant whatever the facility's clock did (DICOM (0008,0201), PS3.3 C.12.1.1.8).
 */
export type LocalReading =
  { ok: true; epochMs: number } | { ok: false; problem: 'ambiguous' | 'nonexistent' | 'malformed' };

const ZERO = 48;
const DOT = 46;
const PLUS = 43;
const MINUS = 45;
const digit = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - ZERO;
  return d >= 0 && d <= 9 ? d : NaN;
};
const twoDigits = (s: string, i: number): number => digit(s, i) * 10 + digit(s, i + 1);
const fourDigits = (s: string, i: number): number => twoDigits(s, i) * 100 + twoDigits(s, i + 2);

/**
 * `YYYY-MM-DDTHH:mm:ss[.f{1,6}][±HH:MM]` → its fields as a UTC epoch ("naive": the offset not applied), or
 * NaN when the reading has another shape or is no real calendar time (2026-02-30, 24:00). The offset's
 * digits are checked here, its range by the caller.
 */
function naiveMs(r: string): number {
  const n = r.length;
  if (n < 19) return NaN;
  if (r.charCodeAt(4) !== MINUS || r.charCodeAt(7) !== MINUS || r.charCodeAt(10) !== 84 /* T */) return NaN;
  if (r.charCodeAt(13) !== 58 /* : */ || r.charCodeAt(16) !== 58) return NaN;
  const y = fourDigits(r, 0);
  const mo = twoDigits(r, 5);
  const d = twoDigits(r, 8);
  const h = twoDigits(r, 11);
  const mi = twoDigits(r, 14);
  const s = twoDigits(r, 17);
  let end = n;
  if (hasOffset(r)) {
    if (r.charCodeAt(n - 3) !== 58 || Number.isNaN(twoDigits(r, n - 5) + twoDigits(r, n - 2))) return NaN;
    end = n - 6;
  }
  let ms = 0;
  if (end > 19) {
    const digits = end - 20;
    if (r.charCodeAt(19) !== DOT || digits < 1 || digits > 6) return NaN;
    let v = 0;
    for (let i = 20; i < end; i++) v = v * 10 + digit(r, i);
    if (Number.isNaN(v)) return NaN;
    ms = Math.round((v / 10 ** digits) * 1000);
  }
  if (Number.isNaN(y + mo + d + h + mi + s)) return NaN;
  const naive = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  // Date.UTC rolls 2026-02-30 over to March: reject readings that are not real calendar times.
  const check = new Date(naive);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1 || h > 23 || mi > 59 || s > 59) return NaN;
  return naive;
}

/** A reading that `naiveMs` accepted ends with a `±HH:MM` offset (positions 14-18 hold no sign). */
const hasOffset = (r: string): boolean =>
  r.length > 19 && (r.charCodeAt(r.length - 6) === PLUS || r.charCodeAt(r.length - 6) === MINUS);

const validZones = new Set<string>();

export function isValidTimeZone(zone: string): boolean {
  if (validZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  if (zone.length === 0) return false;
  validZones.add(zone);
  return true;
}

const clocks = new Map<string, LocalClock>();

/** One clock per zone, shared, so each (zone, day) offset is looked up once per process. */
export function clockFor(timeZone: string): LocalClock {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new LocalClock(timeZone);
    clocks.set(timeZone, clock);
  }
  return clock;
}

export class LocalClock {
  /** Offset (ms) in force all day for days without a transition; null for transition days. */
  private readonly dayOffsets = new Map<number, number | null>();

  constructor(readonly timeZone: string) {}

  toInstant(reading: string): LocalReading {
    const epochMs = this.epochMs(reading);
    return Number.isNaN(epochMs) ? { ok: false, problem: this.problem(reading) } : { ok: true, epochMs };
  }

  /** Why a reading that `epochMs` could not read is no instant. */
  problem(reading: string): 'ambiguous' | 'nonexistent' | 'malformed' {
    // A reading with its offset fails only on its shape or the offset's range.
    return Number.isNaN(naiveMs(reading)) || hasOffset(reading)
      ? 'malformed'
      : this.transitionProblem(reading);
  }

  /**
   * The instant of a reading (as `toInstant`), NaN when it cannot be read; allocates nothing, for loops
   * over many readings. The reading is checked and cut by character codes, no regular expression.
   */
  epochMs(reading: string): number {
    const naive = naiveMs(reading);
    if (Number.isNaN(naive)) return NaN;
    if (hasOffset(reading)) {
      const at = reading.length - 6;
      const oh = twoDigits(reading, at + 1);
      const om = twoDigits(reading, at + 4);
      // UTC offsets run from -12:00 to +14:00 (DICOM PS3.3 C.12.1.1.8, FHIR R4 dateTime).
      if (oh > 14 || om > 59) return NaN;
      const offsetMs = (oh * 60 + om) * 60_000;
      return reading.charCodeAt(at) === MINUS ? naive + offsetMs : naive - offsetMs;
    }
    const offset = this.offsetForDay(reading);
    if (offset !== null) return naive - offset;
    return this.resolveOnTransitionDay(reading);
  }

  /** The facility wall-clock reading (`YYYY-MM-DDTHH:mm:ss[.sss]`) of an instant. */
  toLocal(epochMs: number): string {
    const local = Temporal.Instant.fromEpochMilliseconds(epochMs)
      .toZonedDateTimeISO(this.timeZone)
      .toPlainDateTime();
    return local.toString({ smallestUnit: epochMs % 1000 === 0 ? 'second' : 'millisecond' });
  }

  /**
   * The facility reading of an instant as beam-on and monitoring times keep it: the wall-clock reading,
   * with the facility's offset at that instant (`2026-11-01T01:40:10-04:00`) when the reading alone
   * would be ambiguous (the repeated hour of a fall-back night), so it stays one instant.
   */
  facilityReading(epochMs: number): string {
    const local = this.toLocal(epochMs);
    return this.toInstant(local).ok ? local : withUtcOffset(local, epochMs);
  }

  /** The instant the calendar day starts in this zone (midnight, or the first valid time after a gap). */
  startOfDay(date: string): number {
    return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: this.timeZone }).epochMilliseconds;
  }

  /** `2026-03-16 08:11 EDT`: an instant as people at the facility read it. */
  format(epochMs: number): string {
    this.formatter ??= new Intl.DateTimeFormat('en-US', {
      timeZone: this.timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    const part = Object.fromEntries(this.formatter.formatToParts(epochMs).map((p) => [p.type, p.value]));
    return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute} ${part.timeZoneName}`;
  }

  private formatter: Intl.DateTimeFormat | undefined;

  /** `reading` starts with its date (YYYY-MM-DD), already checked; the table is keyed by YYYYMMDD. */
  private offsetForDay(reading: string): number | null {
    const key = fourDigits(reading, 0) * 10_000 + twoDigits(reading, 5) * 100 + twoDigits(reading, 8);
    const cached = this.dayOffsets.get(key);
    if (cached !== undefined) return cached;
    const day = Temporal.PlainDate.from(reading.slice(0, 10));
    const start = day.toZonedDateTime({ timeZone: this.timeZone });
    const next = day.add({ days: 1 }).toZonedDateTime({ timeZone: this.timeZone });
    const offset = start.offsetNanoseconds === next.offsetNanoseconds ? start.offsetNanoseconds / 1e6 : null;
    this.dayOffsets.set(key, offset);
    return offset;
  }

  /** The instant of a reading without an offset on a transition day; NaN when ambiguous or nonexistent. */
  private resolveOnTransitionDay(reading: string): number {
    const local = Temporal.PlainDateTime.from(reading);
    const earlier = local.toZonedDateTime(this.timeZone, { disambiguation: 'earlier' });
    const later = local.toZonedDateTime(this.timeZone, { disambiguation: 'later' });
    return earlier.epochMilliseconds === later.epochMilliseconds ? earlier.epochMilliseconds : NaN;
  }

  /** Why a well-formed reading on a transition day is no instant. */
  private transitionProblem(reading: string): 'ambiguous' | 'nonexistent' {
    const local = Temporal.PlainDateTime.from(reading);
    const earlier = local.toZonedDateTime(this.timeZone, { disambiguation: 'earlier' });
    return earlier.toPlainDateTime().equals(local) ? 'ambiguous' : 'nonexistent';
  }
}

/** A wall-clock reading of the instant `epochMs` with the UTC offset that makes it that instant. */
export function withUtcOffset(reading: string, epochMs: number): string {
  const minutes = Math.round((Date.parse(`${reading}Z`) - epochMs) / 60_000);
  const abs = Math.abs(minutes);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${reading}${minutes < 0 ? '-' : '+'}${hhmm}`;
}

/** An instant with an explicit offset (`2026-03-02T09:15:00-05:00`, `…Z`) → epoch milliseconds. */
export function parseInstant(value: string): number {
  return Date.parse(value);
}
