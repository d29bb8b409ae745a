import { describe, expect, it } from 'vitest';
import { orderThresholds } from './motion-settings.js';

/** Thresholds read from a motion-management order's text (domain.md §3.3 element 3). */
describe('orderThresholds', () => {
  it.each([
    ['beam hold when outside 3 mm / 3 deg.', { translationCm: 0.3, rotationDeg: 3 }],
    ['Gating with a tolerance of 0.5 cm and 2°', { translationCm: 0.5, rotationDeg: 2 }],
    ['The beam is held beyond 2.5 mm.', { translationCm: 0.25, rotationDeg: null }],
    ['Threshold 3 degrees rotation', { translationCm: null, rotationDeg: 3 }],
    ['40.05 Gy in 15 fractions with a 5 mm PTV margin. Beam hold with AlignRT.', null],
    ['Active motion management with DIBH.', null],
    ['', null],
  ])('%j', (text, expected) => {
    expect(orderThresholds(text)).toEqual(expected);
  });

  it('no text', () => expect(orderThresholds(undefined)).toBeNull());
});
