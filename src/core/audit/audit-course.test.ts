import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectFractions, type FractionExpectation, READY } from '../../../test/support/audit-expect.js';
import {
  buildCourse,
  type CourseInput,
  DOWNGRADED_LINES,
  fractionInput,
  lineCodes,
  runAudit,
} from '../../../test/support/course-builder.js';
import {
  fallBackCourse,
  kolkataCourse,
  londonCourse,
  losAngelesCourse,
  springForwardCourse,
  zoneSensitiveCourses,
} from '../../../test/support/zone-courses.js';

const LATE: FractionExpectation = {
  status: 'downgrade',
  lines: DOWNGRADED_LINES,
  findings: ['DOC-008:error'],
};

describe('auditCourse', () => {
  it('a complete left-breast DIBH course is ready to bill 77412 + 77387-26 every fraction', () => {
    const audit = runAudit(buildCourse({ fractions: 5 }));
    expect(audit.payerProfile).toBe('default');
    expect(audit.fractions.map((f) => f.number)).toEqual([1, 2, 3, 4, 5]);
    expectFractions(audit, { 1: READY, 2: READY, 3: READY, 4: READY, 5: READY });
    expect(audit.fractions.map((f) => f.signatureDeadline)).toEqual([
      '2026-03-03T13:15:00.000Z',
      '2026-03-04T13:15:00.000Z',
      '2026-03-05T13:15:00.000Z',
      '2026-03-06T13:15:00.000Z',
      // Last fraction: 72 h after its beam-off (08:19:30 EST on Friday 03-06).
      '2026-03-09T13:19:30.000Z',
    ]);
    expect(audit.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['DOC-003:info']);
    expect(audit.fractions[0]!.lines.map((l) => l.expectedCents)).toEqual([39146, 3674]);
  });

  it('sorts fractions into delivery order whatever the input order', () => {
    const audit = runAudit(buildCourse({ fractions: 4, edit: (c) => c.fractions.reverse() }));
    expect(audit.fractions.map((f) => f.number)).toEqual([1, 2, 3, 4]);
    expect(audit).toEqual(runAudit(buildCourse({ fractions: 4 })));
  });

  it('downgrade lines carry the 77407 amount', () => {
    const audit = runAudit(
      buildCourse({ fractions: 1, edit: (c) => (c.fractions[0]!.monitoring![0]!.thresholds = null) }),
    );
    expect(audit.fractions[0]!.lines.map((l) => [l.code, l.expectedCents])).toEqual([
      ['77407', 31764],
      ['77387', 3674],
    ]);
  });

  it('an unknown payer profile falls back to the default with PAYER-004', () => {
    const audit = runAudit(buildCourse({ fractions: 1, profile: 'no-such-payer' }));
    expect(audit.payerProfile).toBe('default');
    expect(audit.findings.map((f) => f.ruleId)).toContain('PAYER-004');
  });

  describe('daylight-saving changes: signatures compared with beam-on as instants', () => {
    // Fractions Fri 03-06 08:30 EST, Sun 03-08 08:30 EDT, Mon 03-09 08:30 EDT (= 12:30Z).
    it.each([
      ['2026-03-09T09:00:00-04:00', 'late: 13:00Z after 12:30Z', LATE],
      ['2026-03-09T08:00:00-05:00', 'late: 13:00Z, though 08:00 reads earlier than 08:30', LATE],
      ['2026-03-09T07:45:00-05:00', 'late: 12:45Z', LATE],
      ['2026-03-09T08:15:00-04:00', 'on time: 12:15Z', READY],
      ['2026-03-09T12:29:59Z', 'on time: one second before', READY],
    ])('fraction 2 record signed %s → %s', (signed, _why, expected) => {
      const audit = runAudit(springForwardCourse(signed));
      expectFractions(audit, { 1: READY, 2: expected, 3: READY });
    });

    it('deadlines move with the offset in force at the next beam-on', () => {
      const audit = runAudit(springForwardCourse());
      expect(audit.fractions.map((f) => f.signatureDeadline)).toEqual([
        '2026-03-08T12:30:00.000Z',
        '2026-03-09T12:30:00.000Z',
        '2026-03-12T12:34:30.000Z',
      ]);
    });

    it('fall back: 09:00 EDT on Monday 11-02 is before 08:30 EST (13:30Z)', () => {
      const audit = runAudit(fallBackCourse('2026-11-02T09:00:00-04:00'));
      expectFractions(audit, { 1: READY, 2: READY });
      expect(audit.fractions[0]!.signatureDeadline).toBe('2026-11-02T13:30:00.000Z');
      expectFractions(runAudit(fallBackCourse('2026-11-02T08:45:00-05:00')), { 1: LATE });
    });
  });

  describe('facility zone, not the process zone', () => {
    it('Los Angeles across 2026-03-08', () => {
      const audit = runAudit(losAngelesCourse());
      expectFractions(audit, { 1: READY, 2: READY, 3: READY, 4: READY });
      // Thu 03-05, Fri 03-06 (PST, UTC-8), Mon 03-09, Tue 03-10 (PDT, UTC-7), beam-on 08:15.
      expect(audit.fractions.map((f) => f.signatureDeadline)).toEqual([
        '2026-03-06T16:15:00.000Z',
        '2026-03-09T15:15:00.000Z',
        '2026-03-10T15:15:00.000Z',
        '2026-03-13T15:19:30.000Z',
      ]);
    });

    it('London across 2026-03-29, while New York is already on summer time', () => {
      const audit = runAudit(londonCourse());
      expectFractions(audit, { 1: READY, 2: READY, 3: READY });
      // Thu 03-26, Fri 03-27 (GMT), Mon 03-30 (BST, UTC+1).
      expect(audit.fractions.map((f) => f.signatureDeadline)).toEqual([
        '2026-03-27T08:15:00.000Z',
        '2026-03-30T07:15:00.000Z',
        '2026-04-02T07:19:30.000Z',
      ]);
      const late = buildCourse({
        fractions: 3,
        startDate: '2026-03-26',
        timeZone: 'Europe/London',
        edit: (c) => (c.fractions[1]!.sgrtRecord!.signature!.signedAt = '2026-03-30T08:00:00+00:00'),
      });
      expectFractions(runAudit(late), { 2: LATE });
    });

    it('Kolkata (UTC+05:30)', () => {
      const audit = runAudit(kolkataCourse());
      expect(audit.fractions[0]!.signatureDeadline).toBe('2026-03-03T02:45:00.000Z');
    });

    it('gives the same result under other process zones', () => {
      const script = fileURLToPath(new URL('../../../test/support/print-audit.ts', import.meta.url));
      const here = JSON.parse(JSON.stringify(zoneSensitiveCourses().map((c) => runAudit(c))));
      for (const tz of ['UTC', 'Asia/Kolkata', 'Pacific/Auckland']) {
        const out = execFileSync(process.execPath, ['--import', 'tsx', script], {
          env: { ...process.env, TZ: tz },
          encoding: 'utf8',
        });
        expect(JSON.parse(out), `TZ=${tz}`).toEqual(here);
      }
    }, 30_000);
  });

  describe('twice-daily treatment (CODE-008 session rule applied to the course)', () => {
    /** Fraction 2 on Monday 03-02 as well, at `time`; fraction 3 on Tuesday. */
    const twice = (time: string) => (c: CourseInput) => {
      c.fractions = [
        fractionInput({ number: 1, date: '2026-03-02' }),
        fractionInput({ number: 2, date: '2026-03-02', beamOnTime: time }),
        fractionInput({ number: 3, date: '2026-03-03' }),
      ];
    };

    it('7 h apart: a second delivery line with modifier 76 (default profile)', () => {
      const audit = runAudit(buildCourse({ fractions: 3, edit: twice('15:15:00') }));
      expectFractions(audit, {
        1: READY,
        2: { status: 'ready', lines: ['77412-76', '77387-26-76'], findings: [] },
        3: READY,
      });
      // Fraction 1's records are due before the afternoon session.
      expect(audit.fractions[0]!.signatureDeadline).toBe('2026-03-02T20:15:00.000Z');
    });

    it('7 h apart under Medicare: a second unit, no modifier 76', () => {
      const audit = runAudit(buildCourse({ fractions: 3, profile: 'medicare', edit: twice('15:15:00') }));
      expect(lineCodes(audit.fractions[1]!)).toEqual(['77412', '77387-26']);
    });

    it('2 h apart: the second session has no lines and is held until the break is documented', () => {
      const audit = runAudit(buildCourse({ fractions: 3, edit: twice('10:15:00') }));
      expectFractions(audit, { 1: READY, 2: { status: 'hold', lines: [], findings: [] }, 3: READY });
      expect(audit.fractions[1]!.reasons).toEqual(['CODE-008']);
      expect(audit.fractions[1]!.findings.map((f) => `${f.ruleId}:${f.severity}`)).toContain(
        'CODE-008:warning',
      );
    });
  });
});

describe('auditCourse: documentation elements', () => {
  it('scores the five elements only for courses whose 77412 rests on motion management', () => {
    const noAmm = runAudit(buildCourse({ edit: (c) => (c.plan.motionManagement = null) }));
    expect(noAmm.elements).toBeNull();
    expect(noAmm.findings.some((f) => f.ruleId === 'DOC-003')).toBe(false);
    expect(runAudit(buildCourse()).elements).toHaveLength(5);
  });
});
