import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../../test/support/course-builder.js';
import type { Authorization } from '../model/course.js';
import { authorizationCovering, authorizationCoveringRest } from './authorization-on-file.js';

/** 77412 (one isocenter, intrafraction motion management with beam hold), delivered 2026-03-02 to 03-06. */
const AUTH: Authorization = {
  number: 'EV-26-000777',
  codes: ['77412', '77387-26'],
  fractionsAuthorized: 15,
  validFrom: '2026-02-20',
  validTo: '2026-05-31',
  obtainedOn: '2026-02-18',
};

const courseWith = (a: Partial<Authorization>, schedule: string[] = []) =>
  buildCourse({
    profile: 'evicore',
    edit: (c) => {
      c.authorizations = [{ ...AUTH, ...a }];
      c.schedule = schedule.map((date) => ({ date, beamOn: `${date}T09:00:00` }));
    },
  });

/**
 * An authorization covers a date when it lists the date's code, the date is in its validity, and the
 * fractions delivered under it before that date leave at least one (the payer authorizes a number of
 * fractions: the authorization export's `fractionsAuthorized`; domain.md §6.1 authorization family).
 */
describe('authorizationCovering: code, validity and fractions left on the date', () => {
  it.each<[string, Partial<Authorization>, string, boolean]>([
    ['fraction 3 of 15 authorized', {}, '2026-03-04', true],
    ['fraction 3, 3 authorized (2 used before it)', { fractionsAuthorized: 3 }, '2026-03-04', true],
    ['fraction 3, 2 authorized (both used before it)', { fractionsAuthorized: 2 }, '2026-03-04', false],
    ['fraction 1, none authorized', { fractionsAuthorized: 0 }, '2026-03-02', false],
    ['fraction 5, 4 authorized', { fractionsAuthorized: 4 }, '2026-03-06', false],
    ['fraction 5, 5 authorized', { fractionsAuthorized: 5 }, '2026-03-06', true],
    // Fractions delivered before its validity were not delivered under it.
    [
      'fraction 3, 1 authorized from 03-04',
      { fractionsAuthorized: 1, validFrom: '2026-03-04' },
      '2026-03-04',
      true,
    ],
    ['after its validity', { validTo: '2026-03-03' }, '2026-03-04', false],
    ['a code it does not list', { codes: ['77407'] }, '2026-03-04', false],
    ['a denied authorization', { status: 'denied' }, '2026-03-04', false],
    ['no codes listed (the course)', { codes: [], fractionsAuthorized: 3 }, '2026-03-04', true],
  ])('%s', (_, a, date, covered) => {
    expect(authorizationCovering(courseWith(a), date)?.number ?? null).toBe(covered ? AUTH.number : null);
  });
});

/** The course check counts the fractions used the same way: those delivered in its validity. */
describe('authorizationCoveringRest: the fractions to come, by the same count', () => {
  const rest = ['2026-03-09', '2026-03-10'];
  it.each<[string, Partial<Authorization>, boolean]>([
    ['7 authorized: 5 used, 2 left for 2 to come', { fractionsAuthorized: 7 }, true],
    ['5 authorized: all 5 used', { fractionsAuthorized: 5 }, false],
    ['6 authorized: 5 used, 1 left for 2 to come', { fractionsAuthorized: 6 }, false],
    ['3 authorized from 03-05: 2 used, 1 left', { fractionsAuthorized: 3, validFrom: '2026-03-05' }, false],
    ['4 authorized from 03-05: 2 used, 2 left', { fractionsAuthorized: 4, validFrom: '2026-03-05' }, true],
  ])('%s', (_, a, covered) => {
    const course = courseWith(a, rest);
    course.plan.fractionsPlanned = 7;
    expect(authorizationCoveringRest(course)?.authorization.number ?? null).toBe(
      covered ? AUTH.number : null,
    );
    // Each date to come is covered, or not, by the single-date rule too.
    expect(authorizationCovering(course, rest[0]) !== undefined).toBe(
      (a.fractionsAuthorized ?? 15) - (a.validFrom ? 2 : 5) >= 1,
    );
  });
});
