import { describe, expect, it } from 'vitest';
import { counted, plural } from './plural.js';

describe('plural', () => {
  it.each([
    [0, 'claim', undefined, 'claims'],
    [1, 'claim', undefined, 'claim'],
    [2, 'claim', undefined, 'claims'],
    [1, 'entry', 'entries', 'entry'],
    [21, 'entry', 'entries', 'entries'],
    [-1, 'day', undefined, 'day'],
  ])('%i %s → %s', (n, one, many, want) => {
    expect(plural(n, one, many)).toBe(want);
  });

  it.each([
    [1, 'course', undefined, undefined, '1 course'],
    [3, 'course', undefined, undefined, '3 courses'],
    [1204, 'line', undefined, '1,204', '1,204 lines'],
    [1, 'entry', 'entries', undefined, '1 entry'],
    [0, 'entry', 'entries', undefined, '0 entries'],
  ])('counted(%i, %s) → %s', (n, one, many, shown, want) => {
    expect(counted(n, one, many, shown)).toBe(want);
  });
});
