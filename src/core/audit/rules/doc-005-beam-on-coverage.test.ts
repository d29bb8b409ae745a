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
import type { AuditOptions } from '../audit-options.js';
import { DOC_005 } from './doc-005-beam-on-coverage.js';

// Fraction 1 (2026-03-02): monitoring FX01-M1 08:10:00–08:22:00 (t = 0…720 s),
// beams LT TAN MED 08:15:00–08:16:40 (t = 300…400) and LT TAN LAT 08:18:00–08:19:30 (t = 480…570).
const D = '2026-03-02T';
const session = (c: CourseInput) => fx(c, 1).monitoring![0]!;

/** One sample per second over the 720 s session; `invalid` seconds carry no valid delta. */
function samples(invalid: (t: number) => boolean = () => false) {
  return Array.from({ length: 721 }, (_, t) => ({ t, valid: !invalid(t) }));
}

const READY = { status: 'ready' as const, lines: READY_LINES, findings: [] };
const DOWNGRADE = { status: 'downgrade' as const, lines: DOWNGRADED_LINES, findings: ['DOC-005:error'] };

describe(`${DOC_005.id} ${DOC_005.title}`, () => {
  const cases: {
    name: string;
    edit: (c: CourseInput) => void;
    options?: Partial<AuditOptions>;
    expected: typeof READY | typeof DOWNGRADE;
    gapSeconds?: number;
  }[] = [
    { name: 'monitoring spans both beams', edit: () => {}, expected: READY },
    {
      name: '8 s occlusion during beam-on (within the 10 s default)',
      edit: (c) => (session(c).gaps = [{ start: `${D}08:15:30`, end: `${D}08:15:38` }]),
      expected: READY,
    },
    {
      name: '10 s occlusion (exactly the tolerance)',
      edit: (c) => (session(c).gaps = [{ start: `${D}08:15:30`, end: `${D}08:15:40` }]),
      expected: READY,
    },
    {
      name: '15 s occlusion during beam-on',
      edit: (c) => (session(c).gaps = [{ start: `${D}08:15:30`, end: `${D}08:15:45` }]),
      expected: DOWNGRADE,
      gapSeconds: 15,
    },
    {
      name: '15 s occlusion with the tolerance raised to 20 s',
      edit: (c) => (session(c).gaps = [{ start: `${D}08:15:30`, end: `${D}08:15:45` }]),
      options: { occlusionToleranceSec: 20 },
      expected: READY,
    },
    {
      name: '8 s occlusion with the tolerance lowered to 5 s',
      edit: (c) => (session(c).gaps = [{ start: `${D}08:15:30`, end: `${D}08:15:38` }]),
      options: { occlusionToleranceSec: 5 },
      expected: DOWNGRADE,
      gapSeconds: 8,
    },
    {
      name: 'a long gap between the beams (beam off) does not count',
      edit: (c) => (session(c).gaps = [{ start: `${D}08:16:40`, end: `${D}08:18:00` }]),
      expected: READY,
    },
    {
      name: 'a gap that straddles beam-off: only the beam-on part counts (8 s)',
      edit: (c) => (session(c).gaps = [{ start: `${D}08:16:32`, end: `${D}08:17:30` }]),
      expected: READY,
    },
    {
      name: 'two short gaps on one beam are judged separately',
      edit: (c) =>
        (session(c).gaps = [
          { start: `${D}08:15:10`, end: `${D}08:15:18` },
          { start: `${D}08:15:30`, end: `${D}08:15:38` },
        ]),
      expected: READY,
    },
    {
      name: 'overlapping gaps merge into one 16 s gap',
      edit: (c) =>
        (session(c).gaps = [
          { start: `${D}08:15:10`, end: `${D}08:15:20` },
          { start: `${D}08:15:16`, end: `${D}08:15:26` },
        ]),
      expected: DOWNGRADE,
      gapSeconds: 16,
    },
    {
      name: 'monitoring starts 20 s after the first beam-on',
      edit: (c) => (session(c).start = `${D}08:15:20`),
      expected: DOWNGRADE,
      gapSeconds: 20,
    },
    {
      name: 'monitoring starts 5 s after the first beam-on (tolerated)',
      edit: (c) => (session(c).start = `${D}08:15:05`),
      expected: READY,
    },
    {
      name: 'monitoring ends 30 s before the last beam-off',
      edit: (c) => (session(c).end = `${D}08:19:00`),
      expected: DOWNGRADE,
      gapSeconds: 30,
    },
    {
      name: 'two overlapping sessions together cover both beams',
      edit: (c) =>
        (fx(c, 1).monitoring = [
          monitoringInput('FX01-M1', `${D}08:10:00`, `${D}08:17:00`),
          monitoringInput('FX01-M2', `${D}08:16:30`, `${D}08:22:00`),
        ]),
      expected: READY,
    },
    {
      name: 'one session per beam, each covering its beam',
      edit: (c) =>
        (fx(c, 1).monitoring = [
          monitoringInput('FX01-M1', `${D}08:14:50`, `${D}08:16:45`),
          monitoringInput('FX01-M2', `${D}08:17:55`, `${D}08:19:35`),
        ]),
      expected: READY,
    },
    {
      name: 'two sessions with a 30 s hole during the second beam',
      edit: (c) =>
        (fx(c, 1).monitoring = [
          monitoringInput('FX01-M1', `${D}08:10:00`, `${D}08:18:10`),
          monitoringInput('FX01-M2', `${D}08:18:40`, `${D}08:22:00`),
        ]),
      expected: DOWNGRADE,
      gapSeconds: 30,
    },
    {
      name: 'a gap in one session covered by an overlapping second session',
      edit: (c) => {
        session(c).gaps = [{ start: `${D}08:15:30`, end: `${D}08:16:00` }];
        fx(c, 1).monitoring!.push(monitoringInput('FX01-M2', `${D}08:15:00`, `${D}08:16:40`));
      },
      expected: READY,
    },
    {
      name: 'samples: one valid sample a second throughout',
      edit: (c) => (session(c).samples = samples()),
      expected: READY,
    },
    {
      name: 'samples: 7 invalid samples (8 s between valid ones) during beam-on',
      edit: (c) => (session(c).samples = samples((t) => t >= 320 && t <= 326)),
      expected: READY,
    },
    {
      name: 'samples: 15 invalid samples (16 s between valid ones) during beam-on',
      edit: (c) => (session(c).samples = samples((t) => t >= 320 && t <= 334)),
      expected: DOWNGRADE,
      gapSeconds: 16,
    },
    {
      name: 'samples: 15 s without any sample during beam-on',
      edit: (c) => (session(c).samples = samples().filter((s) => s.t <= 500 || s.t >= 515)),
      expected: DOWNGRADE,
      gapSeconds: 15,
    },
    {
      name: 'samples: invalid only while the beam is off',
      edit: (c) => (session(c).samples = samples((t) => t > 400 && t < 480)),
      expected: READY,
    },
    {
      name: 'samples take precedence over the summarised gaps',
      edit: (c) => {
        session(c).samples = samples();
        session(c).gaps = [{ start: `${D}08:15:30`, end: `${D}08:16:00` }];
      },
      expected: READY,
    },
    {
      name: 'samples ending 30 s before the last beam-off',
      edit: (c) => (session(c).samples = samples().filter((s) => s.t <= 540)),
      expected: DOWNGRADE,
      gapSeconds: 30,
    },
  ];

  it.each(cases)('$name', ({ edit, options, expected, gapSeconds }) => {
    const audit = runAudit(buildCourse({ fractions: 2, edit }), options ? { options } : {});
    expectFractions(audit, { 1: expected, 2: READY });
    if (gapSeconds !== undefined)
      expect(findingOf(audit, 1, 'DOC-005').evidence?.gapSeconds).toBe(gapSeconds);
  });

  it('reports the longest uncovered stretch and the covered share', () => {
    const audit = runAudit(
      buildCourse({
        fractions: 1,
        edit: (c) =>
          (session(c).gaps = [
            { start: `${D}08:15:10`, end: `${D}08:15:22` },
            { start: `${D}08:18:30`, end: `${D}08:18:50` },
          ]),
      }),
    );
    expect(findingOf(audit, 1, 'DOC-005').evidence).toEqual({
      beam: 'LT TAN LAT',
      gapStart: '2026-03-02T13:18:30.000Z',
      gapSeconds: 20,
      // 190 s of beam-on, 32 s uncovered.
      coveredPercent: 83.2,
    });
  });
});
