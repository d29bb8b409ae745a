import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGpci } from './read-gpci.js';
import { readLocalities } from './read-localities.js';

const fixture = (f: string) => new Uint8Array(readFileSync(`test/fixtures/cms/${f}`));
const csv = (rows: readonly (readonly string[])[]) =>
  rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';

describe('readGpci', () => {
  it('reads the synthetic Addendum E layout: year-prefixed names, one-digit locality', () => {
    const r = readGpci(fixture('GPCI2026_SYNTH.csv'), 'GPCI2026_SYNTH.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.info.columns).toMatchObject({
      carrier: 'Medicare Administrative Contractor (MAC)',
      workGpci: '2026 PW GPCI (with 1.0 Floor)',
      mpGpci: '2026 MP GPCI',
    });
    expect(r.value.rows).toHaveLength(4);
    expect(r.value.rows[0]).toEqual({
      carrier: '99901',
      locality: '01',
      state: 'ZZ',
      localityName: 'SYNTHETIC METRO AREA',
      workGpci: 1050,
      peGpci: 1120,
      mpGpci: 950,
      location: 'GPCI2026_SYNTH.csv:line 4',
    });
    expect(r.value.rows[3]).toMatchObject({ locality: '05', peGpci: 1015, mpGpci: 1250 });
  });

  it('reads reordered and renamed columns (Work GPCI, Practice Expense GPCI, Carrier)', () => {
    const r = readGpci(
      csv([
        ['Malpractice GPCI', 'Practice Expense GPCI', 'Work GPCI', 'Locality', 'Carrier', 'Extra'],
        ['0.950', '1.120', '1.050', '1', '99901', 'x'],
      ]),
      'g.csv',
    );
    expect(r.ok && r.value.rows[0]).toMatchObject({
      carrier: '99901',
      locality: '01',
      workGpci: 1050,
      mpGpci: 950,
    });
  });

  it('reports missing columns and bad values with their location', () => {
    const missing = readGpci(
      csv([
        ['MAC', 'Locality Number', 'PW GPCI', 'PE GPCI'],
        ['1', '01', '1', '1'],
      ]),
      'g.csv',
    );
    expect(!missing.ok && missing.problems[0]).toEqual({
      location: 'g.csv:line 1',
      message: 'unknown GPCI layout: required column "MP GPCI" not found',
    });
    const bad = readGpci(
      csv([
        ['MAC', 'Locality Number', 'PW GPCI', 'PE GPCI', 'MP GPCI'],
        ['99901', '1A', '1.0001', '1', 'one'],
      ]),
      'g.csv',
    );
    expect(!bad.ok && bad.problems.map((p) => p.location)).toEqual([
      'g.csv:line 2, column "Locality Number"',
      'g.csv:line 2, column "PW GPCI"',
      'g.csv:line 2, column "MP GPCI"',
    ]);
  });
});

describe('readLocalities', () => {
  it('reads the locality key; a blank state repeats the one above', () => {
    const r = readLocalities(fixture('26LOCCO_SYNTH.csv'), '26LOCCO_SYNTH.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rows.map((l) => [l.carrier, l.locality, l.state, l.feeScheduleArea])).toEqual([
      ['99901', '01', 'SYNTHETICA', 'SYNTHETIC METRO AREA'],
      ['99901', '99', 'SYNTHETICA', 'REST OF SYNTHETIC STATE'],
      ['99902', '00', 'SECONDIA', 'SYNTHETIC STATEWIDE'],
      ['99902', '05', 'SECONDIA', 'SYNTHETIC COUNTY'],
    ]);
    expect(r.value.rows[0]!.counties).toBe('NORTH, SOUTH');
  });

  it('reports a locality file without a fee schedule area', () => {
    const r = readLocalities(
      csv([
        ['Carrier', 'Locality', 'State'],
        ['99901', '01', 'X'],
      ]),
      'l.csv',
    );
    expect(!r.ok && r.problems[0]!.message).toBe(
      'unknown locality layout: required column "Fee Schedule Area" not found',
    );
  });
});

describe('rows without a contractor', () => {
  it('are a problem when they hold data, not silently skipped', () => {
    const r = readLocalities(
      csv([
        ['MAC', 'Locality Number', 'State', 'Fee Schedule Area'],
        ['99901', '01', 'X', 'AREA ONE'],
        ['', '02', '', 'AREA TWO'],
      ]),
      'l.csv',
    );
    expect(!r.ok && r.problems).toEqual([
      { location: 'l.csv:line 3, column "MAC"', message: 'empty: a value is required' },
    ]);
  });
});
