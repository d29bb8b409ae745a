import { describe, expect, it } from 'vitest';
import { dateContradiction } from './link-unlinked-record.js';

const on = (...dates: string[]) => dates.map((date) => ({ date }));

/** A course of `planned` fractions with these delivered and scheduled dates. */
const course = (planned: number, delivered: string[], scheduled: string[] = []) => ({
  courseId: 'C-1',
  plan: { fractionsPlanned: planned },
  fractions: on(...delivered),
  schedule: on(...scheduled),
});

describe('dateContradiction: a record dated outside a course whose planned fractions are all placed', () => {
  it.each([
    // [what, course, record date, contradiction]
    [
      'complete course, date within',
      course(3, ['2026-03-02', '2026-03-03', '2026-03-04']),
      '2026-03-03',
      null,
    ],
    [
      'complete course, on its first day',
      course(3, ['2026-03-02', '2026-03-03', '2026-03-04']),
      '2026-03-02',
      null,
    ],
    [
      'complete course, on its last day',
      course(3, ['2026-03-02', '2026-03-03', '2026-03-04']),
      '2026-03-04',
      null,
    ],
    [
      'complete course, the day after its last',
      course(3, ['2026-03-02', '2026-03-03', '2026-03-04']),
      '2026-03-05',
      'after the last',
    ],
    [
      'complete course, the day before its first',
      course(3, ['2026-03-02', '2026-03-03', '2026-03-04']),
      '2026-03-01',
      'before the first',
    ],
    [
      'delivered and scheduled together reach the plan',
      course(3, ['2026-03-02'], ['2026-03-03', '2026-03-04']),
      '2026-03-09',
      'after the last',
    ],
    [
      'a twice-daily course counts sessions',
      course(2, ['2026-03-02', '2026-03-02']),
      '2026-03-03',
      'after the last',
    ],
    ['fractions still to place: later', course(5, ['2026-03-02', '2026-03-03']), '2026-03-20', null],
    ['fractions still to place: earlier', course(5, ['2026-03-02', '2026-03-03']), '2026-02-20', null],
    ['no fraction yet', course(5, []), '2026-03-20', null],
  ])('%s', (_what, c, date, expected) => {
    const got = dateContradiction(c, date);
    if (expected === null) expect(got).toBeNull();
    else {
      expect(got).toContain(expected);
      expect(got).toContain('course C-1');
      expect(got).not.toContain(date);
    }
  });
});
