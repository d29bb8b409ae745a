import { describe, expect, it } from 'vitest';
import {
  buildCourse,
  type CourseInput,
  DOWNGRADED_LINES,
  fx,
  READY_LINES,
  runAudit,
} from '../../../../test/support/course-builder.js';
import { expectFractions, findingOf } from '../../../../test/support/audit-expect.js';
import type { AuditOptions } from '../audit-options.js';
import { DOC_007 } from './doc-007-hold-when-out-of-tolerance.js';

// Fraction 1: session t = 0 at 08:10:00; beams at t = 300…400 and 480…570.
const D = '2026-03-02T';
const session = (c: CourseInput) => fx(c, 1).monitoring![0]!;
const READY = { status: 'ready' as const, lines: READY_LINES, findings: [] };
const DOWNGRADE = { status: 'downgrade' as const, lines: DOWNGRADED_LINES, findings: ['DOC-007:error'] };

/** One valid sample a second; `out` seconds are out of tolerance; `xray` gives the beam state. */
function samples(out: (t: number) => boolean, xray?: (t: number) => boolean) {
  return Array.from({ length: 721 }, (_, t) => ({
    t,
    valid: true,
    outOfTolerance: out(t),
    ...(xray ? { xrayOn: xray(t) } : {}),
  }));
}
const beamOn = (t: number) => (t >= 300 && t < 400) || (t >= 480 && t < 570);

describe(`${DOC_007.id} ${DOC_007.title}`, () => {
  const cases: {
    name: string;
    edit: (c: CourseInput) => void;
    options?: Partial<AuditOptions>;
    expected: typeof READY | typeof DOWNGRADE;
  }[] = [
    {
      name: 'excursion during beam-on, beam not held',
      edit: (c) =>
        (session(c).excursions = [{ start: `${D}08:15:20`, end: `${D}08:15:26`, beamHeld: false }]),
      expected: DOWNGRADE,
    },
    {
      name: 'excursion during beam-on, beam held',
      edit: (c) => (session(c).excursions = [{ start: `${D}08:15:20`, end: `${D}08:15:26`, beamHeld: true }]),
      expected: READY,
    },
    {
      name: 'excursion while the beam is off (between beams), not held',
      edit: (c) =>
        (session(c).excursions = [{ start: `${D}08:17:00`, end: `${D}08:17:30`, beamHeld: false }]),
      expected: READY,
    },
    {
      name: 'excursion before the first beam-on, not held',
      edit: (c) =>
        (session(c).excursions = [{ start: `${D}08:12:00`, end: `${D}08:15:00`, beamHeld: false }]),
      expected: READY,
    },
    {
      name: 'samples: out of tolerance for 6 s with X-ray on throughout',
      edit: (c) => (session(c).samples = samples((t) => t >= 310 && t <= 315, beamOn)),
      expected: DOWNGRADE,
    },
    {
      name: 'samples: out of tolerance, X-ray off within the 2 s hold latency',
      edit: (c) =>
        (session(c).samples = samples(
          (t) => t >= 310 && t <= 315,
          (t) => beamOn(t) && !(t >= 312 && t <= 316),
        )),
      expected: READY,
    },
    {
      name: 'samples: X-ray still on 3 s into the excursion',
      edit: (c) =>
        (session(c).samples = samples(
          (t) => t >= 310 && t <= 315,
          (t) => beamOn(t) && !(t >= 314 && t <= 316),
        )),
      expected: DOWNGRADE,
    },
    {
      name: 'samples: X-ray still on 3 s in, hold latency raised to 5 s',
      edit: (c) =>
        (session(c).samples = samples(
          (t) => t >= 310 && t <= 315,
          (t) => beamOn(t) && !(t >= 314 && t <= 316),
        )),
      options: { holdLatencySec: 5 },
      expected: READY,
    },
    {
      name: 'samples: out of tolerance while the beam is off',
      edit: (c) => (session(c).samples = samples((t) => t >= 420 && t <= 440, beamOn)),
      expected: READY,
    },
    {
      name: 'samples without X-ray state: no excursion can be judged',
      edit: (c) => (session(c).samples = samples((t) => t >= 310 && t <= 315)),
      expected: READY,
    },
    {
      name: 'samples: invalid out-of-tolerance samples are not an excursion',
      edit: (c) =>
        (session(c).samples = samples(() => false, beamOn).map((s) =>
          s.t >= 310 && s.t <= 315 ? { ...s, valid: false, outOfTolerance: true } : s,
        )),
      expected: READY,
    },
  ];

  it.each(cases)('$name', ({ edit, options, expected }) => {
    const audit = runAudit(buildCourse({ fractions: 2, edit }), options ? { options } : {});
    expectFractions(audit, { 1: expected, 2: READY });
  });

  it('reports the first missed hold and how many there were', () => {
    const audit = runAudit(
      buildCourse({
        fractions: 1,
        edit: (c) =>
          (session(c).excursions = [
            { start: `${D}08:18:20`, end: `${D}08:18:30`, beamHeld: false },
            { start: `${D}08:15:20`, end: `${D}08:15:26`, beamHeld: false },
          ]),
      }),
    );
    expect(findingOf(audit, 1, 'DOC-007')).toMatchObject({
      evidence: { monitoringId: 'FX01-M1', start: '2026-03-02T13:15:20.000Z', excursions: 2 },
      message: expect.stringContaining('6.0 s'),
    });
  });
});
