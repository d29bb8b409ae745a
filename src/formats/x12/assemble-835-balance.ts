import type { RemitClaim, Remittance } from '../../core/model/remittance.js';
import {
  claimBalance,
  lineBalance,
  paymentBalance,
  refusedClaimsReason,
} from '../../core/remit/balance-835.js';
import type { ProblemList } from '../problem-list.js';

/** Cents as an X12 decimal amount (`-1250` → `-12.50`), for messages (amounts are not PHI). */
export function decimal(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * The located warnings of a claim read (X12 005010X221A1 TR3 1.10.2.1 balancing): each service line
 * and the claim that do not balance, and a claim without service lines (legal for claim-level
 * adjudication, but its lines cannot be classified one by one). The claim and its lines are kept.
 */
export function warnClaim(claim: RemitClaim, warnings: ProblemList): void {
  if (claim.lines.length === 0)
    warnings.add(
      `${claim.location}/CLP`,
      'claim has no SVC service line (adjudicated at claim level): read at claim level',
    );
  for (const line of claim.lines) {
    const b = lineBalance(line);
    if (b.differenceCents !== 0)
      warnings.add(
        `${line.location}/SVC`,
        `SVC02 − SVC03 (${decimal(b.leftCents)}) ≠ Σ CAS (${decimal(b.rightCents)}), difference ${decimal(b.differenceCents)}`,
      );
  }
  const c = claimBalance(claim);
  if (c.differenceCents !== 0)
    warnings.add(
      `${claim.location}/CLP`,
      `CLP03 − CLP04 (${decimal(c.leftCents)}) ≠ Σ CAS of the claim and its lines (${decimal(c.rightCents)}), difference ${decimal(c.differenceCents)}`,
    );
}

/** The payment's warning when BPR02 ≠ Σ CLP04 − Σ PLB (TR3 1.10.2.1.3), naming the claims refused. */
export function warnPayment(remittance: Remittance, warnings: ProblemList): void {
  const p = paymentBalance(remittance);
  if (p.differenceCents === 0) return;
  const reason = refusedClaimsReason(p, decimal);
  warnings.add(
    `${remittance.location}/BPR`,
    `BPR02 (${decimal(p.paidCents)}) ≠ Σ CLP04 (${decimal(p.claimsPaidCents)}) − Σ PLB (${decimal(p.providerAdjustmentCents)}), difference ${decimal(p.differenceCents)}${reason === null ? '' : `: ${reason}`}`,
  );
}
