import { describe, expect, it } from 'vitest';
import { billingPeriodOf } from './claim-004-billing-period.js';

describe('billingPeriodOf (CLAIM-004)', () => {
  // prettier-ignore
  const CASES = [
    ['2026-03-04', 'date', '2026-03-04', '2026-03-04'],
    ['2026-03-04', 'week', '2026-03-02', '2026-03-08'], // Wednesday
    ['2026-03-02', 'week', '2026-03-02', '2026-03-08'], // Monday
    ['2026-03-08', 'week', '2026-03-02', '2026-03-08'], // Sunday
    ['2026-01-01', 'week', '2025-12-29', '2026-01-04'], // across the year
    ['2026-02-14', 'month', '2026-02-01', '2026-02-28'],
    ['2028-02-14', 'month', '2028-02-01', '2028-02-29'], // leap year
    ['2026-03-31', 'month', '2026-03-01', '2026-03-31'], // DST month: dates, not instants
  ] as [string, 'date' | 'week' | 'month', string, string][];
  it.each(CASES)('%s per %s → %s…%s', (dos, period, from, to) => {
    expect(billingPeriodOf(dos, period)).toEqual({ from, to });
  });
});
