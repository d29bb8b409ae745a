import { DELIVERY_CODES } from '../../core/model/billing-line.js';
import { expectedMpfsPayment, type MpfsData } from '../../core/rates/mpfs-payment.js';
import { expectedOppsPayment, type OppsData } from '../../core/rates/opps-payment.js';
import { expectedCents, type RateTable, settingFor } from '../../core/rates/rate-table.js';
import type { ExpectedPayment } from '../../core/remit/remit-line.js';

/** One contract rate of the practice: what a payer pays per unit of a code from a date. */
export interface ContractRate {
  id: string;
  payer: string;
  code: string;
  /** `''`, `26` (professional) or `TC` (technical). */
  modifier: string;
  cents: number;
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** Everything "what should this line pay" needs for one practice, loaded once (reference-store.ts). */
export interface PracticeRates {
  /** The practice's Medicare locality, when set. */
  locality: { carrier: string; locality: string } | null;
  mpfs: readonly MpfsData[];
  opps: readonly OppsData[];
  /** The bundled national table (seed-2026): the last resort. */
  national: RateTable;
  contracts: readonly ContractRate[];
}

export interface RateQuery {
  /** Names the payer may go by (the course's payer name, its profile, the 835's payer name or id). */
  payers: readonly (string | null | undefined)[];
  code: string;
  modifiers: readonly string[];
  placeOfService: string;
  dateOfService: string;
}

export type RateBasis = 'contract' | 'medicare' | 'national';

/** A per-unit amount with where it comes from (`label` is what the UI shows). */
export interface RateAnswer {
  cents: number;
  basis: RateBasis;
  /** `contract (UHC)`, `medicare locality 99901-01 (RVU26A)`, `medicare OPPS (OPPS26A)`, `national table (seed-2026)`. */
  label: string;
}

/** The contract modifier of a line: `26`, `TC` or `''` (global). */
export function contractModifier(modifiers: readonly string[]): string {
  const m = modifiers.map((x) => x.toUpperCase());
  return m.includes('26') ? '26' : m.includes('TC') ? 'TC' : '';
}

export const samePayer = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The contract rate of the payer for the code and modifier on the date of service (the latest one in
 * force when several overlap), else null.
 */
export function contractRate(rates: PracticeRates, q: RateQuery): ContractRate | null {
  const names = q.payers.filter((p): p is string => !!p);
  const modifier = contractModifier(q.modifiers);
  let best: ContractRate | null = null;
  for (const c of rates.contracts) {
    if (c.code !== q.code || c.modifier !== modifier) continue;
    if (c.effectiveFrom > q.dateOfService) continue;
    if (c.effectiveTo !== null && c.effectiveTo < q.dateOfService) continue;
    if (!names.some((n) => samePayer(n, c.payer))) continue;
    if (!best || c.effectiveFrom >= best.effectiveFrom) best = c;
  }
  return best;
}

/**
 * The Medicare amount per unit: locality-adjusted from the CMS release in force on the date of service
 * (MPFS for POS 11 and professional lines, OPPS Addendum B for hospital technical lines: rate-table.ts
 * settingFor), else the bundled national table.
 */
export function medicareRate(rates: PracticeRates, q: RateQuery): RateAnswer | null {
  const professional = q.modifiers.includes('26');
  if (settingFor(q.placeOfService, professional) === 'MPFS') {
    if (rates.locality) {
      const p = expectedMpfsPayment(rates.mpfs, { ...q, code: q.code, ...rates.locality });
      if (p.ok) {
        return {
          cents: p.cents,
          basis: 'medicare',
          label: `medicare locality ${rates.locality.carrier}-${rates.locality.locality} (${p.release})`,
        };
      }
    }
  } else {
    const p = expectedOppsPayment(rates.opps, q);
    if (p.ok) return { cents: p.cents, basis: 'medicare', label: `medicare OPPS (${p.release})` };
  }
  const national = expectedCents(rates.national, q.placeOfService, q.code, q.modifiers);
  return national === null
    ? null
    : { cents: national, basis: 'national', label: `national table (${rates.national.id})` };
}

/**
 * What a line should pay per unit (domain.md §2, "never trust a single number"): the payer's contract
 * rate in force > the Medicare amount of the practice's locality from the stored CMS release > the
 * bundled national table. Null when none has the code.
 */
export function expectedRate(rates: PracticeRates, q: RateQuery): RateAnswer | null {
  const contract = contractRate(rates, q);
  if (contract) return { cents: contract.cents, basis: 'contract', label: `contract (${contract.payer})` };
  return medicareRate(rates, q);
}

/**
 * The remittance expectation of a line (units × per unit), the Medicare amount beside a contract, and
 * what the next lower delivery level pays (77412 → 77407, 77407 → 77402) on the same basis.
 */
export function expectedPayment(
  rates: PracticeRates,
  q: RateQuery,
  units: number,
): ExpectedPayment & { label: string | null } {
  const times = (a: RateAnswer | null) => (a === null ? null : a.cents * units);
  const answer = expectedRate(rates, q);
  const level = (DELIVERY_CODES as readonly string[]).indexOf(q.code);
  return {
    cents: times(answer),
    basis: answer === null ? null : answer.basis === 'contract' ? 'contract' : 'medicare',
    medicareCents: times(answer?.basis === 'contract' ? medicareRate(rates, q) : answer),
    lowerLevelCents:
      level > 0 ? times(expectedRate(rates, { ...q, code: DELIVERY_CODES[level - 1]! })) : null,
    label: answer?.label ?? null,
  };
}
