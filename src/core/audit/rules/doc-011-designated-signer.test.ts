import { describe, expect, it } from 'vitest';
import {
  buildCourse,
  type CourseInput,
  epochAt,
  fx,
  PHYSICIAN_ID,
  runAudit,
  signedAt,
} from '../../../../test/support/course-builder.js';
import {
  expectFractions,
  type FractionExpectation,
  findingOf,
  READY,
} from '../../../../test/support/audit-expect.js';
import { type CoverDesignation, signerCapacity } from '../signer-capacity.js';
import { DOC_011 } from './doc-011-designated-signer.js';

const OTHER = 'DR-SYN-02';
/** Fraction 1 (Monday 2026-03-02): its SGRT record and image review signed by `signer` at 09:30 (one finding each). */
const signedBy = (signer: string) => (c: CourseInput) => {
  const s = { ...signedAt('2026-03-02T09:30:00'), signerId: signer };
  fx(c, 1).sgrtRecord!.signature = s;
  fx(c, 1).imageGuidance!.review = s;
};
const byCourse = (courseId: string): CoverDesignation => ({
  coveringPhysicianId: OTHER,
  scope: 'course',
  courseId,
});
const byDates = (from: string, to: string, forPhysicianId = PHYSICIAN_ID): CoverDesignation => ({
  coveringPhysicianId: OTHER,
  scope: 'dates',
  forPhysicianId,
  from,
  to,
});

const COVERED: FractionExpectation = { ...READY, findings: ['DOC-011:info', 'DOC-011:info'] };
const FAILED: FractionExpectation = {
  status: 'downgrade',
  lines: ['77407'],
  findings: ['DOC-011:error', 'DOC-011:error'],
};

describe(`${DOC_011.id} ${DOC_011.title}`, () => {
  const courseId = buildCourse().courseId;
  const cases: {
    name: string;
    signer: string;
    covers?: CoverDesignation[];
    now?: number;
    fractions?: number;
    expected: FractionExpectation;
  }[] = [
    { name: "the course's physician", signer: PHYSICIAN_ID, expected: READY },
    {
      name: 'another physician, no designation, overdue: fails like no signature',
      signer: OTHER,
      expected: FAILED,
    },
    {
      name: 'another physician, no designation, next beam-on ahead: held for the physician',
      signer: OTHER,
      fractions: 2,
      now: epochAt('2026-03-02T12:00:00'),
      expected: { ...READY, status: 'hold', findings: ['DOC-011:warning', 'DOC-011:warning'] },
    },
    { name: 'covering for this course', signer: OTHER, covers: [byCourse(courseId)], expected: COVERED },
    {
      name: 'covering for another course',
      signer: OTHER,
      covers: [byCourse('OTHER-COURSE')],
      expected: FAILED,
    },
    {
      name: 'covering the physician over dates including the signing date',
      signer: OTHER,
      covers: [byDates('2026-03-02', '2026-03-06')],
      expected: COVERED,
    },
    {
      name: 'covering the physician over dates ending the day before',
      signer: OTHER,
      covers: [byDates('2026-02-23', '2026-03-01')],
      expected: FAILED,
    },
    {
      name: 'covering another physician on that date',
      signer: OTHER,
      covers: [byDates('2026-03-02', '2026-03-06', 'DR-SYN-09')],
      expected: FAILED,
    },
  ];

  it.each(cases)('$name', ({ signer, covers, now, fractions, expected }) => {
    const course = buildCourse({ fractions: fractions ?? 2, edit: signedBy(signer) });
    expectFractions(runAudit(course, { covers: covers ?? [], ...(now !== undefined ? { now } : {}) }), {
      1: expected,
    });
  });

  it('an undesignated image review while the SGRT record is signed in time: 77387-26 rests on the record', () => {
    const course = buildCourse({
      fractions: 2,
      edit: (c) => (fx(c, 1).imageGuidance!.review = { ...signedAt('2026-03-02T09:30:00'), signerId: OTHER }),
    });
    expectFractions(runAudit(course), {
      1: { ...READY, findings: ['DOC-011:warning'] },
    });
  });

  it('names the signer and the capacity in the evidence', () => {
    const audit = runAudit(buildCourse({ fractions: 2, edit: signedBy(OTHER) }));
    expect(findingOf(audit, 1, 'DOC-011').evidence).toMatchObject({
      signerId: OTHER,
      capacity: 'undesignated',
      coursePhysicianId: PHYSICIAN_ID,
    });
    const covered = runAudit(buildCourse({ fractions: 2, edit: signedBy(OTHER) }), {
      covers: [byCourse(courseId)],
    });
    expect(findingOf(covered, 1, 'DOC-011').evidence).toMatchObject({
      signerId: OTHER,
      capacity: 'covering',
    });
  });
});

describe('signerCapacity', () => {
  const course = { courseId: 'C1', physicianId: 'A' };
  const cases: {
    name: string;
    signer: string;
    date: string;
    covers: CoverDesignation[];
    expected: string;
  }[] = [
    { name: 'treating', signer: 'A', date: '2026-03-02', covers: [], expected: 'treating' },
    {
      name: 'first day of the range',
      signer: 'B',
      date: '2026-03-02',
      covers: [
        {
          coveringPhysicianId: 'B',
          scope: 'dates',
          forPhysicianId: 'A',
          from: '2026-03-02',
          to: '2026-03-02',
        },
      ],
      expected: 'covering',
    },
    {
      name: 'another covering physician',
      signer: 'B',
      date: '2026-03-02',
      covers: [{ coveringPhysicianId: 'C', scope: 'course', courseId: 'C1' }],
      expected: 'undesignated',
    },
  ];
  it.each(cases)('$name', ({ signer, date, covers, expected }) =>
    expect(signerCapacity(course, signer, date, covers)).toBe(expected),
  );
});
