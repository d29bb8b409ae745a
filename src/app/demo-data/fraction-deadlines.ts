import type { SimCourse, SimFraction } from './clinic-model.js';
import { FACILITY } from './clinic-model.js';
import { instantOf } from './clinic-time.js';
import { firstOn, lastOff, sessionEnd } from './build-fraction.js';

const HOUR = 3_600_000;
/** The audit's default `lastFractionSignatureHours` (audit-options.ts). */
export const LAST_FRACTION_SIGNATURE_HOURS = 72;

/**
 * Each fraction's signature deadline as the audit computes it from the documents (audit-course.ts): the
 * next fraction's first beam-on, delivered or scheduled, else the last beam-off plus 72 h. Every planned
 * fraction is either delivered or on the schedule with its first beam-on, so the whole plan gives it.
 */
export function signatureDeadlines(course: SimCourse): Map<SimFraction, number> {
  const zone = FACILITY.timeZone;
  const ordered = [...course.fractions].sort((a, b) => firstOn(a) - firstOn(b));
  const out = new Map<SimFraction, number>();
  ordered.forEach((f, i) => {
    const next = ordered.slice(i + 1).find((g) => firstOn(g) > lastOff(f));
    out.set(
      f,
      next
        ? instantOf(firstOn(next), zone)
        : instantOf(lastOff(f), zone) + LAST_FRACTION_SIGNATURE_HOURS * HOUR,
    );
  });
  return out;
}

/** The export: its instant and the last treatment day of the generated period. */
export interface ExportCut {
  now: number;
  lastDay: string;
}

/**
 * Delivered at the export: a fraction of the period whose session (last beam-off and last AlignRT
 * session) had ended by the export instant. Fractions planned after the period stay on the schedule.
 */
export const deliveredBy = (f: SimFraction, cut: ExportCut): boolean =>
  f.date <= cut.lastDay && instantOf(sessionEnd(f), FACILITY.timeZone) <= cut.now;
