import { describe, expect, it } from 'vitest';
import { addDays } from './calendar-date.js';

describe('addDays', () => {
  it.each([
    ['2026-03-20', -29, '2026-02-19'],
    ['2026-03-08', 1, '2026-03-09'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-18', 180, '2026-09-14'],
  ])('%s %+d → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});
