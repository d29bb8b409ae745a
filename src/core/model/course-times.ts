import { clockFor, type LocalClock, parseInstant } from '../time/local-clock.js';
import type { Course, Fraction, Signature } from './course.js';

/**
 * A course document's times read once, as instants (epoch milliseconds), when the document is loaded
 * (architecture.md, "Time"): facility readings through the facility's clock (its per-zone day-offset
 * table), signatures' instants by their offset. An unreadable reading is NaN here; the audit says why
 * (DOC-010) only for those, from the reading itself. The document itself is not changed: its JSON stays
 * the public format (schema/course.schema.json).
 *
 * All of a course's times share one buffer (the arrays below are views of it): no object or typed array
 * per fraction. A typed array longer than 64 bytes keeps its contents outside the JavaScript heap (an
 * allocation and a tracked buffer each), and a number kept in an object field is a heap number of its own.
 */
export interface CourseTimes {
  /** The zone the facility readings were read in. */
  readonly timeZone: string;
  /**
   * Fraction after fraction, in `course.fractions` order, from `readingStart[i]` for fraction i: each
   * beam's beam-on and beam-off, then per monitoring session its start and end, its gaps' starts and
   * ends, its excursions' starts and ends.
   */
  readonly readings: Float64Array;
  /** Where each fraction's readings start in `readings`; one more entry, the end of the last one. */
  readonly readingStart: readonly number[];
  /** Per fraction: the SGRT record's signature; NaN when unsigned. */
  readonly sgrtSignedAt: Float64Array;
  /** Per fraction: the image-guidance review's signature; NaN when unsigned. */
  readonly reviewSignedAt: Float64Array;
  /** One per `course.schedule` entry: its beam-on; NaN when unreadable. */
  readonly schedule: Float64Array;
  /** One per `course.orders` entry: its signature; NaN when unsigned. */
  readonly orderSignedAt: Float64Array;
}

/** How many readings a fraction has in `CourseTimes.readings`. */
function readingCount(fraction: Fraction): number {
  let n = fraction.beams.length * 2;
  for (const m of fraction.monitoring) n += 2 + (m.gaps.length + m.excursions.length) * 2;
  return n;
}

const signedAt = (signature: Signature | null | undefined): number =>
  signature ? parseInstant(signature.signedAt) : NaN;

/** Read `fraction`'s readings in `clock`'s zone into `into` from `i`; the index after the last. */
function readReadings(fraction: Fraction, clock: LocalClock, into: Float64Array, i: number): number {
  for (const b of fraction.beams) {
    into[i++] = clock.epochMs(b.beamOn);
    into[i++] = clock.epochMs(b.beamOff);
  }
  for (const m of fraction.monitoring) {
    into[i++] = clock.epochMs(m.start);
    into[i++] = clock.epochMs(m.end);
    for (const g of m.gaps) {
      into[i++] = clock.epochMs(g.start);
      into[i++] = clock.epochMs(g.end);
    }
    for (const x of m.excursions) {
      into[i++] = clock.epochMs(x.start);
      into[i++] = clock.epochMs(x.end);
    }
  }
  return i;
}

/** Read the times of `fractions`, `schedule` and `orders` in `clock`'s zone, into one buffer. */
function readTimes(
  clock: LocalClock,
  fractions: readonly Fraction[],
  schedule: Course['schedule'],
  orders: Course['orders'],
): CourseTimes {
  const n = fractions.length;
  const readingStart: number[] = new Array(n + 1);
  let count = 0;
  for (let f = 0; f < n; f++) {
    readingStart[f] = count;
    count += readingCount(fractions[f]!);
  }
  readingStart[n] = count;
  const buffer = new ArrayBuffer((count + 2 * n + schedule.length + orders.length) * 8);
  let offset = 0;
  const view = (length: number): Float64Array => {
    const array = new Float64Array(buffer, offset * 8, length);
    offset += length;
    return array;
  };
  const times: CourseTimes = {
    timeZone: clock.timeZone,
    readings: view(count),
    readingStart,
    sgrtSignedAt: view(n),
    reviewSignedAt: view(n),
    schedule: view(schedule.length),
    orderSignedAt: view(orders.length),
  };
  for (let f = 0; f < n; f++) {
    const fraction = fractions[f]!;
    readReadings(fraction, clock, times.readings, readingStart[f]!);
    times.sgrtSignedAt[f] = signedAt(fraction.sgrtRecord?.signature);
    times.reviewSignedAt[f] = signedAt(fraction.imageGuidance?.review);
  }
  for (let i = 0; i < schedule.length; i++) times.schedule[i] = clock.epochMs(schedule[i]!.beamOn);
  for (let i = 0; i < orders.length; i++) times.orderSignedAt[i] = signedAt(orders[i]!.signature);
  return times;
}

/** Read one fraction's times in `clock`'s zone (it is fraction 0 of the result; no schedule, no orders). */
export function readFractionTimes(fraction: Fraction, clock: LocalClock): CourseTimes {
  return readTimes(clock, [fraction], [], []);
}

/** Read every time of a course document. */
export function readCourseTimes(course: Course): CourseTimes {
  return readTimes(clockFor(course.facility.timeZone), course.fractions, course.schedule, course.orders);
}

/**
 * A fraction's earliest beam-on as read (`index`: its place in the course's fractions), compared as
 * instants: a reading with its offset may be the earliest although it sorts later as text. Unreadable
 * readings are left out; null when none can be read.
 */
export function firstBeamOnMs(fraction: Fraction, times: CourseTimes, index: number): number | null {
  let first: number | null = null;
  const start = times.readingStart[index]!;
  for (let b = 0; b < fraction.beams.length; b++) {
    const at = times.readings[start + b * 2]!; // each beam's beam-on, then its beam-off
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
