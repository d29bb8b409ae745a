import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal, scanNumber } from './rtd-number.js';

describe('parseDecimal', () => {
  it.each([
    ['0.400', 0.4],
    ['-2.277061E-03', -2.277061e-3],
    ['3.682473E-02', 3.682473e-2],
    ['5000', 5000],
    [' 0.1136239 ', 0.1136239],
    ['+5', 5],
    ['.5', 0.5],
    ['1.', 1],
    ['1e5', 1e5],
    ['1E+05', 1e5],
    ['-0', -0],
    ['0.1000000000000000055511151231257827', 0.1],
    ['123456789012345678901234567890', 1.2345678901234568e29],
    ['1e-30', 1e-30],
    ['9007199254740993', 9007199254740992],
    ['', NaN],
    ['N/A', NaN],
    ['-', NaN],
    ['.', NaN],
    ['1e', NaN],
    ['1e+', NaN],
    ['0x10', NaN],
    ['Infinity', NaN],
    ['1e999', NaN],
    ['1.2.3', NaN],
    ['1 2', NaN],
    ['1,5', NaN],
  ])('%j → %d', (text, value) => {
    expect(Object.is(parseDecimal(text), value)).toBe(true);
  });

  it('equals Number() on decimals written in every JS format (overflow is not a reading)', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 1, max: 17 }),
        (x, p) => {
          for (const text of [
            String(x),
            x.toExponential(p - 1),
            x.toPrecision(p),
            x.toExponential().toUpperCase(),
          ]) {
            const n = Number(text);
            expect(Object.is(parseDecimal(text), Number.isFinite(n) ? n : NaN)).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('equals Number() on AlignRT-like fixed-point numbers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -99_999_999, max: 99_999_999 }),
        fc.integer({ min: 0, max: 9 }),
        (m, d) => {
          const text = (m / 10 ** d).toFixed(d);
          expect(parseDecimal(text)).toBe(Number(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('scanNumber', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  const out = new Float64Array(1);
  it.each([
    ['1.5, 2', 44, 3, 1.5],
    ['1.5 , 2', 44, 4, 1.5],
    ['1.5\t2', 9, 3, 1.5],
    ['1.5\r\n2', 44, 3, 1.5],
    ['1.5\n', 44, 3, 1.5],
    ['1.5', 44, 3, 1.5],
  ])('%j stops at the cell end', (text, sep, stop, value) => {
    expect(scanNumber(bytes(text), 0, text.length, sep, out, 0)).toBe(stop);
    expect(out[0]).toBe(value);
  });

  it('does not read across an empty tab-separated cell', () => {
    expect(scanNumber(bytes('\t5'), 0, 2, 9, out, 0)).toBe(-1);
    expect(out[0]).toBeNaN();
  });

  it('reports where a non-number stops, for the caller to classify the cell', () => {
    expect(scanNumber(bytes('N/A, 1'), 0, 6, 44, out, 0)).toBe(-1);
    expect(scanNumber(bytes('12ab, 1'), 0, 7, 44, out, 0)).toBe(-1 - 2);
    expect(out[0]).toBeNaN();
  });
});
