import type { ReversalLink } from '../../core/remit/pair-reversals.js';
import type { RemitQueue } from '../../core/remit/remit-category.js';

/** What pairing and the money of a line need: its claim (the `pairReversals` entry id) and amounts. */
export interface PairableLine {
  claimId: string;
  code: string;
  modifiers: readonly string[];
  dateOfService: string | null;
  billedCents: number;
  paidCents: number;
}

const sameService = (a: PairableLine, b: PairableLine) =>
  a.code === b.code &&
  a.modifiers.join(',') === b.modifiers.join(',') &&
  a.dateOfService === b.dateOfService &&
  Math.abs(a.billedCents) === Math.abs(b.billedCents);

/**
 * The line of the partner claim each line of a reversal answers (X12 835 005010X221A1 CLP02 22: the
 * take-back repeats the original's service lines with negative amounts): the same procedure, modifiers,
 * date and charge in absolute value, else the same procedure, else the same position. A take-back and
 * the payment it reverses point at each other; a correction points at the payment it replaces.
 */
export function partnerLines<T extends PairableLine>(
  lines: readonly T[],
  links: ReadonlyMap<string, ReversalLink>,
): Map<T, T> {
  const byClaim = new Map<string, T[]>();
  for (const l of lines) byClaim.set(l.claimId, [...(byClaim.get(l.claimId) ?? []), l]);
  const partners = new Map<T, T>();
  const match = (from: readonly T[], to: readonly T[], both: boolean) => {
    const free = new Set(to);
    const take = (l: T | undefined) => (l && free.delete(l) ? l : undefined);
    for (const [i, l] of from.entries()) {
      const other =
        take([...free].find((o) => sameService(l, o))) ??
        take([...free].find((o) => o.code === l.code)) ??
        take(to[i]);
      if (!other) continue;
      partners.set(l, other);
      if (both) partners.set(other, l);
    }
  };
  for (const [claimId, link] of links) {
    const mine = byClaim.get(claimId);
    const theirs = link.partner ? byClaim.get(link.partner.id) : undefined;
    if (!mine || !theirs) continue;
    // The take-back side pairs both ways; the reversed side is done by then.
    if (link.role === 'take-back') match(mine, theirs, true);
    else if (link.role === 'correction') match(mine, theirs, false);
  }
  return partners;
}

/**
 * A line's income and what was taken back (domain.md §6.1: a reversal is never income): a take-back
 * counts nothing and the payment it reverses counts net of it; a negative payment with no partner on
 * file is money taken back, not a negative payment. The database sums the same way (remit-lines.ts).
 */
export function lineIncome(
  line: { paidCents: number; role: ReversalLink['role'] | null },
  partner: { paidCents: number } | undefined,
): { incomeCents: number; takenBackCents: number } {
  if (partner && line.role === 'take-back') return { incomeCents: 0, takenBackCents: 0 };
  if (partner && line.role === 'reversed')
    return { incomeCents: line.paidCents + partner.paidCents, takenBackCents: 0 };
  return {
    incomeCents: Math.max(line.paidCents, 0),
    takenBackCents: line.paidCents < 0 && !partner ? -line.paidCents : 0,
  };
}

/**
 * What is still to recover on a line through its work queue: the patient's (or next payer's) share, a
 * take-back to review, the shortfall of an underpayment, else what the line should have paid (the
 * expected amount) less what was paid and what the patient owes. The same basis as a category's
 * "short of expected" (`shortCents`): with no rate known, nothing is counted (`rateUnknown` says so),
 * never the billed charge, which is not what the payer owes.
 */
export function openCents(c: {
  queue: RemitQueue | null;
  billedCents: number;
  paidCents: number;
  allowedCents: number;
  patientResponsibilityCents: number;
  expectedCents: number | null;
}): number {
  switch (c.queue) {
    case null:
    case 'set-contract-rate':
      return 0;
    case 'bill-patient-or-secondary':
    case 'secondary-claim':
      return Math.max(c.patientResponsibilityCents, 0);
    case 'reversal-review':
      return Math.abs(c.paidCents);
    case 'underpayment-dispute':
      return Math.max((c.expectedCents ?? c.allowedCents) - c.allowedCents, 0);
    default:
      return c.expectedCents === null
        ? 0
        : Math.max(c.expectedCents - c.paidCents - c.patientResponsibilityCents, 0);
  }
}

/** A line whose open amount would rest on the expected one, with no rate known for it (`openCents`). */
export function rateUnknown(c: { queue: RemitQueue | null; expectedCents: number | null }): boolean {
  return c.expectedCents === null && c.queue !== null && !RATE_FREE_QUEUES.has(c.queue);
}

/** Queues whose open amount does not rest on the expected one (the patient's share, a take-back). */
export const RATE_FREE_QUEUES: ReadonlySet<RemitQueue> = new Set([
  'set-contract-rate',
  'bill-patient-or-secondary',
  'secondary-claim',
  'reversal-review',
]);

/** What a line's allowed amount fell short of the expected one; nothing for a reversal (it nets out). */
export function shortCents(c: {
  category: string;
  expectedCents: number | null;
  allowedCents: number;
}): number {
  return c.category === 'reversal' || c.expectedCents === null
    ? 0
    : Math.max(0, c.expectedCents - c.allowedCents);
}
