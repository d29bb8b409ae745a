import { describe, expect, it } from 'vitest';
import type { Site } from '../model/session-facts.js';
import {
  checkDiagnosisCodes,
  fiscalYearBounds,
  fiscalYearOf,
  icd10cmCode,
  type Icd10cmRelease,
  releaseInForce,
} from './diagnosis-checks.js';
import { lateralityOf } from './icd10cm-laterality.js';

const release = (
  id: string,
  effectiveFrom: string,
  effectiveTo: string | null,
  codes: Record<string, boolean>,
): Icd10cmRelease => ({ id, effectiveFrom, effectiveTo, codes: new Map(Object.entries(codes)) });

const FY26 = release('ICD10CM-FY2026', '2025-10-01', '2026-09-30', {
  C50911: true,
  C50912: true,
  C5091: false,
  C3411: true,
  C3490: true,
  C61: true,
  Z510: true,
});
const APR26 = release('ICD10CM-FY2026-0401', '2026-04-01', '2026-09-30', { C61: true, Z510: true });
const site = (laterality: Site['laterality'], region = 'breast'): Site => ({ region, laterality });
const item = (code: string, dateOfService = '2026-02-10', s?: Site) => ({
  location: 'claim 1, diagnosis 1',
  code,
  dateOfService,
  site: s,
});

describe('icd10cmCode', () => {
  it.each([
    ['C50.911', 'C50911'],
    ['C50911', 'C50911'],
    ['Z51.0', 'Z510'],
    ['C61', 'C61'],
    [' C4A.111 ', 'C4A111'],
    ['S52.521A', 'S52521A'],
    ['U07.1', 'U071'],
    ['C50.', null],
    ['C5.0911', null],
    ['c50.911', null],
    ['C50.91111', null],
    ['50.911', null],
    ['', null],
    ['John Doe', null],
  ])('%s → %s', (written, code) => expect(icd10cmCode(written)).toBe(code));
});

describe('fiscal years', () => {
  it.each([
    ['2025-09-30', 2025],
    ['2025-10-01', 2026],
    ['2026-09-30', 2026],
    ['2026-10-01', 2027],
  ])('%s is in FY %i', (date, fy) => expect(fiscalYearOf(date)).toBe(fy));
  it('FY 2026 runs from 2025-10-01 to 2026-09-30', () =>
    expect(fiscalYearBounds(2026)).toEqual({ from: '2025-10-01', to: '2026-09-30' }));
  it.each([
    ['2025-09-30', null],
    ['2025-10-01', 'ICD10CM-FY2026'],
    ['2026-03-31', 'ICD10CM-FY2026'],
    ['2026-04-01', 'ICD10CM-FY2026-0401'],
    ['2026-09-30', 'ICD10CM-FY2026-0401'],
    ['2026-10-01', null],
  ])('on %s the release in force is %s (an April update over its October release)', (date, id) =>
    expect(releaseInForce([APR26, FY26], date)?.id ?? null).toBe(id),
  );
});

describe('checkDiagnosisCodes: format, existence, billable', () => {
  it.each([
    ['a billable code with its dot', 'C50.911', []],
    ['a billable code without the dot', 'C50911', []],
    ['Z51.0, the encounter for antineoplastic radiation therapy', 'Z51.0', []],
    ['a header (category)', 'C50.91', [/C50\.91 is a category \(a header in ICD10CM-FY2026\)/]],
    [
      'a code the release does not list',
      'C50.913',
      [/C50\.913 is not a valid ICD-10-CM code of ICD10CM-FY2026/],
    ],
    ['a malformed code (never echoed)', 'breast ca', [/^not an ICD-10-CM code/]],
  ])('%s', (_name, code, expected) => {
    const r = checkDiagnosisCodes([item(code)], [FY26]);
    expect(r.problems.map((p) => p.message)).toEqual(expected.map((m) => expect.stringMatching(m)));
    expect(r.problems.every((p) => p.location === 'claim 1, diagnosis 1')).toBe(true);
    expect(JSON.stringify(r)).not.toContain('breast ca');
    expect(r.warnings).toEqual([]);
  });

  it('checks each date of service against its own release: C50.911 is not in the April update', () => {
    const r = checkDiagnosisCodes(
      [item('C50.911', '2026-03-31'), item('C50.911', '2026-04-01')],
      [FY26, APR26],
    );
    expect(r.problems).toEqual([
      {
        location: 'claim 1, diagnosis 1',
        message: expect.stringContaining('of ICD10CM-FY2026-0401 (in force on 2026-04-01)'),
      },
    ]);
  });

  it('with no release loaded: format only, and one warning that the code file is not loaded', () => {
    const r = checkDiagnosisCodes([item('C50.91'), item('C61'), item('bad')], []);
    expect(r.problems).toHaveLength(1);
    expect(r.warnings).toEqual([
      {
        location: 'ICD-10-CM code file',
        message: expect.stringMatching(/^the ICD-10-CM code file is not loaded/),
      },
    ]);
  });

  it('with no release covering a date: format only, one warning per fiscal year', () => {
    const r = checkDiagnosisCodes(
      [item('C50.91', '2026-10-05'), item('C61', '2026-11-05'), item('C61', '2025-09-30')],
      [FY26],
    );
    expect(r.problems).toEqual([]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'no ICD-10-CM release loaded covers FY 2025 (2024-10-01 – 2025-09-30): 1 diagnosis code was checked for format only',
      'no ICD-10-CM release loaded covers FY 2027 (2026-10-01 – 2027-09-30): 2 diagnosis codes were checked for format only',
    ]);
  });

  it('no items, no warnings', () =>
    expect(checkDiagnosisCodes([], [])).toEqual({ problems: [], warnings: [] }));
});

describe('checkDiagnosisCodes: laterality against the course site (ICD-10-CM I.B.13)', () => {
  it.each([
    ['C50.911', site('right'), null],
    ['C50.912', site('left'), null],
    ['C50.912', site('right'), /C50\.912 is a left-side code but the course's site is right/],
    ['C50.911', site('left'), /C50\.911 is a right-side code but the course's site is left/],
    [
      'C50.919',
      site('left'),
      /C50\.919 leaves the side unspecified but the course's site is left: use the left-side code/,
    ],
    ['C34.11', site('right', 'lung'), null],
    ['C34.11', site('left', 'lung'), /right-side code but the course's site is left/],
    ['C34.2', site('left', 'lung'), /C34\.2 is a right-side code/],
    ['C34.90', site('bilateral', 'lung'), /site is bilateral: code each side \(ICD/],
    ['C34.11', site('bilateral', 'lung'), null],
    ['C56.1', site('bilateral', 'pelvis'), /ICD-10-CM has a bilateral code for it/],
    ['C56.9', site('bilateral', 'pelvis'), /code each side, or the bilateral code/],
    ['C56.3', site('left', 'pelvis'), /C56\.3 is a bilateral code but the course's site is left/],
    ['C61', site('none', 'prostate'), null],
    ['C50.912', site('none'), null],
    ['C50.912', undefined, null],
    ['C79.51', site('left', 'femur'), null],
  ] as const)('%s with %j', (code, s, expected) => {
    const r = checkDiagnosisCodes([item(code, '2026-02-10', s)], []);
    const lateral = r.warnings.filter((w) => w.location === 'claim 1, diagnosis 1').map((w) => w.message);
    expect(lateral).toEqual(expected ? [expect.stringMatching(expected)] : []);
    for (const m of lateral) expect(m).toContain('I.B.13');
  });
});

describe('lateralityOf: the side character per family (ICD-10-CM Tabular List)', () => {
  it.each([
    ['C50011', 'right'],
    ['C50122', 'left'],
    ['C50929', 'unspecified'],
    ['C3401', 'right'],
    ['C3432', 'left'],
    ['C3480', 'unspecified'],
    ['C342', 'right'],
    ['C641', 'right'],
    ['C669', 'unspecified'],
    ['C563', 'bilateral'],
    ['C7963', 'bilateral'],
    ['C7801', 'right'],
    ['C7902', 'left'],
    ['C7971', 'right'],
    ['C4022', 'left'],
    ['C4911', 'right'],
    ['C4362', 'left'],
    ['C43111', 'right'],
    ['D04121', 'left'],
    ['C44602', 'right'],
    ['C44609', 'left'],
    ['C44601', 'unspecified'],
    ['C441021', 'right'],
    ['C441091', 'left'],
    ['C6912', 'left'],
    ['C7231', 'right'],
    ['C7491', 'right'],
    ['C6211', 'right'],
    ['D0222', 'left'],
    ['D0512', 'left'],
    ['D0921', 'right'],
  ])('%s is %s', (code, side) => expect(lateralityOf(code)?.side).toBe(side));

  it.each(['C61', 'C7951', 'C7259', 'C44301', 'C4441', 'C5091', 'C50', 'C34', 'Z510', 'C7981', 'C384'])(
    '%s has no side',
    (code) => expect(lateralityOf(code)).toBeNull(),
  );
});
