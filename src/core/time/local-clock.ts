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

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?:([+-])(\d{2}):(\d{2}))?$/;

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
  private readonly dayOffsets = new Map<string, number | null>();

  constructor(readonly timeZone: string) {}

  toInstant(reading: string): LocalReading {
    const m = LOCAL.exec(reading);
    if (!m) return { ok: false, problem: 'malformed' };
    const [, y, mo, d, h, mi, s, frac, sign, oh, om] = m;
    const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
    const naive = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!, ms);
    // Date.UTC rolls 2026-02-30 over to March: reject readings that are not real calendar times.
    const check = new Date(naive);
    if (check.getUTCDate() !== +d! || check.getUTCMonth() !== +mo! - 1 || +h! > 23 || +mi! > 59 || +s! > 59) {
      return { ok: false, problem: 'malformed' };
    }
    if (sign) {
      // UTC offsets run from -12:00 to +14:00 (DICOM PS3.3 C.12.1.1.8, FHIR R4 dateTime).
      if (+oh! > 14 || +om! > 59) return { ok: false, problem: 'malformed' };
      const offsetMs = (+oh! * 60 + +om!) * 60_000;
      return { ok: true, epochMs: sign === '-' ? naive + offsetMs : naive - offsetMs };
    }
    const offset = this.offsetForDay(reading.slice(0, 10));
    if (offset !== null) return { ok: true, epochMs: naive - offset };
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

  private offsetForDay(date: string): number | null {
    const cached = this.dayOffsets.get(date);
    if (cached !== undefined) return cached;
    const day = Temporal.PlainDate.from(date);
    const start = day.toZonedDateTime({ timeZone: this.timeZone });
    const next = day.add({ days: 1 }).toZonedDateTime({ timeZone: this.timeZone });
    const offset = start.offsetNanoseconds === next.offsetNanoseconds ? start.offsetNanoseconds / 1e6 : null;
    this.dayOffsets.set(date, offset);
    return offset;
  }

  private resolveOnTransitionDay(reading: string): LocalReading {
    const local = Temporal.PlainDateTime.from(reading);
    const earlier = local.toZonedDateTime(this.timeZone, { disambiguation: 'earlier' });
    const later = local.toZonedDateTime(this.timeZone, { disambiguation: 'later' });
    if (earlier.epochMilliseconds === later.epochMilliseconds)
      return { ok: true, epochMs: earlier.epochMilliseconds };
    return { ok: false, problem: earlier.toPlainDateTime().equals(local) ? 'ambiguous' : 'nonexistent' };
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
