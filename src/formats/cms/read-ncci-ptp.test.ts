import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMue } from './read-mue.js';
import { readNcciPtp } from './read-ncci-ptp.js';

const fixture = (f: string) => new Uint8Array(readFileSync(`test/fixtures/cms/${f}`));
const tsv = (rows: readonly (readonly string[])[]) => rows.map((r) => r.join('\t')).join('\n') + '\n';
const PTP_HEADER = [
  'Column 1',
  'Column 2',
  '*=in existence prior to 1996',
  'Effective Date',
  'Deletion Date *=no data',
  'Modifier 0=not allowed 1=allowed 9=not applicable',
];

describe('readNcciPtp', () => {
  it('reads the tab-delimited synthetic PTP file: dates, * for no deletion, indicators 0/1/9', () => {
    const r = readNcciPtp(fixture('PTP_PRACTITIONER_2026Q1_SYNTH.txt'), 'ptp.txt');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.info).toMatchObject({ delimiter: '\t', headerLine: 4, rows: 6 });
    expect(r.value.rows[0]).toEqual({
      column1: '77412',
      column2: '77407',
      effectiveFrom: '2026-01-01',
      deletedOn: null,
      modifierIndicator: '0',
      location: 'ptp.txt:line 5',
    });
    expect(
      r.value.rows.map((e) => [e.column1, e.column2, e.deletedOn, e.modifierIndicator]).slice(3),
    ).toEqual([
      ['77301', '77280', null, '1'],
      ['77412', '77280', '2025-01-01', '1'],
      ['77407', '77280', '2020-01-01', '9'],
    ]);
  });

  it('accepts a header with line breaks inside the cells (an Excel export saved as CSV)', () => {
    const text =
      '"Column\n1","Column\n2","Effective\nDate","Deletion\nDate\n*=no data","Modifier\n0=not allowed"\n"77412","77407","1/1/2026","*","0"\n';
    const r = readNcciPtp(text, 'ptp.csv');
    expect(r.ok && r.value.rows[0]).toMatchObject({
      column1: '77412',
      effectiveFrom: '2026-01-01',
      modifierIndicator: '0',
    });
    expect(r.ok && r.value.rows[0]!.location).toBe('ptp.csv:line 8');
  });

  it('locates a bad indicator, a bad date and a deletion before the effective date', () => {
    const r = readNcciPtp(
      tsv([
        PTP_HEADER,
        ['77412', '77407', '', '20260101', '*', '2'],
        ['77412', '77402', '', '20260230', '*', '0'],
        ['77407', '77402', '', '20260101', '20251231', '1'],
      ]),
      'ptp.txt',
    );
    expect(!r.ok && r.problems).toEqual([
      {
        location: 'ptp.txt:line 2, column "Modifier 0=not allowed 1=allowed 9=not applicable"',
        message: 'not a modifier indicator (0, 1 or 9)',
      },
      { location: 'ptp.txt:line 3, column "Effective Date"', message: 'not a calendar date' },
      { location: 'ptp.txt:line 4, column "Deletion Date *=no data"', message: 'before the effective date' },
    ]);
  });
});

describe('readMue', () => {
  it('reads the synthetic MUE table: the leading digit of the adjudication indicator', () => {
    const r = readMue(fixture('MUE_PRACTITIONER_2026Q1_SYNTH.csv'), 'mue.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.info.columns.mue).toBe('Practitioner Services MUE Values');
    expect(r.value.rows.map((m) => [m.hcpcs, m.maxUnits, m.adjudication])).toEqual([
      ['77280', 1, '1'],
      ['77387', 1, '2'],
      ['77402', 2, '3'],
      ['77407', 2, '3'],
      ['77412', 2, '3'],
    ]);
    expect(r.value.rows[1]!.rationale).toBe('Code Descriptor / CPT Instruction');
  });

  it('reads the outpatient hospital header and refuses fractional units or an unknown indicator', () => {
    const head = ['HCPCS/CPT Code', 'Outpatient Hospital Services MUE Values', 'MAI'];
    const ok = readMue(tsv([head, ['77412', '2', '3']]), 'mue.txt');
    expect(ok.ok && ok.value.rows[0]).toMatchObject({ maxUnits: 2, adjudication: '3' });
    const bad = readMue(tsv([head, ['77412', '1.5', '4 Other']]), 'mue.txt');
    expect(!bad.ok && bad.problems.map((p) => p.message)).toEqual([
      'more than 0 decimal places (expected a decimal with at most 0 decimal places)',
      'not an MUE adjudication indicator (1, 2 or 3)',
    ]);
  });
});
