import {
  REMIT_CATEGORIES,
  REMIT_QUEUES,
  type RemitCategory,
  type RemitQueue,
} from '../../core/remit/remit-category.js';
import type { RemitRow } from './classify-remittance.js';
import { lineIncome, openCents, partnerLines, rateUnknown, shortCents } from './reversal-lines.js';

export interface CategoryTotal {
  category: RemitCategory;
  lines: number;
  billed: number;
  /** Income: a reversal pair nets out, a take-back is never a negative payment (`lineIncome`). */
  paid: number;
  takenBack: number;
  /** Σ expected − allowed where the line fell short (`shortCents`). */
  short: number;
}

export interface QueueTotal {
  queue: RemitQueue;
  lines: number;
  /** What is still to recover (`openCents`). */
  open: number;
  /** Lines whose open amount is not known: no rate for them (`rateUnknown`). */
  withoutRate: number;
  soonestAppealBy: string | null;
}

/**
 * The totals of a set of classified lines per category and per work queue, in integer cents (the
 * command line's summary; the database sums the same way in remit-lines.ts).
 */
export function remitTotals(rows: readonly (RemitRow & { appealBy: string | null })[]): {
  byCategory: CategoryTotal[];
  byQueue: QueueTotal[];
} {
  const links = new Map(rows.flatMap((r) => (r.reversal ? [[r.claimId, r.reversal] as const] : [])));
  const partners = partnerLines(rows, links);
  const byCategory = REMIT_CATEGORIES.map((category) => {
    const t: CategoryTotal = { category, lines: 0, billed: 0, paid: 0, takenBack: 0, short: 0 };
    for (const r of rows.filter((row) => row.category === category)) {
      const money = lineIncome({ paidCents: r.paidCents, role: r.reversal?.role ?? null }, partners.get(r));
      t.lines++;
      t.billed += r.billedCents;
      t.paid += money.incomeCents;
      t.takenBack += money.takenBackCents;
      t.short += shortCents(r);
    }
    return t;
  });
  const byQueue = REMIT_QUEUES.map((queue) => {
    const of = rows.filter((r) => r.queue === queue);
    const dates = of.flatMap((r) => (r.appealBy ? [r.appealBy] : [])).sort();
    return {
      queue,
      lines: of.length,
      open: of.reduce((n, r) => n + openCents(r), 0),
      withoutRate: of.filter(rateUnknown).length,
      soonestAppealBy: dates[0] ?? null,
    };
  });
  return { byCategory, byQueue };
}
