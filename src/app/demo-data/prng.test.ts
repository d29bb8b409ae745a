import { describe, expect, it } from 'vitest';
import { hashSeed, mulberry32, Rng, rngFor } from './prng.js';

describe('prng', () => {
  it('mulberry32 gives the same sequence for a seed, in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(1000);
  });

  it('labelled streams are independent of each other and stable', () => {
    expect(hashSeed(1, 'course', 3)).toBe(hashSeed(1, 'course', 3));
    expect(hashSeed(1, 'course', 3)).not.toBe(hashSeed(1, 'course', 4));
    expect(hashSeed(1, 'course', 3)).not.toBe(hashSeed(2, 'course', 3));
    // The label's parts are kept apart: ('a', 'bc') is not ('ab', 'c').
    expect(hashSeed('a', 'bc')).not.toBe(hashSeed('ab', 'c'));
    expect(rngFor(7, 'x').float()).toBe(rngFor(7, 'x').float());
  });

  it('helpers stay in range; shuffle is a permutation; weights are honoured', () => {
    const rng = new Rng(9);
    for (let i = 0; i < 500; i++) {
      const n = rng.int(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
      const u = rng.uniform(-2, 2);
      expect(u >= -2 && u < 2).toBe(true);
    }
    expect(rng.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 2000; i++)
      counts[
        rng.weighted([
          ['a', 0.9],
          ['b', 0.1],
        ] as const)
      ]++;
    expect(counts.a).toBeGreaterThan(1600);
    expect(counts.b).toBeGreaterThan(100);
  });
});
