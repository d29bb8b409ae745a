import { DELIVERY_CODES } from '../model/billing-line.js';
import type { Procedure } from '../model/remittance.js';
import { expectedCents, type RateTable } from '../rates/rate-table.js';
import type { ExpectedPayment } from './remit-line.js';

/**
 * What a line should pay by the rate table (per unit × units) for the procedure as submitted, in the
 * place of service's setting (MPFS for POS 11 and professional lines, OPPS for hospital technical), and
 * what the next lower delivery level pays (77412 → 77407, 77407 → 77402). A contract rate, when the
 * practice has one, replaces the Medicare amount as the expectation.
 */
export function expectedForLine(
  rates: RateTable,
  placeOfService: string,
  submitted: Procedure,
  units: number,
  contractCentsPerUnit: number | null = null,
): ExpectedPayment {
  const times = (cents: number | null) => (cents === null ? null : cents * units);
  const medicare = times(expectedCents(rates, placeOfService, submitted.code, submitted.modifiers));
  const level = (DELIVERY_CODES as readonly string[]).indexOf(submitted.code);
  const lower =
    level > 0
      ? times(expectedCents(rates, placeOfService, DELIVERY_CODES[level - 1]!, submitted.modifiers))
      : null;
  const contract = times(contractCentsPerUnit);
  return {
    cents: contract ?? medicare,
    basis: contract !== null ? 'contract' : medicare !== null ? 'medicare' : null,
    medicareCents: medicare,
    lowerLevelCents: lower,
  };
}
