import { describe, expect, it } from 'vitest';
import type { InputProblem } from '../../../core/model/input-problem.js';
import { planColumns, splitColumnName } from './rtd-columns.js';

const plan = (names: string[]) => {
  const warnings: InputProblem[] = [];
  const problems: InputProblem[] = [];
  const p = planColumns(names, 'f.txt:line 12', warnings, problems);
  return { ...p, warnings, problems };
};

describe('splitColumnName', () => {
  it.each([
    ['Elapsed Time (sec)', 'elapsedtime', 'sec'],
    ['D.VRT (mm)', 'dvrt', 'mm'],
    ['XRayState', 'xraystate', null],
    ['  RMS ( MM ) ', 'rms', 'mm'],
    ['Surface Match ()', 'surfacematch', null],
    ['Rot Threshold (deg)', 'rotthreshold', 'deg'],
  ])('%j', (name, base, unit) => {
    expect(splitColumnName(name)).toEqual({ base, unit });
  });
});

describe('planColumns', () => {
  it('knows every column of the current generation, in cm', () => {
    const names =
      'Elapsed Time (sec), Translation (cm), D.VRT (cm), D.LNG (cm), D.LAT (cm), D.Rtn (deg), D.Roll (deg), D.Pitch (deg), D.Amp (cm), XRayState, Couch Rot (deg), Trans Threshold (cm), Rot Threshold (deg), Beamhold Timer (sec), Beamhold State, ROI Index, RMS (mm), Gating Active'.split(
        ', ',
      );
    const p = plan(names);
    expect(p.problems).toEqual([]);
    expect(p.warnings).toEqual([]);
    expect(p.lengthUnit).toBe('cm');
    expect(p.keyAt).toEqual([
      'elapsedSec',
      'translationCm',
      'vrtCm',
      'lngCm',
      'latCm',
      'rtnDeg',
      'rollDeg',
      'pitchDeg',
      'ampCm',
      'xrayState',
      'couchRotDeg',
      'transThresholdCm',
      'rotThresholdDeg',
      'beamholdTimerSec',
      'beamholdState',
      'roiIndex',
      'rmsMm',
      'gatingActive',
    ]);
  });

  it.each([
    [['Elapsed Time (sec)', 'D.VRT (mm)', 'XRayState'], 'mm', []],
    [['Elapsed Time (sec)', 'D.VRT (cm)', 'D.LNG (mm)', 'XRayState'], 'mixed', [/mix cm and mm/]],
    [['Elapsed Time', 'D.VRT', 'XRayState'], 'unknown', [/no unit in their name/]],
    [['Elapsed Time (sec)', 'D.Rtn (deg)', 'XRayState'], 'unknown', []],
  ])('%j: length unit %s', (names, unit, warnings) => {
    const p = plan(names);
    expect(p.lengthUnit).toBe(unit);
    expect(p.warnings.map((w) => w.message)).toEqual(warnings.map((w) => expect.stringMatching(w)));
  });

  it('converts mm to cm, cm RMS to mm and ms to sec', () => {
    const p = plan(['Elapsed Time (ms)', 'D.VRT (mm)', 'RMS (cm)', 'XRayState']);
    expect(p.conversionAt).toEqual([3, 1, 2, 0]);
    expect(p.columns.map((c) => c.unit)).toEqual(['sec', 'cm', 'mm', null]);
  });

  it('keeps unknown, repeated and unconvertible columns as unknown, with warnings naming the known names and the position of the others', () => {
    const p = plan(['Elapsed Time (sec)', 'D.VRT (cm)', 'D.VRT (cm)', 'D.LAT (in)', 'Foo', 'XRayState', '']);
    expect(p.keyAt).toEqual(['elapsedSec', 'vrtCm', null, null, null, 'xrayState', undefined]);
    expect(p.warnings).toEqual([
      { location: 'f.txt:line 12, column "D.VRT (cm)"', message: expect.stringMatching(/repeated/) },
      {
        location: 'f.txt:line 12, column "D.LAT (in)"',
        message: expect.stringMatching(/unit not understood/),
      },
      // An unknown name is never quoted: a damaged header line can hold patient data.
      { location: 'f.txt:line 12, column #5', message: expect.stringMatching(/not known/) },
    ]);
    expect(p.problems).toEqual([]);
  });

  it('names every missing required column', () => {
    expect(plan(['RMS (mm)']).problems).toEqual([
      { location: 'f.txt:line 12', message: 'missing required column "Elapsed Time (sec)"' },
      { location: 'f.txt:line 12', message: 'missing required column "XRayState"' },
      {
        location: 'f.txt:line 12',
        message: expect.stringMatching(/^missing required column: at least one of "Translation \(cm\)"/),
      },
    ]);
  });
});
