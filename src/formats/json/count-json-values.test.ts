import { describe, expect, it } from 'vitest';
import { countJsonValues } from './count-json-values.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('countJsonValues', () => {
  // Containers and commas: a non-empty container's last member is not counted (an estimate)
  it.each([
    ['[]', 1],
    ['[1,2,3]', 3],
    ['{"a":[{}, {}], "b":"x"}', 6],
    // Braces, brackets, commas and escaped quotes inside strings are text, not values.
    ['["{[,]}", "a\\",b"]', 2],
    ['[{"courseId":"C-1","patient":{}},{"courseId":"C-2","patient":{}}]', 8],
  ])('%s: %i', (text, expected) => {
    expect(countJsonValues(bytes(text), 100)).toBe(expected);
  });

  it('stops past the maximum', () => {
    expect(countJsonValues(bytes(`[${'{},'.repeat(1000)}{}]`), 10)).toBe(11);
  });
});
