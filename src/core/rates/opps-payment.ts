import { inForce, type ReferenceRelease, roundHalfUp } from './mpfs-payment.js';

/**
 * Expected OPPS payment for a hospital outpatient technical line (POS 19/22), from the quarter's
 * Addendum B (domain.md §7): the code's status indicator, APC and national unadjusted payment rate, as
 * the file states them (2026: 77412 → APC 5623, 77407 → APC 5622 [C]; nothing here is hard-coded).
 */
export interface OppsRate {
  hcpcs: string;
  /** Status indicator (S, T, V, Q1…, N packaged, B, E1…). */
  statusIndicator: string;
  apc: string | null;
  /** Ten-thousandths (relative weights have four decimals). */
  relativeWeight: number | null;
  /** National unadjusted payment, integer cents; null when the file leaves it blank (packaged, not paid). */
  paymentRateCents: number | null;
  nationalCopaymentCents: number | null;
  minimumCopaymentCents: number | null;
  location: string;
}

export interface OppsData {
  release: ReferenceRelease;
  rates: ReadonlyMap<string, OppsRate>;
}

export function oppsData(release: ReferenceRelease, rates: readonly OppsRate[]): OppsData {
  return { release, rates: new Map(rates.map((r) => [r.hcpcs.toUpperCase(), r])) };
}

export interface OppsQuery {
  code: string;
  modifiers: readonly string[];
  dateOfService: string;
  /**
   * The hospital's wage index in ten-thousandths (0.9512 → 9512). When given, the labor-related share
   * (60%, OPPS final rule [C]) is adjusted: rate × (0.6 × wage index + 0.4), rounded once to cents.
   */
  wageIndex?: number;
}

export type OppsPayment =
  | {
      ok: true;
      cents: number;
      apc: string | null;
      statusIndicator: string;
      /** The national unadjusted rate the amount comes from. */
      nationalCents: number;
      release: string;
      source: string;
    }
  | { ok: false; reason: 'no-release' | 'professional' | 'no-rate' | 'not-paid'; message: string };

export function expectedOppsPayment(releases: readonly OppsData[], q: OppsQuery): OppsPayment {
  if (q.modifiers.some((m) => m === '26')) {
    return fail('professional', `${q.code}-26 is a professional line: paid under the MPFS, not OPPS`);
  }
  const data = inForce(releases, q.dateOfService);
  if (!data) return fail('no-release', `no OPPS release covers ${q.dateOfService}`);
  const rate = data.rates.get(q.code.toUpperCase());
  if (!rate) return fail('no-rate', `${q.code} is not in Addendum B of ${data.release.id}`);
  if (rate.paymentRateCents === null) {
    return fail(
      'not-paid',
      `${q.code} has status indicator ${rate.statusIndicator} and no payment rate in ${data.release.id}`,
    );
  }
  const cents =
    q.wageIndex === undefined
      ? rate.paymentRateCents
      : // rate × (6 × WI/10^4 + 4)/10 = rate × (6 × WI + 40000) / 100000
        roundHalfUp(BigInt(rate.paymentRateCents) * (6n * BigInt(q.wageIndex) + 40000n), 100000n);
  return {
    ok: true,
    cents,
    apc: rate.apc,
    statusIndicator: rate.statusIndicator,
    nationalCents: rate.paymentRateCents,
    release: data.release.id,
    source: `${data.release.source}; ${rate.location}`,
  };
}

function fail(reason: Extract<OppsPayment, { ok: false }>['reason'], message: string): OppsPayment {
  return { ok: false, reason, message };
}
