import { describe, it } from 'vitest';
import {
  buildCourse,
  type CourseInput,
  epochAt,
  fx,
  READY_LINES,
  runAudit,
  signedAt,
} from '../../../../test/support/course-builder.js';
import { expectFractions, type FractionExpectation } from '../../../../test/support/audit-expect.js';
import { DOC_009 } from './doc-009-igrt-review-signed.js';

const READY: FractionExpectation = { status: 'ready', lines: READY_LINES, findings: [] };
const DROPPED: FractionExpectation = { status: 'downgrade', lines: ['77412'], findings: ['DOC-009:error'] };
const PENDING: FractionExpectation = { status: 'hold', lines: READY_LINES, findings: ['DOC-009:warning'] };
const review = (c: CourseInput, n: number) => fx(c, n).imageGuidance!;
const oneDelivered = (c: CourseInput) =>
  (c.schedule = [{ date: '2026-03-03', beamOn: '2026-03-03T08:15:00' }]);
const MONDAY_NOON = epochAt('2026-03-02T12:00:00');

describe(`${DOC_009.id} ${DOC_009.title}`, () => {
  const cases: {
    name: string;
    fractions?: number;
    edit: (c: CourseInput) => void;
    now?: number;
    expected: Record<number, FractionExpectation>;
  }[] = [
    { name: 'reviewed an hour after beam-off', edit: () => {}, expected: { 1: READY, 2: READY } },
    {
      name: 'review pending, next beam-on ahead',
      fractions: 1,
      edit: (c) => {
        oneDelivered(c);
        review(c, 1).review = null;
      },
      now: MONDAY_NOON,
      expected: { 1: PENDING },
    },
    {
      name: 'reviewed after the next beam-on',
      edit: (c) => (review(c, 1).review = signedAt('2026-03-03T09:00:00')),
      expected: { 1: DROPPED, 2: READY },
    },
    {
      name: 'never reviewed, overdue',
      edit: (c) => (review(c, 1).review = null),
      expected: { 1: DROPPED, 2: READY },
    },
    {
      name: 'reviewed by a therapist (counts as unsigned), overdue',
      edit: (c) => (review(c, 1).review = signedAt('2026-03-02T09:30:00', undefined, 'therapist')),
      expected: { 1: DROPPED },
    },
    {
      name: 'reviewed by a therapist, next beam-on ahead',
      fractions: 1,
      edit: (c) => {
        oneDelivered(c);
        review(c, 1).review = signedAt('2026-03-02T09:30:00', undefined, 'therapist');
      },
      now: MONDAY_NOON,
      expected: { 1: PENDING },
    },
    {
      name: 'late review and a late SGRT record: 77407 alone',
      edit: (c) => {
        review(c, 1).review = signedAt('2026-03-03T09:00:00');
        fx(c, 1).sgrtRecord!.signature = signedAt('2026-03-03T09:00:00');
      },
      expected: {
        1: { status: 'downgrade', lines: ['77407'], findings: ['DOC-008:error', 'DOC-009:error'] },
      },
    },
    {
      name: 'no image guidance performed: no 77387, nothing to review',
      edit: (c) => (fx(c, 1).imageGuidance = { performed: false, review: null }),
      expected: { 1: { status: 'ready', lines: ['77412'], findings: [] } },
    },
    {
      name: 'no image guidance recorded',
      edit: (c) => (fx(c, 1).imageGuidance = null),
      expected: { 1: { status: 'ready', lines: ['77412'], findings: [] } },
    },
  ];

  it.each(cases)('$name', ({ fractions, edit, now, expected }) => {
    expectFractions(
      runAudit(buildCourse({ fractions: fractions ?? 2, edit }), now !== undefined ? { now } : {}),
      expected,
    );
  });
});
