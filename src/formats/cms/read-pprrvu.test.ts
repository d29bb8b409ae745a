import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPprrvu } from './read-pprrvu.js';

const FIXTURE = new Uint8Array(readFileSync('test/fixtures/cms/PPRRVU26_SYNTH.csv'));
const csv = (rows: readonly (readonly string[])[], d = ',') =>
  rows.map((r) => r.map((c) => (d === ',' ? `"${c.replace(/"/g, '""')}"` : c)).join(d)).join('\r\n') + '\r\n';

const HEADER = [
  'HCPCS',
  'MOD',
  'STATUS CODE',
  'WORK RVU',
  'NON-FAC PE RVU',
  'FACILITY PE RVU',
  'MP RVU',
  'PCTC IND',
  'CONV FACTOR',
];
const TITLE = ['2026 NATIONAL PHYSICIAN FEE SCHEDULE RELATIVE VALUE FILE (synthetic)'];
const ROW_77412 = ['77412', '', 'A', '0.00', '13.60', '13.60', '0.08', '3', '33.4009'];
const ROW_77387 = ['77387', '26', 'A', '0.58', '0.22', '0.22', '0.03', '1', '33.4009'];

describe('readPprrvu', () => {
  it('reads the synthetic PPRRVU file: title lines, quoted cells, NA, a note at the end', () => {
    const r = readPprrvu(FIXTURE, 'PPRRVU26_SYNTH.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.info).toMatchObject({ delimiter: ',', headerLine: 4, rows: 11, skipped: 1 });
    expect(r.value.info.columns).toMatchObject({ workRvu: 'WORK RVU', conversionFactor: 'CONV FACTOR' });
    const rvu = (code: string, mod = '') => r.value.rows.find((x) => x.hcpcs === code && x.modifier === mod);
    expect(rvu('77412')).toEqual({
      hcpcs: '77412',
      modifier: '',
      status: 'A',
      workRvu: 0,
      nonFacilityPeRvu: 13600,
      facilityPeRvu: 13600,
      mpRvu: 80,
      pctcIndicator: '3',
      conversionFactor: 334009,
      location: 'PPRRVU26_SYNTH.csv:line 15',
    });
    expect(rvu('77387', '26')).toMatchObject({ status: 'A', workRvu: 580, facilityPeRvu: 220 });
    expect(rvu('77387', 'TC')).toMatchObject({ status: 'B' });
    expect(rvu('77280')).toMatchObject({ nonFacilityPeRvu: 5100, facilityPeRvu: null });
    expect(r.warnings).toEqual([
      { location: 'PPRRVU26_SYNTH.csv:line 17', message: expect.stringContaining('a note?') },
    ]);
  });

  it('reads columns by name in any order, with extra columns and other spellings', () => {
    const header = [
      'Extra',
      'CONV FACTOR',
      'mp rvu',
      'Facility PE RVUs',
      'Non-Facility PE RVU',
      'Work RVU',
      'Status',
      'Modifier',
      'HCPCS Code',
      'Notes',
    ];
    const order = [8, 6, 5, 4, 3, 2, 1, 0];
    const row = (src: string[]) => ['x', ...order.map((i) => src[i]!), 'y'];
    const r = readPprrvu(csv([TITLE, [], header, row(ROW_77412), row(ROW_77387)]), 'f.csv');
    expect(r.ok && r.value.rows).toEqual([
      expect.objectContaining({
        hcpcs: '77412',
        modifier: '',
        nonFacilityPeRvu: 13600,
        mpRvu: 80,
        conversionFactor: 334009,
      }),
      expect.objectContaining({ hcpcs: '77387', modifier: '26', workRvu: 580, pctcIndicator: null }),
    ]);
  });

  it('joins a header split over two rows (NON-FAC above PE RVU)', () => {
    const top = ['', '', 'STATUS', 'WORK', 'NON-FAC', 'FACILITY', 'MP', 'PCTC', 'CONV'];
    const bottom = ['HCPCS', 'MOD', 'CODE', 'RVU', 'PE RVU', 'PE RVU', 'RVU', 'IND', 'FACTOR'];
    const r = readPprrvu(csv([TITLE, top, bottom, ROW_77412]), 'f.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.info.headerLine).toBe(3);
    expect(r.value.info.columns).toMatchObject({
      nonFacilityPeRvu: 'NON-FAC PE RVU',
      facilityPeRvu: 'FACILITY PE RVU',
    });
    expect(r.value.rows[0]).toMatchObject({ hcpcs: '77412', facilityPeRvu: 13600, conversionFactor: 334009 });
  });

  it('reads tab- and pipe-delimited text', () => {
    for (const d of ['\t', '|']) {
      const r = readPprrvu(csv([TITLE, HEADER, ROW_77412], d), 'f.txt');
      expect(r.ok && r.value.info.delimiter).toBe(d);
      expect(r.ok && r.value.rows[0]!.nonFacilityPeRvu).toBe(13600);
    }
  });

  it('reports an unknown layout: which required columns are missing and what was seen', () => {
    const header = HEADER.filter((h) => h !== 'WORK RVU' && h !== 'MP RVU');
    const r = readPprrvu(csv([TITLE, header, ['77412', '', 'A', '13.60', '13.60', '3', '33.4009']]), 'f.csv');
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          location: 'f.csv:line 2',
          message: 'unknown PPRRVU layout: required columns "WORK RVU", "MP RVU" not found',
        },
        {
          location: 'f.csv:line 2',
          message:
            'columns seen: HCPCS | MOD | STATUS CODE | NON-FAC PE RVU | FACILITY PE RVU | PCTC IND | CONV FACTOR',
        },
      ],
    });
  });

  it('refuses fixed-width text, saying so', () => {
    const text = 'HDR 2026 PFS RVU FILE\n77412     A    0.00   13.60   13.60    0.08\n';
    const r = readPprrvu(text, 'PPRRVU26.txt');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.message).toMatch(/fixed-width text is not supported: use the CSV file/);
  });

  it('refuses an empty file, a binary file and a header without data', () => {
    expect(readPprrvu('', 'f.csv')).toMatchObject({ ok: false, problems: [{ message: /empty file/ }] });
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(readPprrvu(zip, 'f.zip')).toMatchObject({ ok: false, problems: [{ message: /ZIP archive/ }] });
    expect(readPprrvu(csv([TITLE, HEADER]), 'f.csv')).toEqual({
      ok: false,
      problems: [{ location: 'f.csv:line 2', message: 'the PPRRVU table has no data rows' }],
    });
  });

  it('locates bad numbers, codes and modifiers by line and column, without quoting them', () => {
    const bad = [
      ['7741', 'X', 'A', '0.00', '13.60', '13.60', '0.08', '3', '33.4009'],
      ['77407', '', 'A', '1.2.3', '9.20', 'NA', '0.0005', '3', '33.40091'],
      ['77402', '', '', '0.00', '2.30', '2.30', '', '3', ''],
    ];
    const r = readPprrvu(csv([TITLE, HEADER, ...bad]), 'f.csv');
    expect(r).toEqual({
      ok: false,
      problems: [
        { location: 'f.csv:line 3, column "HCPCS"', message: 'not a HCPCS code (five letters or digits)' },
        { location: 'f.csv:line 3, column "MOD"', message: 'not a modifier (two letters or digits)' },
        {
          location: 'f.csv:line 4, column "WORK RVU"',
          message: 'not a decimal number (expected a decimal with at most 3 decimal places)',
        },
        {
          location: 'f.csv:line 4, column "MP RVU"',
          message: 'more than 3 decimal places (expected a decimal with at most 3 decimal places)',
        },
        {
          location: 'f.csv:line 4, column "CONV FACTOR"',
          message: 'more than 4 decimal places (expected a decimal with at most 4 decimal places)',
        },
        { location: 'f.csv:line 5, column "STATUS CODE"', message: 'empty: a value is required' },
        { location: 'f.csv:line 5, column "MP RVU"', message: 'empty: a number is required' },
      ],
    });
  });

  it('skips bad rows with warnings when asked', () => {
    const rows = [TITLE, HEADER, ['77407', '', 'A', 'x', '9.20', '9.20', '0.06', '3', '33.4009'], ROW_77412];
    const r = readPprrvu(csv(rows), 'f.csv', { onBadRow: 'skip' });
    expect(r.ok && r.value.rows.map((x) => x.hcpcs)).toEqual(['77412']);
    expect(r.ok && r.warnings).toEqual([
      {
        location: 'f.csv:line 3, column "WORK RVU"',
        message: expect.stringMatching(/^not a decimal number/),
      },
      { location: 'f.csv:line 3', message: 'row skipped (onBadRow: skip)' },
    ]);
  });

  it('skips repeated header rows (page headers) and reports a duplicated column', () => {
    const header = [...HEADER, 'WORK RVU'];
    const r = readPprrvu(csv([header, [...ROW_77412, '9.99'], header, [...ROW_77387, '9.99']]), 'f.csv');
    expect(r.ok && r.value.rows.map((x) => [x.hcpcs, x.workRvu])).toEqual([
      ['77412', 0],
      ['77387', 580],
    ]);
    expect(r.ok && r.warnings).toEqual([
      { location: 'f.csv:line 1', message: '2 columns are named like "WORK RVU": column 4 is read' },
    ]);
  });

  it('locates a cell of a row that starts after a multi-line quoted cell', () => {
    const text = `${csv([HEADER])}"77412","","A","0.00","13.60","13.60","0.08","3","33.4009"\r\n"77407","","A","0.00","9.20","9.20","0.06","3\r\n(see note)","x"\r\n`;
    const r = readPprrvu(text, 'f.csv');
    expect(r).toEqual({
      ok: false,
      problems: [
        { location: 'f.csv:line 4, column "CONV FACTOR"', message: expect.stringMatching(/^not a decimal/) },
      ],
    });
  });
});
