import { describe, expect, it } from 'vitest';
import type { InputProblem } from '../../../core/model/input-problem.js';
import { parseRtdHeader } from './rtd-header.js';

const parse = (lines: string[]) => {
  const warnings: InputProblem[] = [];
  const parsed = parseRtdHeader(
    lines.map((text, i) => ({ line: i + 1, text })),
    'f.txt',
    warnings,
  );
  return { ...parsed, warnings };
};

describe('parseRtdHeader', () => {
  it('reads `key:, value`, `key:<tab>value` and `key: value` lines, keeping every value raw', () => {
    const { header, warnings } = parse([
      'Patient ID:, SYNTH-0001',
      'Start Time:\t260302_081530',
      'End Time: 260302_082048',
      'XRayOn Time:, Not set                    ',
      'First XRayOn Time:, 30-December-99 00:00:00.000',
      'RTN (base couch):, 100000',
      'Field:, ',
      'SSD:, -',
      'coords:, IEC 60601-2-1',
      'Vendor Key:, something',
    ]);
    expect(warnings).toEqual([]);
    expect(header).toEqual({
      patientId: 'SYNTH-0001',
      field: null,
      start: '2026-03-02T08:15:30',
      end: '2026-03-02T08:20:48',
      xrayOn: null,
      xrayOff: null,
      firstXrayOn: null,
      lastXrayOn: null,
      rtnBaseCouch: 100000,
      ssd: null,
      coords: 'IEC 60601-2-1',
      raw: {
        'Patient ID': 'SYNTH-0001',
        'Start Time': '260302_081530',
        'End Time': '260302_082048',
        'XRayOn Time': 'Not set',
        'First XRayOn Time': '30-December-99 00:00:00.000',
        'RTN (base couch)': '100000',
        Field: '',
        SSD: '-',
        coords: 'IEC 60601-2-1',
        'Vendor Key': 'something',
      },
    });
  });

  it('warns, without quoting values, about lines, repeats and values it cannot read', () => {
    const { header, startMs, warnings } = parse([
      'DOE, JANE',
      'Start Time:, yesterday',
      'Patient ID:, A',
      'patient id:, B',
      'XRayOff Time:, soon',
      'SSD:, far',
    ]);
    expect(header.patientId).toBe('A');
    expect(startMs).toBeNull();
    expect(warnings).toEqual([
      { location: 'f.txt:line 1', message: expect.stringMatching(/not of the form/) },
      { location: 'f.txt:line 2, field "Start Time"', message: expect.stringMatching(/yymmdd_HHMMSS/) },
      { location: 'f.txt:line 4, field "Patient ID"', message: expect.stringMatching(/repeated/) },
      {
        location: 'f.txt:line 5, field "XRayOff Time"',
        message: expect.stringMatching(/not a recognised time/),
      },
      { location: 'f.txt:line 6, field "SSD"', message: expect.stringMatching(/expected a number/) },
    ]);
    expect(JSON.stringify(warnings)).not.toMatch(/DOE|JANE|yesterday|soon|far\b/);
  });

  it('reports a missing Start Time', () => {
    expect(parse(['Patient ID:, A']).warnings).toEqual([
      {
        location: 'f.txt:header, field "Start Time"',
        message: expect.stringMatching(/clock times are unknown/),
      },
    ]);
  });
});
