import { describe, expect, it } from 'vitest';
import { CONTENT_CHARS_PER_INSERT, contentChunks } from './content-chunks.js';

const row = (chars: number) => ({ content: 'x'.repeat(chars) });
const sizes = (chunks: { content: string }[][]) => chunks.map((c) => c.map((r) => r.content.length));

describe('contentChunks: multi-row INSERTs bounded by the JSON they carry', () => {
  const quarter = CONTENT_CHARS_PER_INSERT / 4;
  it.each([
    { name: 'nothing', rows: [], expected: [] },
    { name: 'small rows together', rows: [10, 20, 30], expected: [[10, 20, 30]] },
    {
      name: 'a new chunk past the bound',
      rows: [quarter, quarter, quarter, quarter, 1],
      expected: [[quarter, quarter, quarter, quarter], [1]],
    },
    {
      name: 'a row over the bound alone',
      rows: [1, CONTENT_CHARS_PER_INSERT + 1, 1],
      expected: [[1], [CONTENT_CHARS_PER_INSERT + 1], [1]],
    },
  ])('$name', ({ rows, expected }) => {
    expect(sizes(contentChunks(rows.map(row)))).toEqual(expected);
  });

  it('keeps every row once, in order', () => {
    const rows = Array.from({ length: 50 }, (_, i) => row((i * 7919) % quarter));
    expect(contentChunks(rows).flat()).toEqual(rows);
  });
});
