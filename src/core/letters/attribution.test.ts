import { describe, expect, it } from 'vitest';
import { ATTRIBUTION, cited, type StatementKind } from './attribution.js';
import { REFERENCE_LIBRARY } from './site-references.js';

/**
 * The statement kinds ASTRO's 2026 code-change article says (the three delivery levels, the deleted codes
 * and 77387 as a professional code). Everything else a letter states (the 77412 criteria, CPT's own and
 * uncited; what eviCore asks, what payers' denials rest on, the practice's own policy of monitoring,
 * pausing and signing, the carry-forward of an authorization) is never cited to it.
 */
const ARTICLE_SAYS: readonly StatementKind[] = ['codes-replaced-2026', 'igrt-professional-only'];

describe('attribution: each statement kind cites the verified sources that say it', () => {
  it.each(Object.keys(ATTRIBUTION).map((k) => [k as StatementKind]))('%s', (kind) => {
    const sources: readonly string[] = ATTRIBUTION[kind];
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.includes('astro-code-changes-2026'), 'the code-change article only for what it says').toBe(
      ARTICLE_SAYS.includes(kind),
    );
  });

  it.each<[StatementKind, string[]]>([
    ['amm-payer-documentation', ['astro-denied']],
    ['documentation-elements', ['astro-pa-advocacy-2026']],
    ['payer-misreadings-77412', ['astro-denial-trends-2026']],
    ['igrt-denial-rationales', ['astro-denial-trends-2026']],
    ['igrt-uhc-edit', ['astro-pa-advocacy-2026']],
    ['igrt-professional-only', ['astro-code-changes-2026']],
  ])('%s is cited to %j', (kind, sources) => {
    expect(ATTRIBUTION[kind]).toEqual(sources);
  });

  // A guideline is cited or named by a site as the guideline the practice follows (`guideline`).
  it('every cited id is a verified reference, none is unverified, and every reference is cited or named', () => {
    const ids = REFERENCE_LIBRARY.references.map((r) => r.id);
    const unverified = REFERENCE_LIBRARY.unverified.map((u) => u.id);
    const attributed = new Set<string>(Object.values(ATTRIBUTION).flat());
    for (const id of attributed) {
      expect(ids, id).toContain(id);
      expect(unverified, id).not.toContain(id);
    }
    const sites = JSON.stringify(REFERENCE_LIBRARY.sites);
    const named = new Set(REFERENCE_LIBRARY.sites.map((s) => s.guideline));
    for (const id of ids)
      expect(attributed.has(id) || sites.includes(`[ref:${id}]`) || named.has(id), id).toBe(true);
  });

  it('the sources that could not be verified stay listed as such (README "Sources not cited")', () => {
    expect(REFERENCE_LIBRARY.unverified.map((u) => u.id)).toEqual(
      expect.arrayContaining([
        'ama-amm-2026',
        'astro-amm-2026',
        'rbs-sgrt-billing-2026',
        'ncci-ptp-2026',
        'mpfs-2026',
      ]),
    );
  });

  it('cited() puts the markers before the closing punctuation', () => {
    expect(cited('payer-misreadings-77412', 'Fraction limits.')).toBe(
      'Fraction limits [ref:astro-denial-trends-2026].',
    );
    expect(cited('codes-replaced-2026', 'G-codes deleted')).toBe(
      'G-codes deleted [ref:astro-code-changes-2026]',
    );
  });
});
