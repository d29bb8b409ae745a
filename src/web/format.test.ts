import { describe, expect, it } from 'vitest';
import { formatCount } from './format.js';

describe('formatCount', () => {
  it.each([
    [0, 'claim', undefined, '0 claims'],
    [1, 'claim', undefined, '1 claim'],
    [1204, 'line', undefined, '1,204 lines'],
    [1, 'entry', 'entries', '1 entry'],
    [2, 'entry', 'entries', '2 entries'],
  ])('%i %s → %s', (n, one, many, want) => {
    expect(formatCount(n, one, many)).toBe(want);
  });
});
