import { describe, expect, it } from 'vitest';
import { ATTRIBUTION, cited, type StatementKind } from './attribution.js';
import { REFERENCE_LIBRARY } from './site-references.js';

/**
 * The statement kinds CPT 2026 itself says: its code descriptors (the levels, 77412's four ways, 77387,
 * the deleted codes). Everything else a letter states (what active motion management is, the pause out
 * of tolerance, monitoring throughout beam-on, the signature before the next beam-on, the payers'
 * behaviour, the carry-forward of an authorization) comes from another source and is never cited to CPT.
 */
const CPT_SAYS: readonly StatementKind[] = ['level-3-criteria', 'level-by-isocenters', 'codes-replaced-2026'];

describe('attribution: each statement kind cites the sources that say it', () => {
  it.each(Object.keys(ATTRIBUTION).map((k) => [k as StatementKind]))('%s', (kind) => {
    const sources: readonly string[] = ATTRIBUTION[kind];
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.includes('cpt-2026'), 'CPT only for what its descriptors say').toBe(
      CPT_SAYS.includes(kind),
    );
  });

  it.each<[StatementKind, string[]]>([
    ['amm-definition', ['ama-amm-2026', 'astro-amm-2026']],
    ['amm-not-setup', ['ama-amm-2026', 'astro-amm-2026']],
    ['amm-practice-criteria', ['rbs-sgrt-billing-2026']],
    ['igrt-no-ncci-edit', ['ncci-ptp-2026']],
    ['igrt-mpfs-payment', ['mpfs-2026']],
    ['grandfathered-denials', ['rbs-sgrt-billing-2026']],
  ])('%s is cited to %j', (kind, sources) => {
    expect(ATTRIBUTION[kind]).toEqual(sources);
  });

  it('every cited id is in the reference list, and every listed reference is cited', () => {
    const ids = REFERENCE_LIBRARY.references.map((r) => r.id);
    const attributed = new Set<string>(Object.values(ATTRIBUTION).flat());
    for (const id of attributed) expect(ids, id).toContain(id);
    const sites = JSON.stringify(REFERENCE_LIBRARY.sites);
    for (const id of ids) expect(attributed.has(id) || sites.includes(`[ref:${id}]`), id).toBe(true);
  });

  it('cited() puts the markers before the closing punctuation', () => {
    expect(cited('amm-practice-criteria', 'Paused out of tolerance.')).toBe(
      'Paused out of tolerance [ref:rbs-sgrt-billing-2026].',
    );
    expect(cited('level-3-criteria', 'CPT 77412')).toBe('CPT 77412 [ref:cpt-2026]');
  });
});
