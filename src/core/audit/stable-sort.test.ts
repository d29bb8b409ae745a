import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableSort } from './stable-sort.js';

describe('stableSort', () => {
  // Array.prototype.sort is stable (ECMA-262 §23.1.3.30 since ES2019): equal keys keep their order, so
  // the insertion sort must give exactly its order, ties included, at every length (short and long).
  it('orders as Array.prototype.sort does, equal keys in their original order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.integer({ min: 0, max: 5 }), id: fc.nat() }), { maxLength: 90 }),
        (items) => {
          const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
          expect(stableSort([...items], byKey)).toEqual([...items].sort(byKey));
        },
      ),
    );
  });

  it('sorts in place and returns the array', () => {
    const items = [3, 1, 2];
    expect(stableSort(items, (a, b) => a - b)).toBe(items);
    expect(items).toEqual([1, 2, 3]);
  });
});
