import { describe, expect, it } from 'vitest';
import { necessityText } from './chart-texts.js';
import { rngFor } from './prng.js';

/** The demo's necessity statements match the plan: its fraction count, a usual dose per fraction, its thresholds. */
describe('necessityText states the prescription of the plan', () => {
  it.each<[number, string, number]>([
    [15, '40.05 Gy in 15 fractions', 2.67],
    [16, '42.56 Gy in 16 fractions', 2.66],
    [20, '40.05 Gy in 15 fractions', 2.67],
    [25, '50 Gy in 25 fractions', 2],
  ])('%i fractions', (fractions, prescription, perFraction) => {
    const text = necessityText(
      { region: 'breast', laterality: 'left', extent: 'whole-breast' },
      fractions,
      rngFor(1, 'x'),
    );
    expect(text).toContain(prescription);
    const [, gy, n] = /([\d.]+) Gy in (\d+) fractions/.exec(text)!;
    expect(Number(gy) / Number(n)).toBeCloseTo(perFraction, 2);
    const boost = /([\d.]+) Gy boost in (\d+) fractions/.exec(text);
    expect(Number(n) + Number(boost?.[2] ?? 0)).toBe(fractions);
    // The plan's thresholds (course-plans.ts AMM: 0.3 cm / 3°).
    expect(text).toContain('3 mm translation and 3 degree rotation threshold');
  });

  it('a fraction count without a known prescription states the fractions and no dose', () => {
    const text = necessityText({ region: 'breast', laterality: 'right' }, 28, rngFor(1, 'x'));
    expect(text).toMatch(/lumpectomy, 28 fractions to the whole right breast\./);
  });
});
