import { describe, expect, it } from 'vitest';
import { parseCents, parseDate, parseProcedure, parseQuantity } from './x12-values.js';

describe('x12 values', () => {
  it('parses amounts to integer cents without floats', () => {
    const ok = (t: string) => {
      const r = parseCents(t);
      return r.ok ? r.value : r.message;
    };
    expect(ok('541.00')).toBe(54100);
    expect(ok('0.1')).toBe(10);
    expect(ok('-9')).toBe(-900);
    expect(ok('-0.00')).toBe(0);
    expect(ok('.5')).toBe(50);
    expect(ok('1.500')).toBe(150);
    expect(ok('211366.97')).toBe(21136697);
    expect(ok('0.29')).toBe(29); // 0.29 * 100 = 28.999999999999996 in floats
    expect(ok('1.005')).toMatch(/more than 2 decimals/);
    expect(ok('')).toMatch(/not a decimal/);
    expect(ok('1e3')).toMatch(/not a decimal/);
    expect(ok('-')).toMatch(/not a decimal/);
    expect(ok('9'.repeat(20))).toMatch(/too large/);
  });

  it('parses quantities and dates', () => {
    expect(parseQuantity('2.00')).toEqual({ ok: true, value: 2 });
    expect(parseQuantity('x').ok).toBe(false);
    expect(parseDate('20260105')).toEqual({ ok: true, value: '2026-01-05' });
    expect(parseDate('20240229')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseDate('20250229').ok).toBe(false);
    expect(parseDate('2026015').ok).toBe(false);
  });

  it('reads procedure composites with the component separator, or a printed-example one', () => {
    expect(parseProcedure('HC:77412:26:76', ':')).toEqual({
      procedure: { code: '77412', modifiers: ['26', '76'] },
      guessed: false,
    });
    expect(parseProcedure('HC>12345>26', ':')).toEqual({
      procedure: { code: '12345', modifiers: ['26'] },
      guessed: true,
    });
    expect(parseProcedure('HC', ':')).toBeNull();
    expect(parseProcedure('HC:77412::26', ':')?.procedure.modifiers).toEqual(['26']);
  });
});
