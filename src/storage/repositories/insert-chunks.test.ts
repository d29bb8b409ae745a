import { describe, expect, it } from 'vitest';
import { ROWS_PER_INSERT, chunks } from './insert-chunks.js';

describe('chunks', () => {
  it.each([
    // [columns per row, rows, largest group]: rows × columns stays within 65,535 bind parameters.
    [1, 5_000, ROWS_PER_INSERT],
    [10, 5_000, ROWS_PER_INSERT],
    [36, 5_000, 1_820],
    [100, 1_000, 655],
  ])('%i columns: groups of at most %i rows bind ≤ 65,535 parameters', (columns, count, largest) => {
    const row = Object.fromEntries(Array.from({ length: columns }, (_, i) => [`c${i}`, i]));
    const groups = chunks(Array.from({ length: count }, () => row));
    expect(Math.max(...groups.map((g) => g.length))).toBe(largest);
    expect(groups.flat()).toHaveLength(count);
  });

  it('ids in an IN list bind one parameter each', () => {
    expect(chunks(Array.from({ length: 4_500 }, (_, i) => String(i))).map((g) => g.length)).toEqual([
      2_000, 2_000, 500,
    ]);
  });
});
