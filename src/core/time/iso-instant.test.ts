import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoInstant } from './iso-instant.js';

describe('isoInstant', () => {
  // ECMA-262 §21.4.4.36 (Date.prototype.toISOString) is the reference for every instant.
  it.each([
    { ms: 0, iso: '1970-01-01T00:00:00.000Z' },
    { ms: Date.parse('2026-03-02T13:15:00Z'), iso: '2026-03-02T13:15:00.000Z' },
    { ms: Date.parse('2026-11-01T05:40:10.007Z'), iso: '2026-11-01T05:40:10.007Z' },
    { ms: Date.parse('2028-02-29T23:59:59.999Z'), iso: '2028-02-29T23:59:59.999Z' },
    { ms: -1, iso: '1969-12-31T23:59:59.999Z' },
    { ms: 1.5, iso: '1970-01-01T00:00:00.001Z' },
    { ms: Date.parse('+010000-01-01T00:00:00Z'), iso: '+010000-01-01T00:00:00.000Z' },
  ])('$ms → $iso', ({ ms, iso }) => {
    expect(isoInstant(ms)).toBe(iso);
  });

  it('writes every instant as toISOString does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 2000 },
    );
  });
});
