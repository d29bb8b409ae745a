/**
 * Who says what a letter states in its own words (the literature of the disease sites cites itself in
 * site-references.json). Each kind of statement is cited to the verified references that say it, and
 * only to them (each reference's `supports`): ASTRO's 2026 code-change article for the three delivery
 * levels, the deleted codes and 77387 as a professional code; ASTRO's payer resource centre and its 2026
 * prior-authorization pages for what eviCore asks and what payers' denials rest on.
 * Statements without a published source cite nothing: the CPT 2026 criteria of 77412, which the sentence
 * names as CPT's (the AMA's licensed descriptor; no public copy of it was verified, site-references.json
 * `ama-amm-2026`); the patient's record (dates, the authorization on file, the payer's notice: enclosed);
 * the payer's own rules as the practice's payer profile records them; and the practice's documentation
 * policy (the seed, stated as the practice's own). A source that could not be verified (`unverified` in
 * site-references.json) is never cited (attribution.test.ts).
 */
export const ATTRIBUTION = {
  /** 77385, 77386 and the delivery G-codes deleted; 77402, 77407 and 77412 from 2026. */
  'codes-replaced-2026': ['astro-code-changes-2026'],
  /** 77387 a professional code only; its technical component bundled into the delivery codes. */
  'igrt-professional-only': ['astro-code-changes-2026'],
  /** eviCore (ASTRO "I Got Denied or Downcoded"): the technology used, or thresholds that would pause the beam. */
  'amm-payer-documentation': ['astro-denied'],
  /** eviCore's five elements for an approval of 77412 with AMM (ASTRO, 21 January 2026). */
  'documentation-elements': ['astro-pa-advocacy-2026'],
  /** ASTRO, 14 January 2026: 77412 denials from anatomic-site readings (not isocenters) and global fraction limits. */
  'payer-misreadings-77412': ['astro-denial-trends-2026'],
  /** ASTRO, 14 January 2026, quoted: "global application of fraction limits" among the grounds of 77412 denials. */
  'fraction-limits-77412': ['astro-denial-trends-2026'],
  /** ASTRO, 14 January 2026, quoted: 77387-26 denials on varying grounds, "inconsistent denial rationales". */
  'igrt-denial-rationales': ['astro-denial-trends-2026'],
  /** ASTRO, 21 January 2026, quoted: UHC's 77387 professional-component denials from an incorrect edit. */
  'igrt-uhc-edit': ['astro-pa-advocacy-2026'],
} as const satisfies Record<string, readonly string[]>;

export type StatementKind = keyof typeof ATTRIBUTION;

/**
 * The statement with the citation markers of its kind before its closing punctuation:
 * `cited('codes-replaced-2026', '… deleted.')` → `… deleted [ref:astro-code-changes-2026].`
 */
export function cited(kind: StatementKind, text: string): string {
  const markers = ATTRIBUTION[kind].map((id) => `[ref:${id}]`).join(' ');
  const end = /[.;:]$/.test(text) ? text.length - 1 : text.length;
  return `${text.slice(0, end)} ${markers}${text.slice(end)}`;
}
