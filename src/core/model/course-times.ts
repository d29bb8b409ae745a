import { clockFor, type LocalClock, parseInstant } from '../time/local-clock.js';
import type { Course, Fraction, Signature } from './course.js';

/**
 * A course document's times read once, as instants (epoch milliseconds), when the document is loaded
 * (architecture.md, "Time"): facility readings through the facility's clock (its per-zone day-offset
 * table), signatures' instants by their offset. An unreadable reading is NaN here; the audit says why
 * (DOC-010) only for those, from the reading itself. The document itself is not changed: its JSON stays
 * the public format (schema/course.schema.json).
 */
export interface FractionTimes {
  /**
   * In document order: each beam's beam-on and beam-off, then per monitoring session its start and end,
   * its gaps' starts and ends, its excursions' starts and ends.
   */
  readonly readings: Float64Array;
  /** The SGRT record's signature; NaN when unsigned. */
  readonly sgrtSignedAt: number;
  /** The image-guidance review's signature; NaN when unsigned. */
  readonly reviewSignedAt: number;
}

export interface CourseTimes {
  /** The zone the facility readings were read in. */
  readonly timeZone: string;
  /** One per `course.fractions`, in the same order. */
  readonly fractions: readonly FractionTimes[];
  /** One per `course.schedule` entry: its beam-on; NaN when unreadable. */
  readonly schedule: Float64Array;
  /** One per `course.orders` entry: its signature; NaN when unsigned. */
  readonly orderSignedAt: Float64Array;
}

/** How many readings `FractionTimes.readings` holds for a fraction. */
function readingCount(fraction: Fraction): number {
  let n = fraction.beams.length * 2;
  for (const m of fraction.monitoring) n += 2 + (m.gaps.length + m.excursions.length) * 2;
  return n;
}

const signedAt = (signature: Signature | null | undefined): number =>
  signature ? parseInstant(signature.signedAt) : NaN;

/** Read a fraction's times in `clock`'s zone. */
export function readFractionTimes(fraction: Fraction, clock: LocalClock): FractionTimes {
  const readings = new Float64Array(readingCount(fraction));
  let i = 0;
  for (const b of fraction.beams) {
    readings[i++] = clock.epochMs(b.beamOn);
    readings[i++] = clock.epochMs(b.beamOff);
  }
  for (const m of fraction.monitoring) {
    readings[i++] = clock.epochMs(m.start);
    readings[i++] = clock.epochMs(m.end);
    for (const g of m.gaps) {
      readings[i++] = clock.epochMs(g.start);
      readings[i++] = clock.epochMs(g.end);
    }
    for (const x of m.excursions) {
      readings[i++] = clock.epochMs(x.start);
      readings[i++] = clock.epochMs(x.end);
    }
  }
  return {
    readings,
    sgrtSignedAt: signedAt(fraction.sgrtRecord?.signature),
    reviewSignedAt: signedAt(fraction.imageGuidance?.review),
  };
}

/** Read every time of a course document. */
export function readCourseTimes(course: Course): CourseTimes {
  const clock = clockFor(course.facility.timeZone);
  const schedule = new Float64Array(course.schedule.length);
  for (let i = 0; i < schedule.length; i++) schedule[i] = clock.epochMs(course.schedule[i]!.beamOn);
  const orderSignedAt = new Float64Array(course.orders.length);
  for (let i = 0; i < orderSignedAt.length; i++) orderSignedAt[i] = signedAt(course.orders[i]!.signature);
  return {
    timeZone: clock.timeZone,
    fractions: course.fractions.map((f) => readFractionTimes(f, clock)),
    schedule,
    orderSignedAt,
  };
}

/**
 * A fraction's earliest beam-on as read (`times`: that fraction's), compared as instants: a reading with
 * its offset may be the earliest although it sorts later as text. Unreadable readings are left out;
 * null when none can be read.
 */
export function firstBeamOnMs(fraction: Fraction, times: FractionTimes): number | null {
  let first: number | null = null;
  for (let b = 0; b < fraction.beams.length; b++) {
    const at = times.readings[b * 2]!; // each beam's beam-on, then its beam-off
    if (!Number.isNaN(at) && (first === null || at < first)) first = at;
  }
  return first;
}

/** The earliest readable scheduled beam-on strictly after `after`; null when none. */
export function nextScheduledMs(times: CourseTimes, after: number): number | null {
  let next: number | null = null;
  for (const at of times.schedule) if (at > after && (next === null || at < next)) next = at;
  return next;
}

/** Times read when their document was loaded, by document (a copy or another document is read anew). */
const loaded = new WeakMap<Course, CourseTimes>();

/**
 * A validated course document as loaded: its times are read now, once, and the audit uses them. The
 * document is read-only from here on (a changed document is a new object: `{ ...course, … }`).
 */
export function loadCourse(course: Course): Course {
  loaded.set(course, readCourseTimes(course));
  return course;
}

/** The times of a course document: those read when it was loaded, else read now (and not kept). */
export function courseTimes(course: Course): CourseTimes {
  return loaded.get(course) ?? readCourseTimes(course);
}
