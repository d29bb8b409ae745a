import { FACILITY, type GenerateOptions, type SimClinic } from './clinic-model.js';
import { instantOf, treatmentDays, wallClock } from './clinic-time.js';
import { chooseReports, cutAt, listDefects } from './export-cut.js';
import { generateCourses } from './generate-courses.js';
import { injectDefects } from './inject-defects.js';
import { hashSeed } from './prng.js';

/** The default export instant: the last treatment day at 08:00 facility time, plus 4 h. */
export function defaultNow(days: readonly string[]): number {
  return instantOf(wallClock(days[days.length - 1]!, 8), FACILITY.timeZone) + 4 * 3_600_000;
}

/**
 * The simulated clinic for `options`, as exported at `now`: courses with their delivered fractions,
 * schedules, signatures, charges and the defects they hold. Deterministic: the same options give the
 * same clinic; nothing reads the clock or `Math.random`.
 */
export function buildClinic(options: GenerateOptions): SimClinic {
  const seed = hashSeed('sgrt-billing demo-data', options.seed);
  const days = treatmentDays(options.days);
  const now = options.now ?? defaultNow(days);
  const courses = generateCourses(seed, options.patients, days);
  const cut = { now, lastDay: days[days.length - 1]! };
  injectDefects(seed, courses, cut);
  cutAt(courses, cut);
  chooseReports(seed, courses);
  return {
    options: {
      patients: options.patients,
      days: options.days,
      seed: options.seed,
      now,
      placeOfService: options.placeOfService ?? FACILITY.placeOfService,
    },
    seed,
    days,
    courses,
    defects: listDefects(courses, now),
  };
}
