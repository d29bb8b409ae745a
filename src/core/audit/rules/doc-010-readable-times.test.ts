import { describe, expect, it } from 'vitest';
import {
  buildCourse,
  type CourseInput,
  fractionInput,
  fx,
  READY_LINES,
  runAudit,
  signedAt,
} from '../../../../test/support/course-builder.js';
import { expectFractions } from '../../../../test/support/audit-expect.js';
import { DOC_010 } from './doc-010-readable-times.js';

/** Fraction 2 replaced by one delivered on `date` at `time` (facility wall clock). */
const fractionTwoAt = (date: string, time: string) => (c: CourseInput) => {
  const i = c.fractions.findIndex((f) => f.number === 2);
  c.fractions[i] = fractionInput({ number: 2, date, beamOnTime: time, zone: c.facility.timeZone });
};

describe(`${DOC_010.id} ${DOC_010.title}`, () => {
  const cases: {
    name: string;
    zone?: string;
    edit: (c: CourseInput) => void;
    problems: (string | RegExp)[];
  }[] = [
    {
      name: 'beam-on 01:30 on 2026-11-01 in New York (the hour happens twice)',
      edit: fractionTwoAt('2026-11-01', '01:30:00'),
      problems: ['ambiguous'],
    },
    {
      name: 'beam-on 02:30 on 2026-03-08 in New York (the hour is skipped)',
      edit: fractionTwoAt('2026-03-08', '02:30:00'),
      problems: ['nonexistent'],
    },
    {
      name: 'beam-on on 2026-02-30',
      edit: (c) => (fx(c, 2).beams![0]!.beamOn = '2026-02-30T08:15:00'),
      problems: ['malformed'],
    },
    {
      name: 'beam-off before beam-on',
      edit: (c) => (fx(c, 2).beams![1]!.beamOff = '2026-03-03T08:17:00'),
      problems: [/ends \(.*\) before it starts/],
    },
    { name: 'no beams recorded', edit: (c) => (fx(c, 2).beams = []), problems: ['No beam-on'] },
    {
      name: 'monitoring start in the repeated hour',
      edit: (c) => {
        fractionTwoAt('2026-11-01', '02:15:00')(c);
        fx(c, 2).monitoring![0]!.start = '2026-11-01T01:55:00';
      },
      problems: ['ambiguous'],
    },
    {
      name: 'monitoring that ends before it starts',
      edit: (c) => (fx(c, 2).monitoring![0]!.end = '2026-03-03T08:00:00'),
      problems: [/ends \(.*\) before it starts/],
    },
  ];

  it.each(cases)('$name → hold with DOC-010', ({ edit, problems }) => {
    const audit = runAudit(buildCourse({ fractions: 3, edit }));
    const f2 = audit.fractions.find((f) => f.number === 2)!;
    expect(f2.status).toBe('hold');
    const doc010 = f2.findings.filter((f) => f.ruleId === DOC_010.id);
    expect(doc010.length).toBeGreaterThan(0);
    expect(doc010.every((f) => f.severity === 'error')).toBe(true);
    for (const p of problems) {
      const hit = (f: (typeof doc010)[number]) =>
        typeof p === 'string' ? f.evidence?.problem === p || f.message.includes(p) : p.test(f.message);
      expect(doc010.some(hit), String(p)).toBe(true);
    }
    // Fractions with readable times are not affected.
    expectFractions(audit, {
      1: { status: 'ready', lines: READY_LINES },
      3: { status: 'ready', lines: READY_LINES },
    });
  });

  it('an ambiguous New York reading is fine in a zone without DST (Phoenix)', () => {
    const audit = runAudit(
      buildCourse({
        fractions: 3,
        timeZone: 'America/Phoenix',
        edit: fractionTwoAt('2026-11-01', '01:30:00'),
      }),
    );
    expectFractions(audit, { 2: { status: 'ready', lines: READY_LINES, findings: [] } });
  });

  it('readings just outside the transitions are fine', () => {
    const audit = runAudit(
      buildCourse({
        fractions: 3,
        edit: (c) => {
          // Monitoring starts 5 min before beam-on: 03:05 is the first whole-minute reading after the jump.
          fractionTwoAt('2026-03-08', '03:05:00')(c);
          c.fractions[2] = fractionInput({ number: 3, date: '2026-11-01', beamOnTime: '02:10:00' });
        },
      }),
    );
    expectFractions(audit, {
      2: { status: 'ready', findings: [] },
      3: { status: 'ready', findings: [] },
    });
  });
});

/** Every beam and monitoring time of fraction `n` given with the UTC offset its record states. */
const withOffset = (n: number, offset: string) => (c: CourseInput) => {
  const f = fx(c, n);
  for (const b of f.beams!) [b.beamOn, b.beamOff] = [b.beamOn + offset, b.beamOff + offset];
  for (const m of f.monitoring!) [m.start, m.end] = [m.start + offset, m.end + offset];
};

describe(`${DOC_010.id}: a time with its record's offset is one instant (DICOM (0008,0201))`, () => {
  it.each([
    ['the first 01:30 of the 2026-11-01 fall-back night', '2026-11-01', '01:30:00', '-04:00'],
    ['the second 01:30 of the 2026-11-01 fall-back night', '2026-11-01', '01:30:00', '-05:00'],
    ['02:30 on 2026-03-08 from a machine clock not yet moved forward', '2026-03-08', '02:30:00', '-05:00'],
    ['an ordinary day', '2026-03-03', '08:15:00', '-05:00'],
  ])('%s: no DOC-010, ready', (_name, date, time, offset) => {
    const audit = runAudit(
      buildCourse({
        fractions: 3,
        edit: (c) => {
          fractionTwoAt(date, time)(c);
          withOffset(2, offset)(c);
        },
      }),
    );
    expectFractions(audit, { 2: { status: 'ready', lines: READY_LINES, findings: [] } });
  });

  it('the same readings without the offset keep their findings on both nights', () => {
    for (const [date, time, problem] of [
      ['2026-11-01', '01:30:00', 'ambiguous'],
      ['2026-03-08', '02:30:00', 'nonexistent'],
    ] as const) {
      const audit = runAudit(buildCourse({ fractions: 3, edit: fractionTwoAt(date, time) }));
      const f2 = audit.fractions.find((f) => f.number === 2)!;
      expect(f2.status).toBe('hold');
      expect(f2.findings.some((f) => f.ruleId === DOC_010.id && f.evidence?.problem === problem)).toBe(true);
    }
  });

  it('an offset outside ±14:00 is not a time: DOC-010 malformed, hold', () => {
    const audit = runAudit(buildCourse({ fractions: 3, edit: withOffset(2, '+15:00') }));
    const f2 = audit.fractions.find((f) => f.number === 2)!;
    expect(f2.status).toBe('hold');
    expect(f2.findings.filter((f) => f.ruleId === DOC_010.id).map((f) => f.evidence?.problem)).toContain(
      'malformed',
    );
  });
});

describe(`${DOC_010.id}: what an unreadable time does to its neighbours`, () => {
  it('a signature after the start of an unreadable next fraction’s day cannot be judged: hold', () => {
    const audit = runAudit(
      buildCourse({
        fractions: 3,
        edit: (c) => {
          fx(c, 2).beams![0]!.beamOn = '2026-03-03T25:00:00'; // unreadable
          fx(c, 1).sgrtRecord!.signature = signedAt('2026-03-03T07:00:00'); // after 03-03 00:00
        },
      }),
    );
    const f1 = audit.fractions.find((f) => f.number === 1)!;
    expect(f1.status).toBe('hold');
    expect(f1.findings.find((f) => f.ruleId === 'DOC-008')?.message).toMatch(/Cannot tell/);
  });

  it('reports an unreadable scheduled beam-on at course level and does not use it', () => {
    const audit = runAudit(
      buildCourse({
        fractions: 2,
        edit: (c) => (c.schedule = [{ date: '2026-11-01', beamOn: '2026-11-01T01:30:00' }]),
      }),
    );
    expect(audit.findings.some((f) => f.ruleId === DOC_010.id && f.severity === 'warning')).toBe(true);
    expect(audit.fractions.at(-1)!.signatureDeadline).not.toBe(
      new Date('2026-11-01T05:30:00Z').toISOString(),
    );
  });

  it('says when a pending signature is due in facility time', () => {
    const audit = runAudit(
      buildCourse({
        fractions: 2,
        edit: (c) => (fx(c, 1).sgrtRecord!.signature = null),
      }),
      { now: '2026-03-02T18:00:00Z' },
    );
    const pending = audit.fractions[0]!.findings.find((f) => f.ruleId === 'DOC-008')!;
    expect(pending.message).toContain('due before 2026-03-03 08:15 EST');
  });
});
