import { describe, expect, it } from 'vitest';
import { expectedCents, type RateTable, rateTableSchema, settingFor } from './rate-table.js';
import { SEED_2026 } from './seed-2026.js';

describe('SEED_2026', () => {
  it('parses with the rate table schema', () => {
    expect(rateTableSchema.parse(SEED_2026)).toEqual(SEED_2026);
  });

  it.each([
    // setting, code, cents (domain.md §2 [seed])
    ['MPFS', '77402', 7949],
    ['MPFS', '77407', 31764],
    ['MPFS', '77412', 39146],
    ['MPFS', '77387-26', 3674],
    ['OPPS', '77402', 10424],
    ['OPPS', '77407', 39405],
    ['OPPS', '77412', 56451],
  ] as const)('%s %s = %i cents', (setting, code, cents) => {
    expect(SEED_2026.settings[setting][code]).toBe(cents);
  });
});

describe('settingFor', () => {
  it.each([
    ['11', false, 'MPFS'],
    ['19', false, 'OPPS'],
    ['22', false, 'OPPS'],
    ['11', true, 'MPFS'],
    ['19', true, 'MPFS'],
    ['22', true, 'MPFS'],
  ] as const)('POS %s, professional %s → %s', (pos, professional, setting) => {
    expect(settingFor(pos, professional)).toBe(setting);
  });
});

describe('expectedCents', () => {
  it.each([
    // name, POS, code, modifiers, cents
    ['77402 office', '11', '77402', [], 7949],
    ['77407 office', '11', '77407', [], 31764],
    ['77412 office', '11', '77412', [], 39146],
    ['77412 office, 76', '11', '77412', ['76'], 39146],
    ['77402 hospital', '22', '77402', [], 10424],
    ['77407 hospital', '22', '77407', [], 39405],
    ['77412 hospital', '22', '77412', [], 56451],
    ['77412 POS 19', '19', '77412', [], 56451],
    ['77387-26 office', '11', '77387', ['26'], 3674],
    ['77387-26 hospital', '22', '77387', ['26'], 3674],
    ['77387-26-76 hospital', '19', '77387', ['26', '76'], 3674],
    ['77387 technical (no amount)', '11', '77387', [], null],
    ['77387 technical, hospital (no amount)', '22', '77387', [], null],
    ['77373 (not in table)', '11', '77373', [], null],
    ['G0339 (not in table)', '22', 'G0339', [], null],
    ['unknown code', '11', '99999', [], null],
  ] as [string, string, string, string[], number | null][])('%s', (_name, pos, code, modifiers, cents) => {
    expect(expectedCents(SEED_2026, pos, code, modifiers)).toBe(cents);
  });

  it('uses whichever table it is given', () => {
    const newer: RateTable = {
      ...SEED_2026,
      id: 'cms-2026-q2',
      release: '2026 Q2',
      settings: { MPFS: { '77412': 44400, '77387-26': 3800 }, OPPS: {} },
    };
    expect(expectedCents(newer, '11', '77412', [])).toBe(44400);
    expect(expectedCents(newer, '11', '77387', ['26'])).toBe(3800);
    expect(expectedCents(newer, '22', '77412', [])).toBeNull();
  });

  it('never prices a professional line at the global amount when the table has no -26 entry', () => {
    const noProfessional: RateTable = { ...SEED_2026, settings: { MPFS: { '77387': 9000 }, OPPS: {} } };
    expect(expectedCents(noProfessional, '11', '77387', ['26'])).toBeNull();
    expect(expectedCents(noProfessional, '11', '77387', [])).toBe(9000);
  });

  it('rejects fractional cents', () => {
    const bad = { ...SEED_2026, settings: { MPFS: { '77412': 391.46 }, OPPS: {} } };
    expect(rateTableSchema.safeParse(bad).success).toBe(false);
  });
});
