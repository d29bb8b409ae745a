import type { LocalClock } from '../time/local-clock.js';
import type { AuditOptions } from './audit-options.js';
import type { SignatureDeadline } from './fraction-context.js';
import type { FractionTimeline } from './fraction-timeline.js';
import { stableSort } from './stable-sort.js';

const DAY_MS = 86_400_000;

const byValue = (a: number, b: number): number => a - b;

/** Every beam's times could be read (DOC-010); a fraction with none recorded has no beam-on to wait for. */
export function readable(t: FractionTimeline): boolean {
  return t.beams.length === t.fraction.beams.length && t.firstBeamOn !== null;
}

/** The index of the first value of the ascending `sorted` greater than `after`; `sorted.length` if none. */
function firstAfter(sorted: ArrayLike<number>, after: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! > after) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * When each fraction's records must be signed (seed, "Key takeaways": "prior to next beam on"), for the
 * course's timelines in delivery order: the next beam-on after the fraction's last beam-off among the
 * other delivered fractions, else the next scheduled one (`scheduled`: ascending), else the course-end
 * deadline; null for a fraction without a readable beam-off. A fraction whose beam-on cannot be read
 * (DOC-010) may be the next one: until its times are corrected the deadline is the start of its day.
 * The course's beam-ons are sorted once, so each fraction's next beam-on is a binary search, not a scan
 * of the course.
 */
export function signatureDeadlines(
  timelines: readonly FractionTimeline[],
  clock: LocalClock,
  scheduled: readonly number[],
  options: AuditOptions,
): (SignatureDeadline | null)[] {
  // Plain arrays: a typed array of a course's size is a separate allocation outside the heap.
  const beamOns: number[] = [];
  // The fractions whose beam-on cannot be read, with the start of their day (seldom any).
  const unreadable: { index: number; dayStart: number }[] = [];
  for (let i = 0; i < timelines.length; i++) {
    const t = timelines[i]!;
    if (readable(t)) beamOns.push(t.firstBeamOn!);
    else unreadable.push({ index: i, dayStart: clock.startOfDay(t.fraction.date) });
  }
  stableSort(beamOns, byValue); // in delivery order, so mostly in order already
  const endOfCourseMs = options.lastFractionSignatureHours * 3_600_000;
  const deadlines: (SignatureDeadline | null)[] = new Array(timelines.length);
  for (let i = 0; i < timelines.length; i++) {
    const after = timelines[i]!.lastBeamOff;
    if (after === null) {
      deadlines[i] = null;
      continue;
    }
    // A fraction's own beam-on is never after its own beam-off, so it is not its own next beam-on.
    const n = firstAfter(beamOns, after);
    const next = n < beamOns.length ? beamOns[n]! : null;
    let unreadableStart: number | undefined;
    for (const u of unreadable) {
      const start = u.dayStart;
      if (
        u.index !== i &&
        start + DAY_MS > after &&
        (next === null || start < next) &&
        (unreadableStart === undefined || start < unreadableStart)
      )
        unreadableStart = start;
    }
    if (unreadableStart !== undefined)
      deadlines[i] = { at: Math.max(unreadableStart, after), basis: 'unreadable next fraction' };
    else if (next !== null) deadlines[i] = { at: next, basis: 'next fraction' };
    else {
      const s = firstAfter(scheduled, after);
      deadlines[i] =
        s < scheduled.length
          ? { at: scheduled[s]!, basis: 'next scheduled fraction' }
          : { at: after + endOfCourseMs, basis: 'end of course' };
    }
  }
  return deadlines;
}
