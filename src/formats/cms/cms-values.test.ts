import { describe, expect, it } from 'vitest';
import { parseCmsDate, parseScaled } from './cms-values.js';

describe('parseScaled', () => {
  it.each([
    // text, scale, value
    ['1.017', 3, 1017],
    ['0.58', 3, 580],
    ['13.6', 3, 13600],
    ['0', 3, 0],
    ['.5', 2, 50],
    ['7.', 2, 700],
    ['  33.4009 ', 4, 334009],
    ['$394.05', 2, 39405],
    ['$ 180.00', 2, 18000],
    ['$1,234.56', 2, 123456],
    ['1,000,000', 0, 1000000],
    ['0.500', 2, 50],
    ['+2', 0, 2],
    ['007', 0, 7],
    ['999999999999.99', 2, 99999999999999],
  ] as const)('%j at scale %i → %i', (text, scale, value) => {
    expect(parseScaled(text, scale)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 2, 'not a decimal number'],
    ['.', 2, 'not a decimal number'],
    ['1.2.3', 3, 'not a decimal number'],
    ['1e3', 3, 'not a decimal number'],
    ['12,34', 2, 'not a decimal number'],
    ['NA', 3, 'not a decimal number'],
    ['0.0001', 3, 'more than 3 decimal places'],
    ['1.5', 0, 'more than 0 decimal places'],
    ['-1.00', 2, 'negative, where only amounts ≥ 0 make sense'],
    ['9999999999999999', 0, 'too large'],
  ] as const)('%j at scale %i is refused: %s', (text, scale, reason) => {
    expect(parseScaled(text, scale)).toEqual({ ok: false, reason });
  });

  it('reads a negative amount when asked', () => {
    expect(parseScaled('-12.30', 2, true)).toEqual({ ok: true, value: -1230 });
    expect(parseScaled('-0.00', 2, true)).toEqual({ ok: true, value: 0 });
  });
});

describe('parseCmsDate', () => {
  it.each([
    ['20260101', '2026-01-01'],
    ['2026-03-31', '2026-03-31'],
    ['1/1/2026', '2026-01-01'],
    ['12/31/2025', '2025-12-31'],
    ['20240229', '2024-02-29'],
  ])('%s → %s', (text, date) => expect(parseCmsDate(text)).toEqual({ ok: true, value: date }));

  it.each(['2026013', '20260230', '20250229', '20261301', '13/01/2026', '*', 'Jan 1 2026', '18991231'])(
    '%s is refused',
    (text) => expect(parseCmsDate(text).ok).toBe(false),
  );
});
