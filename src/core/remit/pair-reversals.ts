import type { RemitClaim } from '../model/remittance.js';

/**
 * Reversals and corrections across remittances (X12 835 005010X221A1 CLP02 = 22 "reversal of previous
 * payment", domain.md §6.1): a payer that changes its mind sends a take-back with negative amounts that
 * cancels the original payment, usually followed (in the same or a later file) by the corrected claim.
 */
export type ReversalRole = 'take-back' | 'reversed' | 'correction';

/** A claim of one of the practice's remittances. `id` is the caller's; entries come in file order. */
export interface RemitClaimEntry {
  id: string;
  /** The payer, as the caller identifies it (payer id, else name). */
  payerKey: string;
  /** BPR16 of the claim's remittance. */
  paymentDate: string | null;
  /** Where the claim sits (file and location), for messages. */
  source: string;
  claim: RemitClaim;
}

/** The other claim of a pair, as a message names it (ids and dates, no patient data). */
export interface ReversalPartner {
  id: string;
  payerClaimControlNumber: string | null;
  paymentDate: string | null;
  source: string;
}

/**
 * A claim's role. The take-back's partner is the payment it reverses (null when none was found); the
 * reversed payment's is its take-back; the correction's is the payment it replaces.
 */
export interface ReversalLink {
  role: ReversalRole;
  partner: ReversalPartner | null;
}

const partnerOf = (e: RemitClaimEntry): ReversalPartner => ({
  id: e.id,
  payerClaimControlNumber: e.claim.payerClaimControlNumber,
  paymentDate: e.paymentDate,
  source: e.source,
});

/** `a` is not after `b`: by payment date when both have one, else by file order. */
function notAfter(a: { entry: RemitClaimEntry; at: number }, b: { entry: RemitClaimEntry; at: number }) {
  const [da, db] = [a.entry.paymentDate, b.entry.paymentDate];
  return da && db && da !== db ? da < db : a.at <= b.at;
}

/** `a` is in the same payment as `b` or a later one (a payer may list the correction before the take-back). */
function notBefore(a: { entry: RemitClaimEntry; at: number }, b: { entry: RemitClaimEntry; at: number }) {
  const [da, db] = [a.entry.paymentDate, b.entry.paymentDate];
  return da && db ? da >= db : a.at > b.at;
}

/**
 * Pair each take-back with the payment it reverses — same payer, the same CLP07 payer claim control
 * number, else the same CLP01 with the charge equal in absolute value; the latest such payment before
 * it — and with the corrected claim that follows (same payer and CLP01, the same or a later file, not a
 * reversal). Each claim takes one role at most.
 */
export function pairReversals(entries: readonly RemitClaimEntry[]): Map<string, ReversalLink> {
  const links = new Map<string, ReversalLink>();
  const indexed = entries.map((entry, at) => ({ entry, at }));
  const reversals = indexed.filter((x) => x.entry.claim.status === '22');
  const payments = indexed.filter((x) => x.entry.claim.status !== '22');
  const samePayer = (a: RemitClaimEntry, b: RemitClaimEntry) => a.payerKey === b.payerKey;
  for (const back of reversals) {
    const t = back.entry;
    const free = payments.filter((p) => !links.has(p.entry.id) && samePayer(p.entry, t));
    const before = free.filter((p) => p.at !== back.at && notAfter(p, back));
    const byControl = t.claim.payerClaimControlNumber
      ? before.filter((p) => p.entry.claim.payerClaimControlNumber === t.claim.payerClaimControlNumber)
      : [];
    const byNumber = before.filter(
      (p) =>
        p.entry.claim.patientControlNumber === t.claim.patientControlNumber &&
        Math.abs(p.entry.claim.chargeCents) === Math.abs(t.claim.chargeCents),
    );
    const original = (byControl.length ? byControl : byNumber).at(-1) ?? null;
    links.set(t.id, { role: 'take-back', partner: original ? partnerOf(original.entry) : null });
    if (!original) continue;
    links.set(original.entry.id, { role: 'reversed', partner: partnerOf(t) });
    const correction = free.find(
      (p) =>
        p !== original &&
        !links.has(p.entry.id) &&
        p.entry.claim.patientControlNumber === t.claim.patientControlNumber &&
        notBefore(p, back),
    );
    if (correction)
      links.set(correction.entry.id, { role: 'correction', partner: partnerOf(original.entry) });
  }
  return links;
}
