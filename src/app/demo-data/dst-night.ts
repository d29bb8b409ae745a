import type { SimFraction } from './clinic-model.js';
import { wallClock } from './clinic-time.js';
import type { Draft } from './course-draft.js';

/**
 * The `dst-night-emergency` course: a palliative spine course (spinal cord compression) whose first
 * session is given in the night of the 2026-03-08 spring-forward change (US zones: 02:00 EST becomes
 * 03:00 EDT), its AP beam just before 02:00 EST and its PA beam just after. Its DICOM record states
 * Timezone Offset From UTC (0008,0201) -0500, as the session start's, so the PA beam reads 02:00 in the
 * record: a wall-clock reading the facility's clock skips, but an instant because the record gives its
 * offset (PS3.3 C.12.1.1.8). The import must read it as such, with no DOC-010 finding.
 */
export const DST_NIGHT = '2026-03-08';
const FRIDAY_BEFORE = '2026-03-06';
const MONDAY_AFTER = '2026-03-09';
const HOUR = 3_600_000;
const S = 1000;

/**
 * The treatment-day index of the course's planned first day (the Friday before, which fraction 1 leaves
 * for the night), so that fraction 2 falls on the Monday after; null when the period does not hold both.
 */
export function nightCourseStartDay(days: readonly string[]): number | null {
  const friday = days.indexOf(FRIDAY_BEFORE);
  return friday >= 0 && days.includes(MONDAY_AFTER) ? friday : null;
}

/** The fraction given in the night (fraction 1 of the `dst-night-emergency` course). */
export const isNightSession = (d: Pick<Draft, 'choices'>, fractionNumber: number): boolean =>
  d.choices.shape === 'dst-night-emergency' && fractionNumber === 1;

/**
 * The night session from a fraction laid out on `DST_NIGHT` at the course's daily slot: moved so that
 * 02:00 EST falls halfway between its two beams (≥ 15 s from either: betweenSec ≥ 30), readings from
 * 02:00 on one hour later on the facility's clock (elapsed time is kept). No monitoring (palliative 2D).
 */
export function nightSession(f: SimFraction): SimFraction {
  const [ap, pa] = f.beams;
  if (!ap || !pa || f.beams.length !== 2) throw new Error('the night session has two beams');
  const change = wallClock(DST_NIGHT, 2);
  const shift = Math.round((change - (ap.off + pa.on) / 2) / S) * S;
  const wall = (t: number) => (t + shift >= change ? t + shift + HOUR : t + shift);
  return {
    ...f,
    sessionStart: wall(f.sessionStart),
    beams: f.beams.map((b) => ({
      ...b,
      on: wall(b.on),
      off: wall(b.off),
      holds: b.holds.map((h) => ({ from: wall(h.from), to: wall(h.to) })),
    })),
  };
}
