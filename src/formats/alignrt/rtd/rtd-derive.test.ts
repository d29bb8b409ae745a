import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findGaps, kthSmallest } from './rtd-derive.js';

describe('findGaps', () => {
  const gaps = (t: number[], valid: number[], end: number | null = null, tolerance = 5) =>
    findGaps(Float64Array.from(t), Uint8Array.from(valid), tolerance, end);

  it.each([
    ['none', [0.4, 1, 2, 3], [1, 1, 1, 1], null, []],
    [
      'an invalid run: last valid before to first valid after',
      [1, 2, 3, 4],
      [1, 0, 0, 1],
      null,
      [[1, 4, 'invalid-samples']],
    ],
    ['a long interval', [1, 2, 9, 10], [1, 1, 1, 1], null, [[2, 9, 'sample-interval']]],
    ['exactly the tolerance is not a gap', [1, 6], [1, 1], null, []],
    ['a leading invalid run counts from the start', [1, 2, 3], [0, 0, 1], null, [[0, 3, 'invalid-samples']]],
    ['a late first sample', [7, 8], [1, 1], null, [[0, 7, 'sample-interval']]],
    ['a trailing invalid run lasts to End Time', [1, 2, 3], [1, 0, 0], 10, [[1, 10, 'invalid-samples']]],
    ['the log stops before End Time', [1, 2], [1, 1], 10, [[2, 10, 'sample-interval']]],
    ['End Time within the tolerance', [1, 2], [1, 1], 6, []],
    ['nothing valid', [1, 2], [0, 0], null, [[0, 2, 'invalid-samples']]],
    ['no samples, End Time known', [], [], 30, [[0, 30, 'sample-interval']]],
  ])('%s', (_name, t, valid, end, expected) => {
    expect(gaps(t, valid, end)).toEqual(expected);
  });
});

describe('kthSmallest', () => {
  it('agrees with sorting, for any values and rank', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, min: 0, max: 1e3 }), { minLength: 1, maxLength: 300 }),
        fc.nat(),
        (xs, k0) => {
          const k = k0 % xs.length;
          const sorted = Float64Array.from(xs).sort();
          expect(kthSmallest(Float64Array.from(xs), xs.length, k)).toBe(sorted[k]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('handles many equal values and adversarial orders', () => {
    const same = new Float64Array(10_000).fill(0.25);
    expect(kthSmallest(same, same.length, 9_499)).toBe(0.25);
    const sorted = Float64Array.from({ length: 10_000 }, (_, i) => i);
    expect(kthSmallest(sorted, sorted.length, 9_499)).toBe(9_499);
    const organ = Float64Array.from({ length: 10_000 }, (_, i) => (i < 5_000 ? i : 10_000 - i));
    expect(kthSmallest(organ, organ.length, 9_499)).toBe(Float64Array.from(organ).sort()[9_499]);
  });
});
