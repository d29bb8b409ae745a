import { describe, expect, it } from 'vitest';
import {
  buildCourse,
  type CourseInput,
  DOWNGRADED_LINES,
  fx,
  monitoringInput,
  READY_LINES,
  runAudit,
} from '../../../../test/support/course-builder.js';
import { expectFractions, findingOf } from '../../../../test/support/audit-expect.js';
import { DOC_006 } from './doc-006-beam-hold-capability.js';

const session = (c: CourseInput) => fx(c, 1).monitoring![0]!;
const READY = { status: 'ready' as const, lines: READY_LINES, findings: [] };
const DOWNGRADE = { status: 'downgrade' as const, lines: DOWNGRADED_LINES, findings: ['DOC-006:error'] };

describe(`${DOC_006.id} ${DOC_006.title}`, () => {
  const cases: { name: string; edit: (c: CourseInput) => void; expected: typeof READY | typeof DOWNGRADE }[] =
    [
      { name: 'thresholds set and gating active', edit: () => {}, expected: READY },
      { name: 'thresholds "N/A" (null)', edit: (c) => (session(c).thresholds = null), expected: DOWNGRADE },
      {
        name: 'thresholds null and gating inactive',
        edit: (c) => {
          session(c).thresholds = null;
          session(c).gatingActive = false;
        },
        expected: DOWNGRADE,
      },
      {
        name: 'rotation threshold only, no translation threshold',
        edit: (c) => (session(c).thresholds = { translationCm: null, rotationDeg: 3 }),
        expected: DOWNGRADE,
      },
      {
        name: 'gating inactive, plan documents a manual beam hold',
        edit: (c) => (session(c).gatingActive = false),
        expected: READY,
      },
      {
        name: 'a set-up session without thresholds that does not overlap any beam',
        edit: (c) => {
          session(c).start = '2026-03-02T08:14:00';
          fx(c, 1).monitoring!.unshift({
            ...monitoringInput('FX01-M0', '2026-03-02T08:05:00', '2026-03-02T08:13:00'),
            thresholds: null,
          });
        },
        expected: READY,
      },
      {
        name: 'a session without thresholds beside a capable session that covers every beam',
        edit: (c) =>
          fx(c, 1).monitoring!.push({
            ...monitoringInput('FX01-M2', '2026-03-02T08:12:00', '2026-03-02T08:21:00'),
            thresholds: null,
          }),
        expected: READY,
      },
      {
        name: 'the capable session covers beam 1 only; beam 2 is watched without thresholds',
        edit: (c) => {
          session(c).end = '2026-03-02T08:17:00';
          fx(c, 1).monitoring!.push({
            ...monitoringInput('FX01-M2', '2026-03-02T08:16:50', '2026-03-02T08:22:00'),
            thresholds: null,
          });
        },
        expected: DOWNGRADE,
      },
      {
        name: 'the capable session starts 8 s into beam 1, a session without thresholds before it (tolerated)',
        edit: (c) => {
          session(c).start = '2026-03-02T08:15:08';
          fx(c, 1).monitoring!.push({
            ...monitoringInput('FX01-M0', '2026-03-02T08:10:00', '2026-03-02T08:15:30'),
            thresholds: null,
          });
        },
        expected: READY,
      },
      {
        name: 'the capable session starts 20 s into beam 1, a session without thresholds before it',
        edit: (c) => {
          session(c).start = '2026-03-02T08:15:20';
          fx(c, 1).monitoring!.push({
            ...monitoringInput('FX01-M0', '2026-03-02T08:10:00', '2026-03-02T08:15:30'),
            thresholds: null,
          });
        },
        expected: DOWNGRADE,
      },
    ];

  it.each(cases)('$name', ({ edit, expected }) => {
    expectFractions(runAudit(buildCourse({ fractions: 2, edit })), { 1: expected, 2: READY });
  });

  it('names the session and whether gating was active', () => {
    const audit = runAudit(
      buildCourse({
        fractions: 1,
        edit: (c) => {
          session(c).thresholds = null;
          session(c).gatingActive = false;
        },
      }),
    );
    expect(findingOf(audit, 1, 'DOC-006')).toMatchObject({
      evidence: { monitoringId: 'FX01-M1', system: 'AlignRT', gatingActive: false },
      message: expect.stringContaining('gating inactive'),
    });
  });

  it('a plan without beam hold is 77407 from the start (CODE-006), so DOC-006 does not run', () => {
    const audit = runAudit(
      buildCourse({
        fractions: 1,
        edit: (c) => {
          c.plan.motionManagement!.beamHold = false;
          session(c).gatingActive = false;
        },
      }),
    );
    expectFractions(audit, { 1: { status: 'ready', lines: ['77407', '77387-26'], findings: [] } });
    expect(audit.fractions[0]!.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual([
      'CODE-006:warning',
    ]);
  });
});

/**
 * domain.md §5.2: an AlignRT treatment report (like a FHIR document or a note) states no thresholds and no
 * beam holds: "not stated", not "off". The plan's motion management then applies, and the evidence says
 * where each value came from; only a record that states "N/A" or gating off counts against beam hold.
 */
describe(`${DOC_006.id}: values the session's source does not state`, () => {
  const unstated = (c: CourseInput) => {
    const s = session(c);
    delete s.thresholds;
    delete s.gatingActive;
    s.source = { kind: 'treatment-report', location: 'report.pdf#1' };
  };
  const INFO = { status: 'ready' as const, lines: READY_LINES, findings: ['DOC-006:info'] };
  const WARNING = {
    status: 'ready' as const,
    lines: READY_LINES,
    findings: ['DOC-006:warning'],
  };
  const ORDER_WITH_THRESHOLDS =
    'Active motion management: DIBH with AlignRT surface guidance during delivery, beam hold when outside 3 mm / 3 deg.';
  const cases: {
    name: string;
    edit: (c: CourseInput) => void;
    expected: { status: 'ready' | 'downgrade'; lines: string[]; findings: string[] };
  }[] = [
    { name: 'PDF report session, plan with thresholds and beam hold', edit: unstated, expected: INFO },
    {
      name: 'explicit "unknown" values, as the JSON may spell them',
      edit: (c) => {
        session(c).thresholds = 'unknown';
        session(c).gatingActive = 'unknown';
      },
      expected: INFO,
    },
    {
      name: 'PDF report session, plan without thresholds, beam hold on: a warning, like CODE-012',
      edit: (c) => {
        unstated(c);
        delete c.plan.motionManagement!.thresholds;
      },
      expected: WARNING,
    },
    {
      name: 'PDF report session, plan thresholds null, the order states "3 mm / 3 deg"',
      edit: (c) => {
        unstated(c);
        c.plan.motionManagement!.thresholds = null;
        c.orders![0]!.text = ORDER_WITH_THRESHOLDS;
      },
      expected: INFO,
    },
    {
      name: 'RTD log stating "N/A" thresholds, the order states thresholds: the record wins',
      edit: (c) => {
        session(c).thresholds = null;
        session(c).source = { kind: 'realtime-log' };
        c.orders![0]!.text = ORDER_WITH_THRESHOLDS;
      },
      expected: DOWNGRADE,
    },
    {
      name: 'thresholds unstated, gating stated off, plan documents beam hold',
      edit: (c) => {
        session(c).thresholds = 'unknown';
        session(c).gatingActive = false;
      },
      expected: INFO,
    },
    {
      name: 'RTD log stating "N/A" thresholds still counts against beam hold',
      edit: (c) => {
        session(c).thresholds = null;
        session(c).source = { kind: 'realtime-log' };
      },
      expected: DOWNGRADE,
    },
  ];
  it.each(cases)('$name', ({ edit, expected }) => {
    expectFractions(runAudit(buildCourse({ fractions: 2, edit })), { 1: expected, 2: READY });
  });

  it('the evidence shows where each value came from', () => {
    const audit = runAudit(buildCourse({ fractions: 1, edit: unstated }));
    expect(findingOf(audit, 1, 'DOC-006')).toMatchObject({
      severity: 'info',
      evidence: {
        source: 'treatment-report report.pdf#1',
        thresholds: '0.3 cm / 3°',
        thresholdsFrom: 'plan',
        beamHold: 'on',
        beamHoldFrom: 'plan',
        gatingActive: 'unknown',
      },
    });
  });
});

describe(`${DOC_006.id}: thresholds an order states when the plan states none`, () => {
  const pdfOnly = (orderText: string) => (c: CourseInput) => {
    const s = session(c);
    delete s.thresholds;
    delete s.gatingActive;
    s.source = { kind: 'treatment-report', location: 'report.pdf#1' };
    c.plan.motionManagement!.thresholds = null;
    c.orders![0]!.text = orderText;
  };

  it('the evidence names the order the thresholds came from, and CODE-012 does not fire', () => {
    const audit = runAudit(
      buildCourse({ fractions: 1, edit: pdfOnly('AlignRT gating; beam hold when outside 3 mm / 3 deg.') }),
    );
    expect(findingOf(audit, 1, 'DOC-006')).toMatchObject({
      severity: 'info',
      evidence: { thresholds: '0.3 cm / 3°', thresholdsFrom: 'order ORD-AMM-1', beamHoldFrom: 'plan' },
    });
    expect(audit.fractions[0]!.findings.map((f) => f.ruleId)).not.toContain('CODE-012');
  });

  it('says no source states thresholds when none does', () => {
    const audit = runAudit(
      buildCourse({ fractions: 1, edit: pdfOnly('Active motion management with DIBH.') }),
    );
    expect(findingOf(audit, 1, 'DOC-006')).toMatchObject({
      severity: 'warning',
      evidence: {
        thresholds: 'not stated',
        thresholdsFrom: 'not stated',
        beamHold: 'on',
        beamHoldFrom: 'plan',
      },
    });
  });
});
