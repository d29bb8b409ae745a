import type { RemitServiceLine } from '../model/remittance.js';
import { claimLevelLine } from './claim-level-line.js';
import type { RemitClaimEntry, ReversalLink } from './pair-reversals.js';

/**
 * Coordination of benefits across remittances (X12 835 005010X221A1 CLP02: 1/19 processed as primary,
 * 2/20 as secondary, 3/21 as tertiary; domain.md §6.1): each payer answers the same claim (CLP01, our
 * CLM01) in its own 835. A line's answer is read with the other payers' answers to the same service.
 */
export interface CoordinationLink {
  /** What the earlier payers paid on this service (CLP02 rank below this claim's). */
  priorPaidCents: number;
  /** What the later payers paid on it; null when no later payer answered it. */
  laterPaidCents: number | null;
}

const RANK: Readonly<Record<string, number>> = { '1': 1, '19': 1, '2': 2, '20': 2, '3': 3, '21': 3 };

/** A claim status that `linkCoordination` links: processed as primary, secondary or tertiary. */
export const isPayerAnswer = (status: string): boolean => RANK[status] !== undefined;

/** The key of a line in `linkCoordination`'s answer: the claim entry id and the line number (0: claim level). */
export const coordinationKey = (claimId: string, lineNo: number) => `${claimId}#${lineNo}`;

/**
 * The same service on two payers' answers (005010X221A1 2110 REF*6R line item control number echoes our
 * 837 REF*6R; else the date of service and the submitted procedure code, SVC06 else SVC01).
 */
function sameService(a: RemitServiceLine, b: RemitServiceLine): boolean {
  if (a.lineControlNumber && b.lineControlNumber) return a.lineControlNumber === b.lineControlNumber;
  return (
    a.dateOfService === b.dateOfService &&
    (a.submitted ?? a.procedure).code === (b.submitted ?? b.procedure).code
  );
}

const linesOf = (e: RemitClaimEntry) =>
  e.claim.lines.length
    ? e.claim.lines.map((line, i) => ({ line, lineNo: i + 1 }))
    : [{ line: claimLevelLine(e.claim), lineNo: 0 }];

/**
 * Link the answers of different payers to the same claim (same CLP01) line by line: for every line of a
 * claim processed as primary, secondary or tertiary, what the earlier payers paid on the same service
 * and what the later ones paid. Reversals (CLP02 22) and the payments they take back (`reversals`,
 * from `pairReversals`) count for nothing. Keys are `coordinationKey(entry id, line number)`.
 */
export function linkCoordination(
  entries: readonly RemitClaimEntry[],
  reversals: ReadonlyMap<string, ReversalLink> = new Map(),
): Map<string, CoordinationLink> {
  const answers = entries.filter((e) => {
    const role = reversals.get(e.id)?.role;
    return isPayerAnswer(e.claim.status) && role !== 'take-back' && role !== 'reversed';
  });
  const byClaim = new Map<string, RemitClaimEntry[]>();
  for (const e of answers)
    byClaim.set(e.claim.patientControlNumber, [...(byClaim.get(e.claim.patientControlNumber) ?? []), e]);
  const links = new Map<string, CoordinationLink>();
  for (const same of byClaim.values()) {
    for (const e of same) {
      const rank = RANK[e.claim.status]!;
      const others = same.filter((o) => o.payerKey !== e.payerKey && RANK[o.claim.status] !== rank);
      if (!others.length) continue;
      for (const { line, lineNo } of linesOf(e)) {
        let priorPaidCents = 0;
        let laterPaidCents: number | null = null;
        for (const o of others) {
          const matched = linesOf(o).filter((x) => sameService(line, x.line));
          if (!matched.length) continue;
          const paid = matched.reduce((n, x) => n + x.line.paidCents, 0);
          if (RANK[o.claim.status]! < rank) priorPaidCents += paid;
          else laterPaidCents = (laterPaidCents ?? 0) + paid;
        }
        if (priorPaidCents !== 0 || laterPaidCents !== null)
          links.set(coordinationKey(e.id, lineNo), { priorPaidCents, laterPaidCents });
      }
    }
  }
  return links;
}
