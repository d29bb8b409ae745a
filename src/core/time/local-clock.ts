import { Temporal } from 'temporal-polyfill';

/**
 * Facility wall-clock readings → instants (architecture.md, "Time"). Beam-on and monitoring times are
 * local readings without an offset; comparisons such as "signed before the next beam-on" are made on
 * instants. An ambiguous reading (DST fall-back hour) or a nonexistent one (spring-forward gap) is
 * reported, never guessed.
 */
export type LocalReading =
  { ok: true; epochMs: number } | { ok: false; problem: 'ambiguous' | 'nonexistent' | 'malformed' };

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/;

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
    const [, y, mo, d, h, mi, s, frac] = m;
    const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
    const naive = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!, ms);
    // Date.UTC rolls 2026-02-30 over to March: reject readings that are not real calendar times.
    const check = new Date(naive);
    if (check.getUTCDate() !== +d! || check.getUTCMonth() !== +mo! - 1 || +h! > 23) {
      return { ok: false, problem: 'malformed' };
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

/** An instant with an explicit offset (`2026-03-02T09:15:00-05:00`, `…Z`) → epoch milliseconds. */
export function parseInstant(value: string): number {
  return Date.parse(value);
}
