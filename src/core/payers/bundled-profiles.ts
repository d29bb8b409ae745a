import type { PayerProfile } from './payer-profile.js';

/**
 * Payer profiles shipped with the product. Every departure from the CPT criteria cites its source;
 * [U] marks what domain.md calls unconfirmed (kept as data so a practice can change it).
 */
export const BUNDLED_PROFILES: readonly PayerProfile[] = [
  {
    id: 'default',
    name: 'CPT criteria (no payer-specific rules)',
    source: 'CPT 2026 descriptors as summarised in domain.md §2 [seed]; twice-daily per CMS PM A-03-020 [C]',
    igrtModifier26: [{ from: '2026-01-01', rule: 'required' }],
    twiceDaily: 'modifier-76',
    breakHours: 6,
    amm77412Criteria: 'cpt',
    fractionLimits: [],
    documentationElementsRequired: 3,
  },
  {
    id: 'medicare',
    name: 'Medicare (MPFS / OPPS)',
    source: 'CMS PM A-03-020 (distinct sessions as units) [C]; 77387-26 professional only [seed]',
    igrtModifier26: [{ from: '2026-01-01', rule: 'required' }],
    twiceDaily: 'units',
    breakHours: 6,
    amm77412Criteria: 'cpt',
    fractionLimits: [],
    documentationElementsRequired: 3,
  },
  {
    id: 'medicare-advantage',
    name: 'Medicare Advantage plan (Medicare coverage and coding, its own prior authorization)',
    source:
      "42 CFR 422.101: a Medicare Advantage plan covers what traditional Medicare covers, by Medicare's NCDs and LCDs; twice-daily sessions as units as Medicare bills them (CMS PM A-03-020), which a plan's provider manual may change [U]; its prior authorization is the plan's own (42 CFR 422.138) [C]",
    igrtModifier26: [{ from: '2026-01-01', rule: 'required' }],
    twiceDaily: 'units',
    breakHours: 6,
    amm77412Criteria: 'cpt',
    fractionLimits: [],
    documentationElementsRequired: 3,
  },
  {
    id: 'uhc',
    name: 'UnitedHealthcare',
    source:
      'UHC 2026 radiation oncology policy: 77387 requires modifier 26 from 2026-03-01 (ASTRO payer resource centre) [C]',
    igrtModifier26: [
      { from: '2026-01-01', rule: 'either' },
      { from: '2026-03-01', rule: 'required' },
    ],
    twiceDaily: 'modifier-76',
    breakHours: 6,
    amm77412Criteria: 'cpt',
    fractionLimits: [],
    documentationElementsRequired: 4,
  },
  {
    id: 'evicore',
    name: 'Payers managed by eviCore',
    source:
      'eviCore breast guidance for 77412 with AMM and the five documentation elements (ASTRO "I got denied or downcoded", 2026-01-21) [C]',
    igrtModifier26: [{ from: '2026-01-01', rule: 'required' }],
    twiceDaily: 'modifier-76',
    breakHours: 6,
    amm77412Criteria: 'evicore-breast',
    fractionLimits: [],
    documentationElementsRequired: 5,
  },
  {
    id: 'commercial-omit-26',
    name: 'Commercial payer that denies 77387 because of modifier 26',
    source:
      'ASTRO: for payers that deny because of the modifier, resubmit without it [C]; which payers do so is practice data [U]',
    igrtModifier26: [{ from: '2026-01-01', rule: 'omit' }],
    twiceDaily: 'modifier-76',
    breakHours: 6,
    amm77412Criteria: 'cpt',
    fractionLimits: [{ code: '77412', maxFractions: 25 }],
    documentationElementsRequired: 3,
  },
];
