import { describe, expect, it } from 'vitest';
import { BUNDLED_PROFILES } from '../payers/bundled-profiles.js';
import type { PayerProfile } from '../payers/payer-profile.js';
import { CLAIM_001, claimSetting } from './claim-001-claim-setting.js';
import { CLAIM_002, componentParts } from './claim-002-component-split.js';
import { CLAIM_003, revenueCodeFor } from './claim-003-revenue-code.js';
import { billingPeriodOf } from './claim-004-billing-period.js';
import { CLAIM_005, authorizationSplit } from './claim-005-prior-authorization.js';
import { CLAIM_006, twiceDailyShape } from './claim-006-twice-daily.js';

const profile = (id: string): PayerProfile => BUNDLED_PROFILES.find((p) => p.id === id)!;

describe('claimSetting (CLAIM-001)', () => {
  // prettier-ignore
  const CASES = [['11', 'freestanding'], ['19', 'hospital'], ['22', 'hospital'], ['21', null], ['', null]] as const;
  it.each(CASES)('POS %s → %s', (pos, setting) => {
    const r = claimSetting(pos, 'charge c1');
    expect(r.setting).toBe(setting);
    if (r.setting === null)
      expect(r.finding).toMatchObject({ ruleId: CLAIM_001.id, severity: 'error', subject: 'charge c1' });
  });
});

describe('componentParts (CLAIM-002)', () => {
  // prettier-ignore
  const CASES = [
    // name, code, modifiers, setting, profile, DOS, parts as "format/component/mods", finding severity or null
    ['freestanding delivery: global', '77412', [], 'freestanding', 'default', '2026-03-02', ['837P/global/'], null],
    ['freestanding delivery keeps 76', '77412', ['76'], 'freestanding', 'default', '2026-03-02', ['837P/global/76'], null],
    ['freestanding delivery drops 26', '77407', ['26'], 'freestanding', 'default', '2026-03-02', ['837P/global/'], 'warning'],
    ['freestanding 77387, -26 required', '77387', [], 'freestanding', 'default', '2026-03-02', ['837P/global/26'], null],
    ['freestanding 77387, payer omits -26', '77387', ['26'], 'freestanding', 'commercial-omit-26', '2026-03-02', ['837P/global/'], 'info'],
    ['freestanding 77387, UHC either before March', '77387', [], 'freestanding', 'uhc', '2026-02-27', ['837P/global/'], null],
    ['freestanding 77387, UHC required from March', '77387', [], 'freestanding', 'uhc', '2026-03-02', ['837P/global/26'], null],
    ['hospital delivery: technical 837I', '77412', [], 'hospital', 'default', '2026-03-02', ['837I/technical/'], null],
    ['hospital delivery 76 kept, 26 dropped', '77412', ['26', '76'], 'hospital', 'default', '2026-03-02', ['837I/technical/76'], 'warning'],
    ['hospital 77387: professional -26', '77387', [], 'hospital', 'commercial-omit-26', '2026-03-02', ['837P/professional/26'], null],
    ['hospital 77387 TC: technical IGRT', '77387', ['TC'], 'hospital', 'default', '2026-03-02', ['837I/technical/'], null],
    ['hospital other code with 26', '77300', ['26'], 'hospital', 'default', '2026-03-02', ['837P/professional/26'], null],
    ['hospital other code with TC', '77300', ['TC'], 'hospital', 'default', '2026-03-02', ['837I/technical/'], null],
    ['hospital other code without either', '77300', [], 'hospital', 'default', '2026-03-02', [], 'error'],
    ['freestanding other code', '77300', [], 'freestanding', 'default', '2026-03-02', ['837P/global/'], null],
  ] as [string, string, string[], 'freestanding' | 'hospital', string, string, string[], string | null][];
  it.each(CASES)('%s', (_name, code, mods, setting, payer, dos, parts, severity) => {
    const r = componentParts(code, mods, setting, profile(payer), dos, 'charge c1');
    expect(r.parts.map((p) => `${p.format}/${p.component}/${p.modifiers.join(',')}`)).toEqual(parts);
    if (severity === null) return expect(r.findings).toEqual([]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: CLAIM_002.id, severity, subject: 'charge c1' });
  });
});

describe('revenueCodeFor (CLAIM-003)', () => {
  // prettier-ignore
  const CASES = [
    ['77412', {}, '0333'], ['77407', {}, '0333'], ['77402', {}, '0333'], ['77387', {}, '0333'],
    ['77300', { '77300': '0330' }, '0330'], ['77412', { '77412': '0330' }, '0330'], ['77300', {}, null],
  ] as [string, Record<string, string>, string | null][];
  it.each(CASES)('%s %j → %s', (code, table, rev) => {
    const r = revenueCodeFor(code, table, 'charge c1');
    expect(r.revenueCode).toBe(rev);
    if (rev === null) expect(r.finding).toMatchObject({ ruleId: CLAIM_003.id, severity: 'error' });
  });
});

describe('billingPeriodOf (CLAIM-004)', () => {
  // prettier-ignore
  const CASES = [
    ['2026-03-04', 'date', '2026-03-04', '2026-03-04'],
    ['2026-03-04', 'week', '2026-03-02', '2026-03-08'], // Wednesday
    ['2026-03-02', 'week', '2026-03-02', '2026-03-08'], // Monday
    ['2026-03-08', 'week', '2026-03-02', '2026-03-08'], // Sunday
    ['2026-01-01', 'week', '2025-12-29', '2026-01-04'], // across the year
    ['2026-02-14', 'month', '2026-02-01', '2026-02-28'],
    ['2028-02-14', 'month', '2028-02-01', '2028-02-29'], // leap year
    ['2026-03-31', 'month', '2026-03-01', '2026-03-31'], // DST month: dates, not instants
  ] as [string, 'date' | 'week' | 'month', string, string][];
  it.each(CASES)('%s per %s → %s…%s', (dos, period, from, to) => {
    expect(billingPeriodOf(dos, period)).toEqual({ from, to });
  });
});

describe('authorizationSplit (CLAIM-005)', () => {
  // prettier-ignore
  const CASES = [
    [['A1', 'A1'], null], [[null, null], null], [['A1'], null],
    [['A1', 'A2'], 'info'], [['A1', null], 'warning'], [['A1', 'A2', null], 'warning'],
  ] as [(string | null)[], string | null][];
  it.each(CASES)('%j → %s', (numbers, severity) => {
    const f = authorizationSplit(numbers, 'course k1');
    if (severity === null) return expect(f).toBeNull();
    expect(f).toMatchObject({ ruleId: CLAIM_005.id, severity, subject: 'course k1' });
  });
});

describe('twiceDailyShape (CLAIM-006)', () => {
  // prettier-ignore
  const CASES = [
    ['76 line, payer wants 76', '77412', ['76'], 1, 'default', false],
    ['2 units, payer counts units', '77412', [], 2, 'medicare', false],
    ['76 line, payer counts units', '77412', ['76'], 1, 'medicare', true],
    ['2 units, payer wants 76', '77407', [], 2, 'default', true],
    ['not a delivery code', '77387', ['26', '76'], 1, 'medicare', false],
    ['one session', '77412', [], 1, 'medicare', false],
  ] as [string, string, string[], number, string, boolean][];
  it.each(CASES)('%s', (_name, code, modifiers, units, payer, flagged) => {
    const f = twiceDailyShape({ code, modifiers, units }, profile(payer), 'charge c1');
    if (!flagged) return expect(f).toBeNull();
    expect(f).toMatchObject({ ruleId: CLAIM_006.id, severity: 'warning' });
  });
});
