import type { Adjustment, RemitClaim, RemitServiceLine, Remittance } from '../model/remittance.js';

/**
 * The three balancing rules of the 835 (X12 005010X221A1 TR3, section 1.10.2.1 "Balancing": service
 * line, claim and transaction; X12 RFI 2348). Adjustment amounts (CAS, PLB) decrease the payment when
 * positive and increase it when negative, so every rule is a plain signed sum in integer cents.
 * Reversals (CLP02 22) carry negative charges, payments and adjustments and balance the same way.
 */

/** One rule's two sides: `differenceCents` = left − right, 0 when the amounts balance. */
export interface Balance {
  /** SVC02 − SVC03 (line) or CLP03 − CLP04 (claim). */
  leftCents: number;
  /** Σ CAS of the line, or of the claim and its lines. */
  rightCents: number;
  differenceCents: number;
}

/** Σ amounts (a plain loop: it runs for every line of files of a million lines). */
function sumAdjustments(adjustments: readonly Adjustment[]): number {
  let sum = 0;
  for (const a of adjustments) sum += a.amountCents;
  return sum;
}

const balance = (leftCents: number, rightCents: number): Balance => ({
  leftCents,
  rightCents,
  differenceCents: leftCents - rightCents,
});

/** TR3 1.10.2.1.1 service line balancing: SVC02 − SVC03 = Σ CAS amounts of the 2110 loop. */
export function lineBalance(line: RemitServiceLine): Balance {
  return balance(line.chargeCents - line.paidCents, sumAdjustments(line.adjustments));
}

/**
 * TR3 1.10.2.1.2 claim balancing: CLP03 − CLP04 = Σ CAS of the 2100 loop + Σ CAS of its 2110 lines
 * (a claim adjudicated at claim level has no lines: its own CAS only).
 */
export function claimBalance(claim: RemitClaim): Balance {
  let adjusted = sumAdjustments(claim.adjustments);
  for (const l of claim.lines) adjusted += sumAdjustments(l.adjustments);
  return balance(claim.chargeCents - claim.paidCents, adjusted);
}

/** A payment (one 835 transaction set) against its claims and provider-level adjustments. */
export interface PaymentBalance {
  /** Σ CLP04 of the set (reversals count negative). */
  claimsPaidCents: number;
  /** Σ PLB amounts: positive ones (WO recoupment, 72 authorized return) reduce the payment, negative ones (L6 interest) increase it. */
  providerAdjustmentCents: number;
  /** BPR02, negative when BPR03 says the payment is a debit (D). */
  paidCents: number;
  /** (Σ CLP04 − Σ PLB) − BPR02: 0 when the payment balances. */
  differenceCents: number;
  /** The claims the reader refused (damaged): not in Σ CLP04, so a reason for the difference. */
  refusedClaims: { location: string; paidCents: number | null }[];
}

/** TR3 1.10.2.1.3 transaction balancing: BPR02 = Σ CLP04 − Σ PLB04/06/08/10/12/14. */
export function paymentBalance(remittance: Remittance): PaymentBalance {
  const claimsPaidCents = remittance.claims.reduce((sum, c) => sum + c.paidCents, 0);
  const providerAdjustmentCents = remittance.providerAdjustments.reduce((sum, p) => sum + p.amountCents, 0);
  const paidCents = remittance.creditDebit === 'D' ? -remittance.totalPaidCents : remittance.totalPaidCents;
  return {
    claimsPaidCents,
    providerAdjustmentCents,
    paidCents,
    differenceCents: claimsPaidCents - providerAdjustmentCents - paidCents,
    refusedClaims: (remittance.refusedClaims ?? []).map((c) => ({
      location: c.location,
      paidCents: c.paidCents,
    })),
  };
}

/**
 * Why BPR02 ≠ Σ CLP04 − Σ PLB when the reader refused claims of the payment (TR3 1.10.2.1.3: BPR02
 * counts every claim paid, the sum only the claims read): each refused claim with its CLP04, and whether
 * they account for the whole difference. Null when no claim was refused. Amounts and locations only.
 */
export function refusedClaimsReason(b: PaymentBalance, money: (cents: number) => string): string | null {
  if (b.refusedClaims.length === 0) return null;
  const named = b.refusedClaims
    .map((c) => `${c.location} (CLP04 ${c.paidCents === null ? 'unreadable' : money(c.paidCents)})`)
    .join(', ');
  const refusedPaid = b.refusedClaims.reduce((n, c) => n + (c.paidCents ?? 0), 0);
  const known = b.refusedClaims.every((c) => c.paidCents !== null);
  const one = b.refusedClaims.length === 1;
  const which = `${one ? 'the claim' : 'the claims'} refused at ${named}`;
  if (known && b.differenceCents + refusedPaid === 0)
    return `${which}, not counted in Σ CLP04, account${one ? 's' : ''} for the difference`;
  const rest = known ? `; ${money(b.differenceCents + refusedPaid)} remains unexplained` : '';
  return `${which} ${one ? 'is' : 'are'} not counted in Σ CLP04${rest}`;
}
