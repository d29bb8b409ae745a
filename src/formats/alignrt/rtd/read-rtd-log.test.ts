import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InputProblem, ReadResult } from '../../../core/model/input-problem.js';
import { looksRtdLog } from './looks-rtd-log.js';
import { readRtdLog } from './read-rtd-log.js';
import type { RtdLog } from './rtd-types.js';

const FIXTURES = 'test/fixtures/alignrt/rtd/';
const fixture = (name: string) => new Uint8Array(readFileSync(FIXTURES + name));
const ALL = [
  'rtd-breast-dibh-gated.txt',
  'rtd-monitoring-no-thresholds.txt',
  'rtd-older-mm-tab-lf.txt',
  'rtd-no-header.txt',
  'rtd-missing-xraystate.txt',
  'rtd-unknown-columns.txt',
];

function ok(result: ReadResult<RtdLog>): { log: RtdLog; warnings: InputProblem[] } {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  return { log: result.value, warnings: result.warnings };
}
const read = (name: string) => ok(readRtdLog(fixture(name), name));
const spans = (xs: { startSec: number; endSec: number }[]) => xs.map((x) => [x.startSec, x.endSec]);

/** A small log: the header block (unless `header` is false), the column row and the rows given. */
function log(
  rows: string[],
  opts: { columns?: string; header?: string[] | false; eol?: string } = {},
): string {
  const header =
    opts.header === false
      ? []
      : (opts.header ?? ['Patient ID:, TEST-1', 'Start Time:, 260302_081530', 'Coords:, IEC 60601-2-1']);
  const columns =
    opts.columns ??
    'Elapsed Time (sec), Translation (cm), D.VRT (cm), D.LNG (cm), D.LAT (cm), D.Rtn (deg), D.Roll (deg), D.Pitch (deg), XRayState, Trans Threshold (cm), Rot Threshold (deg), Gating Active';
  return [...header, columns, ...rows].join(opts.eol ?? '\r\n') + (opts.eol ?? '\r\n');
}
/** A row of the default columns: elapsed, translation (also VRT), XRayState, thresholds, gating. */
const row = (t: number, trans: number | string, xray = 1, thr = '0.3, 3', gating = 1) =>
  `${t}, ${trans}, ${trans}, 0, 0, 0.1, 0.1, 0.1, ${xray}, ${thr}, ${gating}`;

describe('readRtdLog on the synthetic samples (SOURCE.md facts)', () => {
  it('gated DIBH: beam on ~40–95 s and ~160–250 s, held around 200–212 s, thresholds 0.3 cm / 3 deg, gating on', () => {
    const { log: rtd, warnings } = read('rtd-breast-dibh-gated.txt');
    expect(warnings).toEqual([]);
    expect(rtd.header).toMatchObject({
      patientId: 'SYNTH-0001',
      field: null,
      start: '2026-03-02T08:15:30',
      end: '2026-03-02T08:20:48',
      xrayOn: null,
      xrayOff: null,
      firstXrayOn: null,
      lastXrayOn: null,
      rtnBaseCouch: 0,
      ssd: null,
      coords: 'IEC 60601-2-1',
    });
    expect(rtd.header?.raw['XRayOn Time']).toBe('Not set');
    expect(rtd.separator).toBe('comma');
    expect(rtd.lengthUnit).toBe('cm');
    expect(rtd.columns).toHaveLength(18);
    expect(rtd.columns.every((c) => c.key !== null)).toBe(true);
    expect(rtd.samples.count).toBe(889);
    expect(rtd.samples.values.vrtCm?.[0]).toBe(3.682473e-2);
    expect(rtd.samples.values.beamholdTimerSec?.[0]).toBe(5000);

    const d = rtd.derived;
    expect(d.monitoringStart).toBe('2026-03-02T08:15:30');
    expect(d.monitoringEnd).toBe('2026-03-02T08:20:48');
    expect(d.validSamples).toBe(889);
    // XRayState transitions: the hold splits the second beam in two.
    expect(spans(d.beamOn)).toEqual([
      [40.389, 95.273],
      [160.231, 202.225],
      [209.753, 250.265],
    ]);
    expect(d.beamOn[0]).toMatchObject({ start: '2026-03-02T08:16:10.389', end: '2026-03-02T08:17:05.273' });
    expect(d.beamOn.every((b) => !b.openEnded)).toBe(true);
    expect(d.beamOnSec).toBe(137.39);
    expect(d.beamHolds).toEqual([
      {
        startSec: 202.225,
        endSec: 209.753,
        start: '2026-03-02T08:18:52.225',
        end: '2026-03-02T08:18:59.753',
      },
    ]);
    expect(d.thresholds).toEqual({ translationCm: 0.3, rotationDeg: 3 });
    expect(d.thresholdsChanged).toBe(false);
    expect(d.gatingActive).toBe(true);
    expect(d.excursions).toHaveLength(1);
    const [x] = d.excursions;
    expect(x).toMatchObject({
      startSec: 202.225,
      endSec: 209.753,
      beamHeld: true,
      peakTranslationCm: 0.5946311,
    });
    expect(x!.startSec).toBeGreaterThanOrEqual(200);
    expect(x!.endSec).toBeLessThanOrEqual(212);
    // Gating kept every beam-on sample inside the 0.3 cm tolerance.
    const translation = d.beamOnMotion.find((m) => m.column === 'translationCm')!;
    expect(translation.maxAbs).toBeLessThan(0.3);
    expect(translation.p95Abs).toBeLessThanOrEqual(translation.maxAbs!);
    expect(d.beamOnMotion.map((m) => m.column)).toEqual([
      'translationCm',
      'vrtCm',
      'lngCm',
      'latCm',
      'rtnDeg',
      'rollDeg',
      'pitchDeg',
    ]);
    // The log stops 8.3 s before End Time (after the last beam-off): longer than the 7.5 s tolerance.
    expect(d.gaps).toEqual([
      {
        startSec: 309.706,
        endSec: 318,
        start: '2026-03-02T08:20:39.706',
        end: '2026-03-02T08:20:48',
        reason: 'sample-interval',
      },
    ]);
    expect(
      ok(readRtdLog(fixture('rtd-breast-dibh-gated.txt'), 'g', { maxSampleIntervalSec: 10 })).log.derived
        .gaps,
    ).toEqual([]);
  });

  it('monitoring only: beam on ~120–190 s and ~200–262 s, thresholds N/A, gating inactive, no holds', () => {
    const { log: rtd, warnings } = read('rtd-monitoring-no-thresholds.txt');
    expect(warnings).toEqual([]);
    const d = rtd.derived;
    expect(spans(d.beamOn)).toEqual([
      [120.117, 190.044],
      [200.229, 262.022],
    ]);
    expect(d.thresholds).toBeNull();
    expect(d.gatingActive).toBe(false);
    expect(d.beamHolds).toEqual([]);
    expect(d.excursions).toEqual([]);
    expect(d.gaps).toEqual([]);
    expect(rtd.samples.values.transThresholdCm?.every(Number.isNaN)).toBe(true);
    expect(rtd.samples.outOfTolerance.every((x) => x === 0)).toBe(true);
  });

  it('older generation (mm, tab, LF): normalised to cm, missing optional columns tolerated, invalid runs are gaps', () => {
    const { log: mm, warnings } = read('rtd-older-mm-tab-lf.txt');
    const { log: cm } = read('rtd-breast-dibh-gated.txt');
    expect(warnings).toEqual([]);
    expect(mm.lengthUnit).toBe('mm');
    expect(mm.separator).toBe('tab');
    expect(mm.columns.find((c) => c.key === 'vrtCm')).toMatchObject({
      name: 'D.VRT (mm)',
      fileUnit: 'mm',
      unit: 'cm',
    });
    expect(mm.samples.values.ampCm).toBeUndefined();
    expect(mm.samples.values.rmsMm).toBeUndefined();
    expect(mm.samples.values.vrtCm?.[0]).toBeCloseTo(cm.samples.values.vrtCm![0]!, 9);
    expect(mm.derived.thresholds).toEqual({ translationCm: 0.3, rotationDeg: 3 });
    expect(mm.header?.patientId).toBe('QUIXOTE^ALONSO^DON');
    const d = mm.derived;
    expect(d.gaps.map((g) => [g.startSec, g.endSec, g.reason])).toEqual([
      [99.857, 103.193, 'invalid-samples'],
      [119.858, 135.286, 'sample-interval'],
      [169.678, 172.122, 'invalid-samples'],
      [309.706, 318, 'sample-interval'],
    ]);
    expect(d.validSamples).toBeLessThan(mm.samples.count);
    // XRayState stayed 1 through the excursion: one beam-on interval, no hold, excursion not held.
    expect(spans(d.beamOn)).toEqual([
      [40.389, 95.273],
      [160.231, 250.265],
    ]);
    expect(d.beamHolds).toEqual([]);
    expect(d.excursions).toMatchObject([{ startSec: 202.225, endSec: 209.753, beamHeld: false }]);
  });

  it('a copy without the header block: elapsed seconds only, a warning, never a guessed clock time', () => {
    const { log: rtd, warnings } = read('rtd-no-header.txt');
    expect(rtd.header).toBeNull();
    expect(warnings).toEqual([
      { location: 'rtd-no-header.txt:line 1', message: expect.stringContaining('clock times are unknown') },
    ]);
    expect(rtd.derived.monitoringStart).toBeNull();
    expect(rtd.derived.monitoringEnd).toBeNull();
    expect(spans(rtd.derived.beamOn)).toEqual([
      [120.117, 190.044],
      [200.229, 262.022],
    ]);
    expect(rtd.derived.beamOn.every((b) => b.start === null && b.end === null)).toBe(true);
  });

  it('a missing required column is a problem naming it, at the column row', () => {
    const result = readRtdLog(fixture('rtd-missing-xraystate.txt'), 'rtd-missing-xraystate.txt');
    expect(result).toEqual({
      ok: false,
      problems: [
        { location: 'rtd-missing-xraystate.txt:line 12', message: 'missing required column "XRayState"' },
      ],
    });
  });

  it('header values set, unknown columns kept with their text', () => {
    const { log: rtd, warnings } = read('rtd-unknown-columns.txt');
    expect(rtd.header).toMatchObject({
      field: 'LT TANG MED',
      xrayOn: '2026-03-02T08:16:10',
      xrayOff: '2026-03-02T08:17:05',
      firstXrayOn: '2026-03-02T08:16:10.389',
      lastXrayOn: '2026-03-02T08:17:05.273',
      rtnBaseCouch: 100000,
      ssd: 92.5,
      end: '2026-03-02T08:17:20',
    });
    expect(rtd.columns.at(-1)).toEqual({
      index: 18,
      name: 'Surface Match (%)',
      key: null,
      fileUnit: '%',
      unit: null,
    });
    const [unknown] = rtd.samples.unknown;
    expect(unknown?.name).toBe('Surface Match (%)');
    expect(unknown?.text.slice(6, 9)).toEqual(['96', 'LOW', '91']);
    expect(Array.from(unknown!.values.slice(6, 9))).toEqual([96, NaN, 91]);
    expect(unknown?.text).toHaveLength(rtd.samples.count);
    expect(warnings).toEqual([
      {
        location: 'rtd-unknown-columns.txt:line 12, column #19',
        message: 'column not known to this reader; kept as read',
      },
    ]);
  });
});

describe('readRtdLog: no PHI in problems or warnings', () => {
  const phi = ['QUIXOTE', 'ALONSO', 'SYNTH-000', '260302', '2026-03-02', 'LT TANG'];
  it.each(ALL)('%s', (name) => {
    const result = readRtdLog(fixture(name), name);
    const messages = JSON.stringify(result.ok ? result.warnings : result.problems);
    for (const value of phi) expect(messages).not.toContain(value);
  });

  it('bad header values and cells are described, not quoted', () => {
    const text = log([row(1, 'QUIXOTE'), row(2, 0.1)], {
      header: ['Patient ID:, QUIXOTE^ALONSO', 'Start Time:, QUIXOTE', 'SSD:, QUIXOTE', 'QUIXOTE ALONSO'],
    });
    const result = readRtdLog(text, 'f.txt');
    expect(result.ok).toBe(true);
    const messages = JSON.stringify(result.ok && result.warnings);
    expect(messages).not.toContain('QUIXOTE');
    expect(messages).toContain('f.txt:line 2, field \\"Start Time\\"');
    expect(messages).toContain('f.txt:line 6, column \\"Translation (cm)\\"');
  });
});

describe('readRtdLog: layouts and oddities', () => {
  it('reads bytes and strings alike, with UTF-8 or UTF-16 byte-order marks, CRLF, LF or CR line ends', () => {
    const text = readFileSync(FIXTURES + 'rtd-breast-dibh-gated.txt', 'utf8');
    const base = JSON.stringify(read('rtd-breast-dibh-gated.txt').log.derived);
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const utf16be = new Uint8Array(Buffer.from(text, 'utf16le')).map((_, i, a) => a[i ^ 1]!);
    for (const input of [
      utf16.subarray(2),
      utf16be,
      text,
      '\ufeff' + text,
      new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text)]),
      utf16,
      text.replace(/\r\n/g, '\n'),
      text.replace(/\r\n/g, '\r'),
    ]) {
      expect(JSON.stringify(ok(readRtdLog(input, 'x.txt')).log.derived)).toBe(base);
    }
  });

  it('999 marks an invalid delta (NaN, sample invalid), N/A thresholds are null, scientific notation is read', () => {
    const { log: rtd } = ok(
      readRtdLog(
        log([row(1, 0.1), row(2, 999), row(3, '-2.277061E-03', 1, 'N/A, N/A'), row(4, '1.5e-1', 0)]),
        'f.txt',
      ),
    );
    expect(Array.from(rtd.samples.values.vrtCm!)).toEqual([0.1, NaN, -2.277061e-3, 0.15]);
    expect(Array.from(rtd.samples.valid)).toEqual([1, 0, 1, 1]);
    expect(Array.from(rtd.samples.values.transThresholdCm!)).toEqual([0.3, 0.3, NaN, 0.3]);
    expect(rtd.derived.gaps).toMatchObject([{ startSec: 1, endSec: 3, reason: 'invalid-samples' }]);
  });

  it('a long interval between samples is a gap; the tolerance is an option', () => {
    const text = log([row(0, 0.1, 0), row(1, 0.1, 0), row(12, 0.1, 0), row(13, 0.1, 0)], {
      header: ['Start Time:, 260302_235955'],
    });
    const gaps = ok(readRtdLog(text, 'f.txt')).log.derived.gaps;
    // Across midnight: local date-times roll over to the next day.
    expect(gaps).toEqual([
      {
        startSec: 1,
        endSec: 12,
        start: '2026-03-02T23:59:56',
        end: '2026-03-03T00:00:07',
        reason: 'sample-interval',
      },
    ]);
    expect(ok(readRtdLog(text, 'f.txt', { maxSampleIntervalSec: 20 })).log.derived.gaps).toEqual([]);
  });

  it('an excursion with the beam held by gating is a hold; one with the beam left on is not held', () => {
    const held = log([
      row(1, 0.1),
      row(2, 0.1),
      row(3, 0.5, 0),
      row(4, 0.5, 0),
      row(5, 0.1, 0),
      row(6, 0.1),
      row(7, 0.1, 0),
    ]);
    const h = ok(readRtdLog(held, 'f.txt')).log.derived;
    expect(spans(h.beamHolds)).toEqual([[3, 6]]);
    expect(h.excursions).toMatchObject([{ startSec: 3, endSec: 5, beamHeld: true, peakTranslationCm: 0.5 }]);

    const missed = log([
      row(1, 0.1),
      row(2, 0.5),
      row(3, 0.5),
      row(4, 0.5),
      row(5, 0.5),
      row(6, 0.1),
      row(7, 0.1, 0),
    ]);
    const m = ok(readRtdLog(missed, 'f.txt')).log.derived;
    expect(m.beamHolds).toEqual([]);
    expect(m.excursions).toMatchObject([{ startSec: 2, endSec: 6, beamHeld: false }]);
    // Within the hold latency the beam may still be on: held.
    expect(ok(readRtdLog(missed, 'f.txt', { holdLatencySec: 5 })).log.derived.excursions[0]?.beamHeld).toBe(
      true,
    );

    // Gating inactive: the beam going off out of tolerance is not a gated hold (the excursion still shows it off).
    const manual = log([
      row(1, 0.1, 1, '0.3, 3', 0),
      row(2, 0.5, 0, '0.3, 3', 0),
      row(3, 0.1, 1, '0.3, 3', 0),
      row(4, 0.1, 0, '0.3, 3', 0),
    ]);
    const g = ok(readRtdLog(manual, 'f.txt')).log.derived;
    expect(g.gatingActive).toBe(false);
    expect(g.beamHolds).toEqual([]);
    expect(g.excursions).toMatchObject([{ startSec: 2, endSec: 3, beamHeld: true }]);

    // Out of tolerance with the beam off all along (between beams) is not an excursion of treatment.
    const between = log([row(1, 0.1, 0), row(2, 0.9, 0), row(3, 0.1, 0), row(4, 0.1, 1), row(5, 0.1, 0)]);
    expect(ok(readRtdLog(between, 'f.txt')).log.derived.excursions).toEqual([]);
  });

  it('rotation over its threshold is out of tolerance too', () => {
    const text = log([
      '1, 0.1, 0.1, 0, 0, 0.1, 0.1, 0.1, 1, 0.3, 3, 1',
      '2, 0.1, 0.1, 0, 0, 3.5, 0.1, 0.1, 1, 0.3, 3, 1',
      '3, 0.1, 0.1, 0, 0, 0.1, 0.1, 0.1, 1, 0.3, 3, 1',
      '4, 0.1, 0.1, 0, 0, 0.1, 0.1, 0.1, 0, 0.3, 3, 1',
    ]);
    const d = ok(readRtdLog(text, 'f.txt')).log.derived;
    expect(d.excursions).toMatchObject([{ startSec: 2, endSec: 3, peakRotationDeg: 3.5, beamHeld: true }]);
  });

  it.each([
    [
      'short rows: missing cells are NaN',
      [row(1, 0.1), '2, 0.1, 0.1'],
      /fewer cells than columns/,
      'f.txt:line 6',
    ],
    ['extra cells are ignored', [row(1, 0.1) + ', 7, 8'], /more cells than columns/, 'f.txt:line 5'],
    [
      'rows without an elapsed time are skipped',
      [row(1, 0.1), 'END OF LOG', row(2, 0.1)],
      /without a readable elapsed time/,
      'f.txt:line 6, column "Elapsed Time (sec)"',
    ],
    [
      'elapsed time going backwards',
      [row(2, 0.1), row(1, 0.1)],
      /goes backwards/,
      'f.txt:line 6, column "Elapsed Time (sec)"',
    ],
    [
      'XRayState values other than 0/1',
      [row(1, 0.1, 2), row(2, 0.1, 0)],
      /other than 0 and 1/,
      'f.txt:line 5, column "XRayState"',
    ],
    [
      'the beam still on at the last sample',
      [row(1, 0.1, 0), row(2, 0.1, 1)],
      /still on at the last sample/,
      'f.txt:line 6, column "XRayState"',
    ],
    [
      'thresholds changing',
      [row(1, 0.1, 1), row(2, 0.1, 1, '0.5, 3'), row(3, 0.1, 0)],
      /thresholds change/,
      'f.txt:line 6, column "Trans Threshold (cm)"',
    ],
  ])('%s: a warning at its first line', (_name, rows, message, location) => {
    const { warnings } = ok(readRtdLog(log(rows), 'f.txt'));
    expect(warnings).toContainEqual({ location, message: expect.stringMatching(message) });
  });

  it.each([
    [
      'End Time before the last sample',
      '260302_081545',
      /earlier than the last sample/,
      'f.txt:header, field "End Time"',
    ],
    [
      'End Time before Start Time',
      '260302_081500',
      /earlier than Start Time/,
      'f.txt:header, field "End Time"',
    ],
    ['End Time unreadable', '26-03-02', /expected a time as yymmdd_HHMMSS/, 'f.txt:line 2, field "End Time"'],
  ])('%s: a warning, the end taken from the last sample', (_name, end, message, location) => {
    const header = ['Start Time:, 260302_081530', `End Time:, ${end}`];
    const { log: rtd, warnings } = ok(
      readRtdLog(log([row(1, 0.1, 0), row(60, 0.1, 0)], { header }), 'f.txt'),
    );
    expect(rtd.derived.monitoringEnd).toBe('2026-03-02T08:16:30');
    expect(warnings).toContainEqual({ location, message: expect.stringMatching(message) });
  });

  it('tolerates words for flags, decimal commas in tab-separated files, nameless trailing columns', () => {
    const tab = [
      'Start Time:\t260302_081530',
      'Elapsed Time (sec)\tD.VRT (cm)\tXRayState\tGating Active\t',
      '0,5\t0,12\tTrue\tOn',
      '1,5\t1,2E-01\tFalse\tOff',
    ].join('\n');
    const { log: rtd, warnings } = ok(readRtdLog(tab, 't.txt'));
    expect(Array.from(rtd.samples.elapsedSec)).toEqual([0.5, 1.5]);
    expect(Array.from(rtd.samples.values.vrtCm!)).toEqual([0.12, 0.12]);
    expect(Array.from(rtd.samples.xrayOn)).toEqual([1, 0]);
    expect(rtd.derived.gatingActive).toBe(true);
    expect(warnings).toContainEqual({
      location: 't.txt:line 3',
      message: 'decimal commas read as decimal points',
    });
  });

  it.each([
    ['empty input', '', 'f.txt:line 1', /no column header row/],
    [
      'numbers only (header and column row lost)',
      '0.4, 0.1, 0\r\n0.8, 0.1, 0\r\n',
      'f.txt:line 1',
      /starts with numbers/,
    ],
    ['JSON', '{"a": 1}', 'f.txt:line 1', /not an AlignRT real-time-delta log/],
    ['columns but no samples', log([]), 'f.txt:line 4', /no samples/],
    [
      'no delta column',
      log(['1, 1'], { columns: 'Elapsed Time (sec), XRayState' }),
      'f.txt:line 4',
      /at least one of "Translation \(cm\)"/,
    ],
    [
      'no elapsed time',
      log(['1, 1'], { columns: 'D.VRT (cm), XRayState' }),
      'f.txt:line 4',
      /missing required column "Elapsed Time \(sec\)"/,
    ],
    [
      'too many columns',
      log([], { columns: `Elapsed Time (sec), ${'X, '.repeat(300)}XRayState` }),
      'f.txt:line 4',
      /more than 256 columns/,
    ],
  ])('%s: a problem', (_name, text, location, message) => {
    const result = readRtdLog(text, 'f.txt');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toEqual({ location, message: expect.stringMatching(message) });
  });

  it('a known column with a unit it cannot convert is kept as unknown; a required one then missing is a problem', () => {
    const text = log(['1, 0.1, 1'], { columns: 'Elapsed Time (sec), D.VRT (in), XRayState' });
    const result = readRtdLog(text, 'f.txt');
    expect(result).toEqual({
      ok: false,
      problems: [{ location: 'f.txt:line 4', message: expect.stringMatching(/at least one of/) }],
    });
  });
});

describe('readRtdLog: a log saved through a word processor (RTF)', () => {
  const plain = read('rtd-breast-dibh-gated.txt').log;
  const rtfWarning = /an RTF document .*plain text is read/;

  it('TextEdit RTF (`\\` line ends): the same header, clock times and samples as the plain log', () => {
    const { log: rtd, warnings } = read('rtd-breast-dibh-gated-textedit.rtf');
    expect(warnings.map((w) => [w.location, w.message])).toEqual([
      ['rtd-breast-dibh-gated-textedit.rtf:line 1', expect.stringMatching(rtfWarning)],
    ]);
    expect(rtd.header).toEqual(plain.header);
    expect(rtd.header?.start).toBe('2026-03-02T08:15:30');
    expect(rtd.derived).toEqual(plain.derived);
    expect(rtd.samples.count).toBe(plain.samples.count);
  });

  it('WordPad RTF (`\\par`, `\\tab`, a generator destination): read as its text', () => {
    const text = readFileSync(FIXTURES + 'rtd-breast-dibh-gated.txt', 'utf8').trimEnd();
    const wordPad =
      '{\\rtf1\\ansi\\ansicpg1252\\deff0\\nouicompat\\deflang1033{\\fonttbl{\\f0\\fnil\\fcharset0 Calibri;}}\r\n' +
      '{\\*\\generator Riched20 10.0.19041}\\viewkind4\\uc1 \r\n\\pard\\sa200\\sl276\\slmult1\\f0\\fs22\\lang9 ' +
      text.split('\r\n').join('\\par\r\n') +
      '\\par\r\n}\r\n\0';
    const { log: rtd } = ok(readRtdLog(wordPad, 'w.rtf'));
    expect(rtd.header?.start).toBe('2026-03-02T08:15:30');
    expect(rtd.derived).toEqual(plain.derived);
  });

  it('an RTF document cut short is refused with a message that names RTF', () => {
    const rtf = fixture('rtd-breast-dibh-gated-textedit.rtf');
    const result = readRtdLog(rtf.subarray(0, 5000), 'cut.rtf');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual([
        {
          location: 'cut.rtf:line 1',
          message: expect.stringMatching(
            /^an RTF document .*not closed.*export the log again as plain text$/,
          ),
        },
      ]);
    }
  });

  it('is recognised as an RTD log by its content', () => {
    expect(looksRtdLog(fixture('rtd-breast-dibh-gated-textedit.rtf').subarray(0, 4096))).toBe(true);
  });
});

describe('looksRtdLog', () => {
  it.each(ALL)('recognises %s', (name) => {
    expect(looksRtdLog(fixture(name).subarray(0, 4096))).toBe(true);
  });
  it.each([
    ['JSON', '{"schemaVersion": 1}'],
    ['HL7', 'MSH|^~\\&|OIS|CLINIC|BILL|X|202603020815||DFT^P03|1|P|2.5.1\r'],
    ['X12', 'ISA*00*          *00*          *ZZ*SENDER'],
    ['CSV of treatments', 'patient,date,field,start,end,mu\n1,2026-03-02,LT TANG,08:15,08:16,120\n'],
    ['empty', ''],
  ])('rejects %s', (_name, text) => {
    expect(looksRtdLog(new TextEncoder().encode(text))).toBe(false);
  });
  it('rejects a PDF and DICOM preamble', () => {
    expect(looksRtdLog(new Uint8Array(readFileSync('/dev/null')))).toBe(false);
    const dicom = new Uint8Array(200);
    dicom.set(new TextEncoder().encode('DICM'), 128);
    expect(looksRtdLog(dicom)).toBe(false);
    expect(looksRtdLog(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n'))).toBe(false);
  });
});
