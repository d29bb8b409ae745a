import { describe, expect, it } from 'vitest';
import {
  buildCourse,
  type CourseInput,
  DOWNGRADED_LINES,
  epochAt,
  fx,
  PHYSICIAN_ID,
  READY_LINES,
  runAudit,
  signedAt,
} from '../../../../test/support/course-builder.js';
import {
  expectFractions,
  type FractionExpectation,
  findingOf,
  READY,
} from '../../../../test/support/audit-expect.js';
import type { AuditOptions } from '../audit-options.js';
import { DOC_008 } from './doc-008-sgrt-record-signed.js';

// Fractions Mon 2026-03-02 … Wed 03-04, beams 08:15:00–08:19:30 New York (EST, UTC-5).
const LATE: FractionExpectation = {
  status: 'downgrade',
  lines: DOWNGRADED_LINES,
  findings: ['DOC-008:error'],
};
const PENDING: FractionExpectation = { status: 'hold', lines: READY_LINES, findings: ['DOC-008:warning'] };
const sign = (c: CourseInput, n: number, local: string, role?: 'physician' | 'physicist' | 'therapist') =>
  (fx(c, n).sgrtRecord!.signature = signedAt(local, undefined, role));
/** Fraction 1 delivered, fraction 2 scheduled for Tuesday 08:15; the audit runs Monday noon. */
const oneDelivered = (c: CourseInput) =>
  (c.schedule = [{ date: '2026-03-03', beamOn: '2026-03-03T08:15:00' }]);
const MONDAY_NOON = epochAt('2026-03-02T12:00:00');

describe(`${DOC_008.id} ${DOC_008.title}`, () => {
  const cases: {
    name: string;
    fractions?: number;
    edit: (c: CourseInput) => void;
    now?: number;
    options?: Partial<AuditOptions>;
    expected: Record<number, FractionExpectation>;
    deadline?: [number, string];
  }[] = [
    {
      name: 'each record signed an hour after beam-off',
      edit: () => {},
      expected: { 1: READY, 2: READY, 3: READY },
      deadline: [1, '2026-03-03T13:15:00.000Z'],
    },
    {
      name: 'signed one second before the next beam-on',
      edit: (c) => sign(c, 1, '2026-03-03T08:14:59'),
      expected: { 1: READY, 2: READY },
    },
    {
      name: 'signed exactly at the next beam-on',
      edit: (c) => sign(c, 1, '2026-03-03T08:15:00'),
      expected: { 1: READY, 2: READY },
    },
    {
      name: 'signed after the next beam-on',
      edit: (c) => sign(c, 1, '2026-03-03T08:30:00'),
      expected: { 1: LATE, 2: READY },
    },
    {
      name: 'missing, next beam-on still ahead',
      fractions: 1,
      edit: (c) => {
        oneDelivered(c);
        fx(c, 1).sgrtRecord!.signature = null;
      },
      now: MONDAY_NOON,
      expected: { 1: PENDING },
      deadline: [1, '2026-03-03T13:15:00.000Z'],
    },
    {
      name: 'missing and overdue',
      edit: (c) => (fx(c, 1).sgrtRecord!.signature = null),
      expected: { 1: { ...LATE }, 2: READY },
    },
    {
      name: 'missing, the audit runs at the deadline itself',
      edit: (c) => (fx(c, 1).sgrtRecord!.signature = null),
      now: epochAt('2026-03-03T08:15:00'),
      expected: { 1: LATE },
    },
    {
      name: 'no SGRT record at all, next beam-on ahead',
      fractions: 1,
      edit: (c) => {
        oneDelivered(c);
        fx(c, 1).sgrtRecord = null;
      },
      now: MONDAY_NOON,
      expected: { 1: PENDING },
    },
    {
      name: 'no SGRT record at all, overdue',
      edit: (c) => (fx(c, 1).sgrtRecord = null),
      expected: { 1: LATE },
    },
    {
      name: 'signed by a physicist (counts as unsigned), overdue',
      edit: (c) => sign(c, 1, '2026-03-02T09:19:30', 'physicist'),
      expected: { 1: LATE },
    },
    {
      name: 'signed by a therapist (counts as unsigned), next beam-on ahead',
      fractions: 1,
      edit: (c) => {
        oneDelivered(c);
        sign(c, 1, '2026-03-02T09:19:30', 'therapist');
      },
      now: MONDAY_NOON,
      expected: { 1: PENDING },
    },
    {
      name: 'last fraction: the scheduled next beam-on is the deadline (signed after it)',
      edit: (c) => {
        c.schedule = [{ date: '2026-03-05', beamOn: '2026-03-05T08:15:00' }];
        sign(c, 3, '2026-03-05T09:00:00');
      },
      expected: { 1: READY, 2: READY, 3: LATE },
      deadline: [3, '2026-03-05T13:15:00.000Z'],
    },
    {
      name: 'last fraction: the scheduled next beam-on is the deadline (signed before it)',
      edit: (c) => {
        c.schedule = [{ date: '2026-03-05', beamOn: '2026-03-05T08:15:00' }];
        sign(c, 3, '2026-03-05T08:00:00');
      },
      expected: { 3: READY },
    },
    {
      name: 'last fraction: a schedule entry already past is ignored (72 h after beam-off)',
      edit: (c) => {
        c.schedule = [{ date: '2026-03-02', beamOn: '2026-03-02T08:15:00' }];
        sign(c, 3, '2026-03-05T09:00:00');
      },
      expected: { 3: READY },
      deadline: [3, '2026-03-07T13:19:30.000Z'],
    },
    {
      name: 'last fraction without schedule: signed 71 h after beam-off',
      edit: (c) => sign(c, 3, '2026-03-07T07:19:30'),
      expected: { 3: READY },
      deadline: [3, '2026-03-07T13:19:30.000Z'],
    },
    {
      name: 'last fraction without schedule: signed 73 h after beam-off',
      edit: (c) => sign(c, 3, '2026-03-07T09:19:30'),
      expected: { 3: LATE },
    },
    {
      name: 'last fraction: 73 h is on time when lastFractionSignatureHours is 96',
      edit: (c) => sign(c, 3, '2026-03-07T09:19:30'),
      options: { lastFractionSignatureHours: 96 },
      expected: { 3: READY },
      // 96 elapsed hours, not wall-clock days: 2026-03-08 is the spring-forward day.
      deadline: [3, '2026-03-08T13:19:30.000Z'],
    },
  ];

  it.each(cases)('$name', ({ fractions, edit, now, options, expected, deadline }) => {
    const audit = runAudit(buildCourse({ fractions: fractions ?? 3, edit }), {
      ...(now !== undefined ? { now } : {}),
      ...(options ? { options } : {}),
    });
    expectFractions(audit, expected);
    if (deadline)
      expect(audit.fractions.find((f) => f.number === deadline[0])!.signatureDeadline).toBe(deadline[1]);
  });

  it('says when a pending record is due and who signed it', () => {
    const audit = runAudit(
      buildCourse({
        fractions: 1,
        edit: (c) => {
          oneDelivered(c);
          sign(c, 1, '2026-03-02T09:19:30', 'physicist');
        },
      }),
      { now: MONDAY_NOON },
    );
    const f = findingOf(audit, 1, 'DOC-008');
    expect(f.message).toContain('physicist');
    expect(f.evidence).toEqual({ documentId: 'FX01-SGRT', deadline: '2026-03-03T13:15:00.000Z' });
  });

  it('a late signature cites the signer, their capacity, the signing time and the deadline as instants', () => {
    const audit = runAudit(buildCourse({ fractions: 2, edit: (c) => sign(c, 1, '2026-03-03T08:30:00') }));
    expect(findingOf(audit, 1, 'DOC-008').evidence).toEqual({
      signerId: PHYSICIAN_ID,
      capacity: 'treating',
      signedAt: '2026-03-03T13:30:00.000Z',
      deadline: '2026-03-03T13:15:00.000Z',
      basis: 'next fraction',
    });
  });
});
