import { describe, expect, it } from 'vitest';
import { readRtdLog, toMonitoringSession } from './read-rtd-log.js';
import { compactStamp, rtdNumber, type RtdSamplesInput, writeRtdLog } from './write-rtd-log.js';

/** `n` samples 0.5 s apart; beam on from 20 s to 40 s; invalid from 25 to 28 s; out of tolerance 32–36 s. */
function samples(n: number, thresholds: boolean): RtdSamplesInput {
  const t = Array.from({ length: n }, (_, i) => 0.4 + i * 0.5);
  const invalid = (x: number) => x > 25 && x < 28;
  const out = (x: number) => x >= 32 && x < 36;
  const delta = (x: number, v: number) => (invalid(x) ? 999 : out(x) ? v * 20 : v);
  return {
    count: n,
    elapsedSec: t,
    translationCm: t.map((x) => delta(x, 0.025)),
    vrtCm: t.map((x) => delta(x, -0.02)),
    lngCm: t.map((x) => delta(x, 0.01)),
    latCm: t.map((x) => delta(x, 0.01)),
    rtnDeg: t.map((x) => (invalid(x) ? 999 : 0.2)),
    rollDeg: t.map((x) => (invalid(x) ? 999 : -0.1)),
    pitchDeg: t.map((x) => (invalid(x) ? 999 : 0.05)),
    ampCm: t.map((x) => (invalid(x) ? 999 : 0.01)),
    xrayState: t.map((x) => (x >= 20 && x < 40 ? 1 : 0)),
    couchRotDeg: t.map(() => 0),
    transThresholdCm: t.map(() => (thresholds ? 0.3 : NaN)),
    rotThresholdDeg: t.map(() => (thresholds ? 3 : NaN)),
    beamholdTimerSec: t.map((x) => 5000 + Math.floor(x / 2.5)),
    beamholdState: t.map(() => 1),
    roiIndex: t.map(() => 1),
    rmsMm: t.map(() => 0.31),
    gatingActive: t.map(() => (thresholds ? 1 : 0)),
  };
}

const HEADER = { patientId: 'SYN01234', start: '2026-03-09T08:10:00', end: '2026-03-09T08:11:00' };

describe('writeRtdLog', () => {
  it('writes numbers as AlignRT does', () => {
    expect(rtdNumber(-0.002277061)).toBe('-2.277061E-03');
    expect(rtdNumber(0.05638218)).toBe('5.638218E-02');
    expect(rtdNumber(0.3)).toBe('0.3');
    expect(rtdNumber(-0.7048474123)).toBe('-0.7048474');
    expect(rtdNumber(0)).toBe('0');
    expect(compactStamp('2026-03-09T08:10:00')).toBe('260309_081000');
  });

  it('the header block, CRLF line ends and the current column set', () => {
    const text = writeRtdLog(HEADER, samples(3, true));
    const lines = text.split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      'Patient ID:, SYN01234',
      'Start Time:, 260309_081000',
      'End Time:, 260309_081100',
    ]);
    expect(lines[11]).toMatch(/^Elapsed Time \(sec\), Translation \(cm\), .*, Gating Active$/);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.includes('\n') && !/[^\r]\n/.test(text)).toBe(true);
  });

  it('reads back: header times, samples, thresholds, gating, gaps and excursions', () => {
    const input = samples(118, true);
    const r = readRtdLog(writeRtdLog(HEADER, input), 'log.txt');
    expect(r.ok && r.warnings).toEqual([]);
    if (!r.ok) return;
    const log = r.value;
    expect(log.header).toMatchObject({
      patientId: 'SYN01234',
      start: '2026-03-09T08:10:00',
      end: '2026-03-09T08:11:00',
    });
    expect(log.lengthUnit).toBe('cm');
    expect(log.samples.count).toBe(118);
    for (let i = 0; i < 118; i++) {
      expect(log.samples.elapsedSec[i]).toBeCloseTo(input.elapsedSec[i]!, 6);
      expect(log.samples.xrayOn[i]).toBe(input.xrayState[i]);
      if (input.translationCm[i] !== 999)
        expect(log.samples.values.translationCm![i]).toBeCloseTo(input.translationCm[i]!, 6);
    }
    expect(log.derived.thresholds).toEqual({ translationCm: 0.3, rotationDeg: 3 });
    expect(log.derived.gatingActive).toBe(true);
    const session = toMonitoringSession(log, { id: 'm1', source: 'log.txt' });
    expect(session).toEqual({
      ok: true,
      value: {
        id: 'm1',
        system: 'AlignRT',
        start: '2026-03-09T08:10:00',
        end: '2026-03-09T08:11:00',
        thresholds: { translationCm: 0.3, rotationDeg: 3 },
        gatingActive: true,
        source: { kind: 'realtime-log', location: 'log.txt' },
        // The last valid sample before the invalid run (24.9 s) to the first valid one after (28.4 s).
        gaps: [{ start: '2026-03-09T08:10:24.900', end: '2026-03-09T08:10:28.400' }],
        // Out of tolerance from 32.4 s to the first sample back in tolerance (36.4 s), beam on: not held.
        excursions: [{ start: '2026-03-09T08:10:32.400', end: '2026-03-09T08:10:36.400', beamHeld: false }],
      },
    });
  });

  it('thresholds not set are written N/A and read as none', () => {
    const r = readRtdLog(writeRtdLog(HEADER, samples(20, false)), 'log.txt');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.derived.thresholds).toBeNull();
    expect(r.value.derived.gatingActive).toBe(false);
  });
});
