import { describe, expect, it } from 'vitest';
import {
  buildCourse,
  type CourseInput,
  epochAt,
  fx,
  READY_LINES,
  runAudit,
  signedAt,
} from '../../../../test/support/course-builder.js';
import { expectFractions, type FractionExpectation, READY } from '../../../../test/support/audit-expect.js';
import { DOC_009 } from './doc-009-igrt-review-signed.js';

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

  // The image review alone supports 77387-26 here: the payer does not count SGRT tracking for it.
  it.each(cases)('$name', ({ fractions, edit, now, expected }) => {
    const profile = { sgrtTrackingSupportsIgrt: false };
    expectFractions(
      runAudit(
        buildCourse({ fractions: fractions ?? 2, edit }),
        now !== undefined ? { now, profile } : { profile },
      ),
      expected,
    );
  });
});

/**
 * 77387 "includes intrafraction tracking, when performed" and each document is "signed … prior to next beam
 * on to meet criteria for billing the professional service" [seed]: with the default setting the signed
 * SGRT record supports 77387-26 as well as the image review; the line stands while one of them is timely.
 */
describe(`${DOC_009.id} with DOC-008: the guidance records 77387-26 rests on`, () => {
  const late = signedAt('2026-03-03T09:00:00');
  const cases: { name: string; edit: (c: CourseInput) => void; expected: FractionExpectation }[] = [
    {
      name: 'late image review, timely SGRT record: 77387-26 kept on the tracking record',
      edit: (c) => (review(c, 1).review = late),
      expected: { status: 'ready', lines: READY_LINES, findings: ['DOC-009:warning'] },
    },
    {
      name: 'timely image review, late SGRT record: 77407 and 77387-26',
      edit: (c) => (fx(c, 1).sgrtRecord!.signature = late),
      expected: { status: 'downgrade', lines: ['77407', '77387-26'], findings: ['DOC-008:error'] },
    },
    {
      name: 'the SGRT record is the only guidance record, signed late: both lost',
      edit: (c) => {
        fx(c, 1).imageGuidance = null;
        fx(c, 1).sgrtRecord!.signature = late;
      },
      expected: { status: 'downgrade', lines: ['77407'], findings: ['DOC-008:error'] },
    },
    {
      name: 'the SGRT record is the only guidance record, signed in time',
      edit: (c) => (fx(c, 1).imageGuidance = null),
      expected: { status: 'ready', lines: READY_LINES, findings: [] },
    },
    {
      name: 'both late: 77407 alone',
      edit: (c) => {
        review(c, 1).review = late;
        fx(c, 1).sgrtRecord!.signature = late;
      },
      expected: { status: 'downgrade', lines: ['77407'], findings: ['DOC-008:error', 'DOC-009:error'] },
    },
  ];
  it.each(cases)('$name', ({ edit, expected }) => {
    const audit = runAudit(buildCourse({ fractions: 2, edit }));
    expectFractions(audit, { 1: expected });
  });

  it('the line says which evidence supports it', () => {
    const audit = runAudit(buildCourse({ fractions: 2, edit: (c) => (fx(c, 1).imageGuidance = null) }));
    const f = audit.fractions.find((x) => x.number === 1)!;
    expect(f.findings.find((x) => x.ruleId === 'CODE-007')?.evidence).toMatchObject({
      basis: 'sgrt-tracking',
    });
    expect(f.lines.find((l) => l.code === '77387')?.reason).toContain(
      'surface-guided intrafraction tracking',
    );
  });
});
