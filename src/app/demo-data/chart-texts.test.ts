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

/** The statements read as a reviewer reads them: what the plan measured is said of the plan, in its units. */
describe('necessityText wording', () => {
  it.each<[string, { internalMammaryNodes?: boolean }]>([
    ['right breast with the internal mammary nodes', { internalMammaryNodes: true }],
    ['right breast without them', {}],
  ])('%s', (_, site) => {
    const text = necessityText({ region: 'breast', laterality: 'right', ...site }, 15, rngFor(1, 'x'));
    // The nodes are treated by the plan, not "on free-breathing planning".
    expect(text).not.toMatch(/free-breathing planning the internal mammary nodes/);
    if (site.internalMammaryNodes)
      expect(text).toMatch(/The internal mammary nodes are treated\. On free-breathing planning/);
    // A V20 (a percentage of the lung volume) falls by percentage points, not by a percent of itself.
    expect(text).toMatch(/lung V20 by \d+ percentage points/);
    expect(text).not.toMatch(/V20 by \d+%/);
  });
});
