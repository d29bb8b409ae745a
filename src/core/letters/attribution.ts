/**
 * Who says what a letter states in its own words (the literature of the disease sites cites itself in
 * site-references.json). Each kind of statement is cited to the references that say it, and only to
 * them: CPT 2026 for what its code descriptors say (the levels, what 77412 and 77387 cover, the deleted
 * codes); the AMA and ASTRO definitions for what active motion management is and is not; the practice's
 * documentation policy (the seed's "Documentation requirements" and "Key takeaways") for monitoring
 * throughout beam-on, the pause out of tolerance and the signature before the next beam-on; CMS for the
 * NCCI edits and the fee schedule; ASTRO's payer resource centre and the seed's "Payer problems in 2026"
 * for what payers are doing. Statements of the patient's own record (dates, the authorization on file,
 * the payer's notice) cite no reference: the record is enclosed.
 */
export const ATTRIBUTION = {
  /** 77412 descriptor: multiple isocenters, single isocenter with AMM, total skin electrons, mixed fields. */
  'level-3-criteria': ['cpt-2026'],
  /** The 77412 descriptor counts isocenters (not anatomic sites) per treatment session. */
  'level-by-isocenters': ['cpt-2026'],
  /** 77385, 77386 and G6003–G6016 deleted for 2026 dates of service (CPT 2026, as ASTRO summarises it). */
  'codes-replaced-2026': ['cpt-2026'],
  /** AMA and ASTRO: intra-fraction localization and tracking; surface guidance gates on the body surface. */
  'amm-definition': ['ama-amm-2026', 'astro-amm-2026'],
  /** AMA ("not for patient set-up") and ASTRO ("set up prior to treatment delivery alone does not qualify"). */
  'amm-not-setup': ['ama-amm-2026', 'astro-amm-2026'],
  /** Seed, documentation requirements and key takeaways: order, necessity, monitoring, pause, signature. */
  'amm-practice-criteria': ['rbs-sgrt-billing-2026'],
  /** ASTRO "I got denied or downcoded": eviCore's five documentation elements. */
  'documentation-elements': ['astro-denied'],
  /** ASTRO: 2026 denials limiting 77412 to multiple anatomic sites and applying blanket fraction limits. */
  'payer-misreadings-77412': ['astro-denied'],
  /** MPFS 2026 (PC/TC) and ASTRO: only the technical part of image guidance is bundled in 2026. */
  'igrt-professional-payable-medicare': ['mpfs-2026', 'astro-denied'],
  /** Seed, additional notes: no NCCI PTP edit between 77387 and the plan codes on the MPFS side. */
  'igrt-no-ncci-edit': ['ncci-ptp-2026'],
  /** Seed and MPFS 2026: 77387-26 has a national payment of its own. */
  'igrt-mpfs-payment': ['mpfs-2026'],
  /** ASTRO payer resource centre: payers' modifier-26 rules for 77387 (UHC requires it from 1 March 2026). */
  'igrt-modifier-rule': ['astro-denied'],
  /** Seed, payer problems in 2026: zero payments of 77402–77412 in freestanding settings. */
  'zero-payment-pattern': ['rbs-sgrt-billing-2026'],
  /** Seed, payer problems in 2026: 2026 claims denied on 2025 grandfathered authorizations. */
  'grandfathered-denials': ['rbs-sgrt-billing-2026'],
} as const satisfies Record<string, readonly string[]>;

export type StatementKind = keyof typeof ATTRIBUTION;

/**
 * The statement with the citation markers of its kind before its closing punctuation:
 * `cited('level-3-criteria', 'CPT … fields.')` → `CPT … fields [ref:cpt-2026].`
 */
export function cited(kind: StatementKind, text: string): string {
  const markers = ATTRIBUTION[kind].map((id) => `[ref:${id}]`).join(' ');
  const end = /[.;:]$/.test(text) ? text.length - 1 : text.length;
  return `${text.slice(0, end)} ${markers}${text.slice(end)}`;
}
