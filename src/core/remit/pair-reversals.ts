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
  /** N1*PR02 payer name, when the caller knows it: the fallback that pairs a take-back across payer ids. */
  payerName?: string | null;
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

/** A claim entry and its place in the entries (file order). */
type Indexed = { entry: RemitClaimEntry; at: number };

/** `a` is not after `b`: by payment date when both have one, else by file order. */
function notAfter(a: Indexed, b: Indexed) {
  const [da, db] = [a.entry.paymentDate, b.entry.paymentDate];
  return da && db && da !== db ? da < db : a.at <= b.at;
}

/** `a` is in the same payment as `b` or a later one (a payer may list the correction before the take-back). */
function notBefore(a: Indexed, b: Indexed) {
  const [da, db] = [a.entry.paymentDate, b.entry.paymentDate];
  return da && db ? da >= db : a.at > b.at;
}

/** A payer name compared as a person reads it: case, spacing and surrounding blanks aside. */
const nameKey = (name: string | null | undefined) => name?.trim().replace(/\s+/g, ' ').toUpperCase() || null;

/**
 * The payment a take-back reverses when the payer id differs (a clearinghouse re-routing the payer's
 * 835s under another TRN03 / REF*2U): the same payer name, the same CLP01 and CLP07, and the charge
 * equal in absolute value — a reversal repeats the original claim payment's identifying data with its
 * amounts negated (X12 835 005010X221A1 TR3 1.10.2.8 Reversals and Corrections). Never across payer
 * names, never without a CLP07.
 */
function reroutedOriginal(
  payments: readonly Indexed[],
  links: ReadonlyMap<string, ReversalLink>,
  back: Indexed,
) {
  const t = back.entry;
  const name = nameKey(t.payerName);
  if (name === null || t.claim.payerClaimControlNumber === null) return undefined;
  return payments
    .filter(
      (p) =>
        !links.has(p.entry.id) &&
        p.entry.payerKey !== t.payerKey &&
        nameKey(p.entry.payerName) === name &&
        p.entry.claim.patientControlNumber === t.claim.patientControlNumber &&
        p.entry.claim.payerClaimControlNumber === t.claim.payerClaimControlNumber &&
        Math.abs(p.entry.claim.chargeCents) === Math.abs(t.claim.chargeCents) &&
        notAfter(p, back),
    )
    .at(-1);
}

/**
 * Pair each take-back with the payment it reverses — same payer, the same CLP07 payer claim control
 * number, else the same CLP01 with the charge equal in absolute value; the latest such payment before
 * it; failing that, one under another payer id with the same payer name, CLP01, CLP07 and charge
 * (`reroutedOriginal`) — and with the corrected claim that follows (same payer and CLP01, the same or
 * a later file, not a reversal). Each claim takes one role at most.
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
    const original =
      (byControl.length ? byControl : byNumber).at(-1) ?? reroutedOriginal(payments, links, back) ?? null;
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
