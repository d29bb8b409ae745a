import { Temporal } from 'temporal-polyfill';
import type { RuleMeta } from '../model/rule.js';
import type { BillingPeriod } from './claim-input.js';

export const CLAIM_004: RuleMeta = {
  id: 'CLAIM-004',
  title:
    'One claim per patient per billing period: each date of service, ISO week (Monday–Sunday) or calendar month',
  severity: 'info',
  source:
    'Practice configuration (issue #5: "one claim per patient per billing period as configured") [seed]',
};

/** The period containing a date of service (`YYYY-MM-DD`), as its first and last calendar date. */
export function billingPeriodOf(dateOfService: string, period: BillingPeriod): { from: string; to: string } {
  const d = Temporal.PlainDate.from(dateOfService);
  if (period === 'date') return { from: d.toString(), to: d.toString() };
  if (period === 'week') {
    const monday = d.subtract({ days: d.dayOfWeek - 1 });
    return { from: monday.toString(), to: monday.add({ days: 6 }).toString() };
  }
  const first = d.with({ day: 1 });
  return { from: first.toString(), to: first.with({ day: first.daysInMonth }).toString() };
}
