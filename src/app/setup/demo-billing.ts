import { type BillingSettingsInput, RADIATION_ONCOLOGY } from '../claims/billing-settings.js';
import { ALL_PHYSICIANS, PAYERS } from '../demo-data/clinic-model.js';

/**
 * The demo practice's billing settings: synthetic identifiers only (NPIs that pass the check digit
 * but belong to no one, tax id 999999999, made-up submitter, clearinghouse and payer ids), test usage
 * (ISA15 `T`). Charges are billed at 150 % of the expected amount, as the demo remittance assumes, and
 * SBRT (no national amount in the bundled table) at a made-up charge. The NCCN prostate version is the
 * one the seed states (Version 5.2026); the breast one is left unset, as the seed only has a placeholder
 * ("Version XX.2026"): its letters cite the guideline without a version and warn.
 */
export const DEMO_BILLING: BillingSettingsInput = {
  provider: {
    name: 'DEMO RADIATION ONCOLOGY',
    npi: '1999999984',
    taxId: '999999999',
    // Radiation oncology clinic/center [NUCC taxonomy; domain.md §6.2].
    taxonomy: '261QX0203X',
    address: { line1: '1 SYNTHETIC PLAZA', city: 'TESTVILLE', state: 'NY', postalCode: '100010000' },
  },
  submitter: {
    qualifier: 'ZZ',
    id: 'DEMOPRACTICE',
    name: 'DEMO RADIATION ONCOLOGY',
    contact: { name: 'DEMO BILLING OFFICE', phone: '5555550100' },
  },
  receiver: { qualifier: 'ZZ', id: 'SYNCLEARING', name: 'SYNTHETIC CLEARINGHOUSE' },
  // The demo's physicians (synthetic NPIs with a valid check digit), radiation oncologists 2085R0001X.
  physicians: Object.fromEntries(
    ALL_PHYSICIANS.map((p) => [
      p.id,
      {
        lastName: p.family.toUpperCase(),
        firstName: p.given.toUpperCase(),
        npi: p.npi,
        taxonomy: RADIATION_ONCOLOGY,
        credentials: 'MD',
      },
    ]),
  ),
  defaultPeriod: 'month',
  usage: 'T',
  chargePercent: 150,
  // SBRT is not in the bundled rate table: the practice's own charge.
  chargeCents: { '77373': 150_000 },
  guidelineVersions: { 'nccn-prostate': '5.2026' },
  payers: {
    [PAYERS.evicore.profile]: { name: 'EXAMPLE HEALTH PLAN', id: 'SYNEHP01', filingIndicator: 'CI' },
    [PAYERS.uhc.profile]: { name: 'UNITEDHEALTHCARE SYNTHETIC', id: 'SYNUHC01', filingIndicator: 'CI' },
    [PAYERS.medicare.profile]: { name: 'MEDICARE PART B SYNTHETIC', id: 'SYNMCR01', filingIndicator: 'MB' },
    [PAYERS.default.profile]: { name: 'SYNTHETIC COMMERCIAL PPO', id: 'SYNPPO01', filingIndicator: 'CI' },
    // SBR09 16: Health Maintenance Organization (HMO) Medicare Risk, a Medicare Advantage plan (X12 code list 1032).
    [PAYERS.medicareAdvantage.profile]: {
      name: 'SYNTHETIC MEDICARE ADVANTAGE HMO',
      id: 'SYNMAH01',
      filingIndicator: '16',
    },
  },
};
