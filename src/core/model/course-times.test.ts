import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buildCourse,
  fx,
  monitoringInput,
  runAudit,
  signedAt,
} from '../../../test/support/course-builder.js';
import { zoneSensitiveCourses } from '../../../test/support/zone-courses.js';
import { LocalClock } from '../time/local-clock.js';
import { courseTimes, firstBeamOnMs, loadCourse, nextScheduledMs, readCourseTimes } from './course-times.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('readCourseTimes', () => {
  // Facility readings in America/New_York (architecture.md, "Time"): a reading without an offset is read
  // in the facility's zone, one with its offset as that instant (DICOM PS3.3 C.12.1.1.8); the repeated
  // and the skipped hour of a DST change and a malformed reading are no instant (NaN: DOC-010 says why).
  it.each([
    { reading: '2026-03-02T08:15:00', instant: Date.parse('2026-03-02T08:15:00-05:00') },
    { reading: '2026-07-02T08:15:00.25', instant: Date.parse('2026-07-02T08:15:00.250-04:00') },
    { reading: '2026-11-01T01:40:10-04:00', instant: Date.parse('2026-11-01T01:40:10-04:00') },
    { reading: '2026-11-01T01:40:10', instant: NaN }, // ambiguous: the fall-back hour
    { reading: '2026-03-08T02:30:00', instant: NaN }, // nonexistent: the spring-forward hour
    { reading: '2026-02-30T08:15:00', instant: NaN }, // no calendar day
  ])('beam-on $reading → $instant', ({ reading, instant }) => {
    const course = buildCourse({
      fractions: 1,
      edit: (c) => {
        fx(c, 1).beams[0]!.beamOn = reading;
      },
    });
    expect(readCourseTimes(course).readings[0]).toBe(instant);
  });

  it('reads beams, then per monitoring session its span, gaps and excursions, in document order', () => {
    const course = buildCourse({
      fractions: 1,
      edit: (c) => {
        const f = fx(c, 1);
        f.beams = [{ name: 'A', beamOn: '2026-03-02T08:15:00', beamOff: '2026-03-02T08:16:00' }];
        f.monitoring = [
          {
            ...monitoringInput('M1', '2026-03-02T08:10:00', '2026-03-02T08:20:00'),
            gaps: [{ start: '2026-03-02T08:11:00', end: '2026-03-02T08:12:00' }],
            excursions: [{ start: '2026-03-02T08:13:00', end: '2026-03-02T08:14:00', beamHeld: true }],
          },
          monitoringInput('M2', '2026-03-02T08:30:00', '2026-03-02T08:31:00'),
        ];
        f.sgrtRecord!.signature = signedAt('2026-03-02T09:00:00');
        f.imageGuidance!.review = null;
        c.schedule = [{ date: '2026-03-03', beamOn: '2026-03-03T08:15:00' }];
      },
    });
    const times = readCourseTimes(course);
    const minutes = [...times.readings].map((ms) => (ms - Date.parse('2026-03-02T08:00:00-05:00')) / 60_000);
    expect(minutes).toEqual([15, 16, 10, 20, 11, 12, 13, 14, 30, 31]);
    expect([...times.readingStart]).toEqual([0, 10]);
    expect(times.sgrtSignedAt[0]).toBe(Date.parse('2026-03-02T09:00:00-05:00'));
    expect(times.reviewSignedAt[0]).toBeNaN();
    expect([...times.schedule]).toEqual([Date.parse('2026-03-03T08:15:00-05:00')]);
    expect([...times.orderSignedAt]).toEqual([Date.parse(course.orders[0]!.signature!.signedAt)]);
  });
});

describe('one buffer per course', () => {
  // Each fraction's readings start where the previous fraction's end; signatures are per fraction
  // (fraction 2's SGRT record unsigned).
  it.each([
    { fraction: 1, beamOn: '2026-03-02T08:15:00', start: 0 },
    { fraction: 2, beamOn: '2026-03-03T08:20:00', start: 4 },
    { fraction: 3, beamOn: '2026-03-04T08:25:00', start: 6 },
  ])('fraction $fraction reads from $start', ({ fraction, beamOn, start }) => {
    const course = buildCourse({
      fractions: 3,
      edit: (c) => {
        for (const [i, f] of c.fractions.entries()) {
          f.monitoring = [];
          f.beams = [
            { name: 'A', beamOn: `2026-03-0${i + 2}T08:${15 + 5 * i}:00`, beamOff: '2026-03-09T09:00:00' },
          ];
        }
        fx(c, 1).beams.push({ name: 'B', beamOn: '2026-03-02T08:40:00', beamOff: '2026-03-02T08:41:00' });
        fx(c, 2).sgrtRecord!.signature = null;
      },
    });
    const times = readCourseTimes(course);
    expect(times.readingStart[fraction - 1]).toBe(start);
    expect(firstBeamOnMs(course.fractions[fraction - 1]!, times, fraction - 1)).toBe(
      Date.parse(`${beamOn}-05:00`),
    );
    expect(Number.isNaN(times.sgrtSignedAt[fraction - 1])).toBe(fraction === 2);
  });
});

describe('loadCourse', () => {
  it('keeps the times read at load: auditing a loaded course reads no time again', () => {
    for (const course of zoneSensitiveCourses()) {
      const fresh = runAudit(structuredClone(course));
      const loaded = loadCourse(course);
      expect(courseTimes(loaded)).toBe(courseTimes(loaded));
      // Spies that call through: they only count readings.
      const localReadings = vi.spyOn(LocalClock.prototype, 'epochMs');
      const instantReadings = vi.spyOn(Date, 'parse');
      expect(runAudit(loaded)).toEqual(fresh);
      expect(localReadings).not.toHaveBeenCalled();
      expect(instantReadings).not.toHaveBeenCalled();
      vi.restoreAllMocks();
    }
  });

  it('a changed copy of a loaded document is read anew', () => {
    const course = loadCourse(buildCourse({ fractions: 2 }));
    const moved = {
      ...course,
      fractions: course.fractions.map((f) => ({
        ...f,
        beams: f.beams.map((b) => ({ ...b, beamOn: '2026-03-08T02:30:00' })),
      })),
    };
    expect(courseTimes(moved).readings[0]).toBeNaN();
    expect(runAudit(moved).fractions.map((f) => f.status)).toEqual(['hold', 'hold']);
  });
});

describe('beam-ons as read at load (what the app stores beside the audit)', () => {
  // America/New_York: a reading with its offset is that instant (DICOM PS3.3 C.12.1.1.8), so it can be
  // the earliest although it sorts later as text; an unreadable reading (DOC-010) is left out.
  it.each([
    { beamOns: ['2026-03-02T08:15:00', '2026-03-02T08:20:00'], first: '2026-03-02T13:15:00.000Z' },
    { beamOns: ['2026-03-02T08:15:00', '2026-03-02T09:10:00-01:00'], first: '2026-03-02T10:10:00.000Z' },
    { beamOns: ['2026-03-08T02:30:00', '2026-03-08T08:20:00'], first: '2026-03-08T12:20:00.000Z' },
    { beamOns: ['2026-03-08T02:30:00'], first: null },
    { beamOns: [], first: null },
  ])('first beam-on of $beamOns → $first', ({ beamOns, first }) => {
    const course = buildCourse({
      fractions: 1,
      edit: (c) => {
        fx(c, 1).beams = beamOns.map((beamOn, i) => ({ name: `B${i}`, beamOn, beamOff: beamOn }));
      },
    });
    const ms = firstBeamOnMs(course.fractions[0]!, readCourseTimes(course), 0);
    expect(ms === null ? null : new Date(ms).toISOString()).toBe(first);
  });

  it.each([
    { after: '2026-03-03T00:00:00Z', next: '2026-03-03T13:15:00.000Z' },
    { after: '2026-03-03T13:15:00Z', next: '2026-03-05T13:15:00.000Z' }, // strictly after
    { after: '2026-03-06T00:00:00Z', next: null },
  ])('next scheduled beam-on after $after → $next', ({ after, next }) => {
    const course = buildCourse({
      fractions: 1,
      edit: (c) => {
        c.schedule = [
          { date: '2026-03-05', beamOn: '2026-03-05T08:15:00' },
          { date: '2026-03-08', beamOn: '2026-03-08T02:30:00' }, // unreadable: skipped
          { date: '2026-03-03', beamOn: '2026-03-03T08:15:00' },
        ];
      },
    });
    const ms = nextScheduledMs(readCourseTimes(course), Date.parse(after));
    expect(ms === null ? null : new Date(ms).toISOString()).toBe(next);
  });
});
