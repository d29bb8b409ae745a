import { describe, expect, it } from 'vitest';
import { CHARS_PER_INSERT, ROWS_PER_INSERT, chunks } from './insert-chunks.js';

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

describe('chunks with a size: multi-row INSERTs bounded by the JSON they carry', () => {
  const row = (chars: number) => ({ content: 'x'.repeat(chars) });
  const sizes = (groups: { content: string }[][]) => groups.map((c) => c.map((r) => r.content.length));
  const byContent = (rows: { content: string }[]) => chunks(rows, (r) => r.content.length);
  const quarter = CHARS_PER_INSERT / 4;
  it.each([
    { name: 'nothing', rows: [], expected: [] },
    { name: 'small rows together', rows: [10, 20, 30], expected: [[10, 20, 30]] },
    {
      name: 'a new group past the bound',
      rows: [quarter, quarter, quarter, quarter, 1],
      expected: [[quarter, quarter, quarter, quarter], [1]],
    },
    {
      name: 'a row over the bound alone',
      rows: [1, CHARS_PER_INSERT + 1, 1],
      expected: [[1], [CHARS_PER_INSERT + 1], [1]],
    },
  ])('$name', ({ rows, expected }) => {
    expect(sizes(byContent(rows.map(row)))).toEqual(expected);
  });

  it('keeps every row once, in order', () => {
    const rows = Array.from({ length: 50 }, (_, i) => row((i * 7919) % quarter));
    expect(byContent(rows).flat()).toEqual(rows);
  });
});
