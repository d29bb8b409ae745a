/** Courses whose audit depends on reading wall-clock times in the facility's zone across DST changes. */
import { buildCourse, type Course, fractionInput, signedAt } from './course-builder.js';

/** New York across the spring-forward Sunday 2026-03-08: Fri 03-06 (EST), Sun 03-08 and Mon 03-09 (EDT), 08:30. */
export function springForwardCourse(signFraction2At?: string): Course {
  return buildCourse({
    fractions: 3,
    edit: (c) => {
      c.fractions = ['2026-03-06', '2026-03-08', '2026-03-09'].map((date, i) =>
        fractionInput({ number: i + 1, date, beamOnTime: '08:30:00' }),
      );
      if (signFraction2At)
        c.fractions[1]!.sgrtRecord!.signature = {
          ...signedAt('2026-03-08T10:00:00'),
          signedAt: signFraction2At,
        };
    },
  });
}

/** New York across the fall-back Sunday 2026-11-01: Fri 10-30 (EDT), Mon 11-02 (EST), 08:30. */
export function fallBackCourse(signFraction1At?: string): Course {
  return buildCourse({
    fractions: 2,
    startDate: '2026-10-30',
    beamOnTime: '08:30:00',
    edit: (c) => {
      if (signFraction1At)
        c.fractions[0]!.sgrtRecord!.signature = {
          ...signedAt('2026-10-30T10:00:00'),
          signedAt: signFraction1At,
        };
    },
  });
}

/** London across the UK change (2026-03-29), while New York is already on EDT. */
export function londonCourse(): Course {
  return buildCourse({ fractions: 3, startDate: '2026-03-26', timeZone: 'Europe/London' });
}

export function losAngelesCourse(): Course {
  return buildCourse({ fractions: 4, startDate: '2026-03-05', timeZone: 'America/Los_Angeles' });
}

export function kolkataCourse(): Course {
  return buildCourse({ fractions: 2, startDate: '2026-03-02', timeZone: 'Asia/Kolkata' });
}

export function zoneSensitiveCourses(): Course[] {
  return [
    springForwardCourse('2026-03-09T09:00:00-04:00'),
    fallBackCourse('2026-11-02T09:00:00-04:00'),
    londonCourse(),
    losAngelesCourse(),
    kolkataCourse(),
  ];
}
