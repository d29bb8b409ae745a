import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { monitoringSessionSchema } from '../../../core/model/course.js';
import { readRtdLog } from './read-rtd-log.js';
import { toMonitoringSession } from './rtd-monitoring-session.js';
import type { RtdLog } from './rtd-types.js';

const load = (name: string): RtdLog => {
  const r = readRtdLog(new Uint8Array(readFileSync(`test/fixtures/alignrt/rtd/${name}`)), name);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};
const session = (name: string, includeSamples = false) => {
  const r = toMonitoringSession(load(name), { id: `S-${name}`, source: name, includeSamples });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  // The course model's own schema is the contract.
  return monitoringSessionSchema.parse(r.value);
};

describe('toMonitoringSession', () => {
  it('gated DIBH: thresholds, gating, the held excursion and the tail gap as local intervals', () => {
    expect(session('rtd-breast-dibh-gated.txt')).toEqual({
      id: 'S-rtd-breast-dibh-gated.txt',
      system: 'AlignRT',
      start: '2026-03-02T08:15:30',
      end: '2026-03-02T08:20:48',
      thresholds: { translationCm: 0.3, rotationDeg: 3 },
      gatingActive: true,
      source: { kind: 'realtime-log', location: 'rtd-breast-dibh-gated.txt' },
      gaps: [{ start: '2026-03-02T08:20:39.706', end: '2026-03-02T08:20:48' }],
      excursions: [{ start: '2026-03-02T08:18:52.225', end: '2026-03-02T08:18:59.753', beamHeld: true }],
    });
  });

  it('monitoring only: thresholds null (N/A), gating inactive', () => {
    expect(session('rtd-monitoring-no-thresholds.txt')).toMatchObject({
      start: '2026-03-02T09:30:05',
      end: '2026-03-02T09:37:21',
      thresholds: null,
      gatingActive: false,
      gaps: [],
      excursions: [],
    });
  });

  it('a log without threshold or Gating Active columns states neither: both unknown', () => {
    const text = readFileSync('test/fixtures/alignrt/rtd/rtd-breast-dibh-gated.txt', 'utf8');
    const cut = text
      .split('\r\n')
      .map((line) =>
        line
          .split(', ')
          .filter((_, i) => i < 11 || i > 13)
          .filter((_, i) => i !== 14)
          .join(', '),
      )
      .join('\r\n');
    const r = readRtdLog(cut, 'cut.txt');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.columns.map((c) => c.key)).not.toContain('gatingActive');
    const s = toMonitoringSession(r.value, { id: 'c', source: 'cut.txt' });
    expect(s.ok && [s.value.thresholds, s.value.gatingActive]).toEqual(['unknown', 'unknown']);
  });

  it('older mm log: the missed hold is an excursion not held; invalid runs and the dropped rows are gaps', () => {
    const s = session('rtd-older-mm-tab-lf.txt');
    expect(s.thresholds).toEqual({ translationCm: 0.3, rotationDeg: 3 });
    expect(s.excursions).toEqual([
      { start: '2026-03-02T08:18:52.225', end: '2026-03-02T08:18:59.753', beamHeld: false },
    ]);
    expect(s.gaps).toHaveLength(4);
  });

  it('with samples: one per row, flags as booleans, excursions left to the audit', () => {
    const log = load('rtd-breast-dibh-gated.txt');
    const s = session('rtd-breast-dibh-gated.txt', true);
    expect(s.samples).toHaveLength(log.samples.count);
    expect(s.samples?.[0]).toEqual({ t: 0.4, valid: true, outOfTolerance: false, xrayOn: false });
    expect(s.samples?.filter((x) => x.outOfTolerance).length).toBeGreaterThan(0);
    expect(s.excursions).toEqual([]);
  });

  it('a copy without a header has no clock time: a problem, not a guessed day', () => {
    const r = toMonitoringSession(load('rtd-no-header.txt'), { id: 'S', source: 'rtd-no-header.txt' });
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          location: 'rtd-no-header.txt:header, field "Start Time"',
          message: expect.stringMatching(/no clock time/),
        },
      ],
    });
  });
});
