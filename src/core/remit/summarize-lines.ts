import { dollars } from '../letters/assemble-letter.js';
import type { ProviderAdjustment, Remittance } from '../model/remittance.js';
import { paymentBalance, type PaymentBalance, refusedClaimsReason } from './balance-835.js';
import { REMIT_CATEGORIES, type RemitCategory, type RemitQueue } from './remit-category.js';

/** A classified line as the totals need it (integer cents). */
export interface SummaryLine {
  category: RemitCategory;
  queue: RemitQueue | null;
  billedCents: number;
  paidCents: number;
  patientResponsibilityCents: number;
}

export interface CategoryTotal {
  category: RemitCategory;
  lines: number;
  /** Lines with a work queue (something to do). */
  openLines: number;
  billedCents: number;
  /** Income: never negative; a reversal category counts its take-backs against the payments they cancel. */
  paidCents: number;
  patientResponsibilityCents: number;
}

/** One payment (835 transaction set) reconciled: BPR02 = Σ CLP04 − Σ PLB (X12 835 TR3 1.10.2.1.3). */
export interface PaymentReconciliation extends PaymentBalance {
  location: string;
  traceNumber: string | null;
  paymentDate: string | null;
  providerAdjustments: ProviderAdjustment[];
  message: string;
}

export interface LinesSummary {
  /** Every category, in the contract's order, with zeros where no line landed. */
  categories: CategoryTotal[];
  /** Σ category paid: income only. */
  paidCents: number;
  /** Take-backs no payment in these lines cancels (an unpaired CLP02 22, or one whose original is elsewhere). */
  takenBackCents: number;
  payments: PaymentReconciliation[];
}

/** `BPR02 $… = Σ CLP04 $… − Σ PLB $…`, or the difference when it does not balance (and the refused claims behind it). */
export function reconcilePayment(r: Remittance): PaymentReconciliation {
  const b = paymentBalance(r);
  const reason = refusedClaimsReason(b, dollars);
  const equation = `Σ CLP04 ${dollars(b.claimsPaidCents)} − Σ PLB ${dollars(b.providerAdjustmentCents)}`;
  return {
    ...b,
    location: r.location,
    traceNumber: r.traceNumber,
    paymentDate: r.paymentDate,
    providerAdjustments: r.providerAdjustments,
    message:
      b.differenceCents === 0
        ? `Payment ${dollars(b.paidCents)} = ${equation}.`
        : `Payment ${dollars(b.paidCents)} does not balance: ${equation} differs by ${dollars(b.differenceCents)}${reason === null ? '' : `: ${reason}`}.`,
  };
}

/**
 * Totals per category and per payment. A reversal is never income (domain.md §6.1): in the reversal
 * category a take-back and the payment it cancels net to 0, and what remains negative (a take-back whose
 * payment is not among these lines) is reported as taken back, not as a negative payment. So
 * paid − taken back = Σ line payments, and for a balanced 835 whose claims are all lines,
 * paid − taken back − Σ PLB = BPR02.
 */
export function summarizeLines(rows: readonly SummaryLine[], payments: readonly Remittance[]): LinesSummary {
  const categories = REMIT_CATEGORIES.map((category): CategoryTotal => {
    const mine = rows.filter((r) => r.category === category);
    const sum = (f: (r: SummaryLine) => number) => mine.reduce((n, r) => n + f(r), 0);
    return {
      category,
      lines: mine.length,
      openLines: mine.filter((r) => r.queue !== null).length,
      billedCents: sum((r) => r.billedCents),
      paidCents: sum((r) => r.paidCents),
      patientResponsibilityCents: sum((r) => r.patientResponsibilityCents),
    };
  });
  // Only take-backs pay negative amounts (CLP02 22): whatever is negative is taken back, not income.
  let takenBackCents = 0;
  for (const c of categories) {
    if (c.paidCents < 0) {
      takenBackCents -= c.paidCents;
      c.paidCents = 0;
    }
  }
  return {
    categories,
    paidCents: categories.reduce((n, c) => n + c.paidCents, 0),
    takenBackCents,
    payments: payments.map(reconcilePayment),
  };
}
