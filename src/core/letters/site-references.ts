import { z } from 'zod';
import data from './site-references.json' with { type: 'json' };
import { payerProfileSchema } from '../payers/payer-profile.js';
import type { LetterReference } from './letter-types.js';

/**
 * The references letters cite: guideline and literature per disease site (domain.md §8, from the seed's
 * "VisionRT resources") and the sources of the letters' own statements (CPT 2026, the AMA and ASTRO
 * definitions, the practice's policy, CMS, ASTRO's payer guidance; which statement cites which is
 * `attribution.ts`). Statements cite references with `[ref:<id>]` markers; `citeReferences` numbers them
 * [1], [2]… in order of first use. Adding a site is adding an entry to site-references.json (see
 * README.md in this folder).
 */
const REF_MARKER = /\[ref:([a-z0-9-]+)\]/g;

const statements = z.array(z.string().min(1));
const referenceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    citation: z.string().min(1),
    doi: z.string().optional(),
    pmid: z.string().optional(),
    url: z.url().optional(),
  })
  .strict();
const siteSchema = z
  .object({
    site: z.string().min(1),
    /** Course `site.region` values (lower case) this entry covers. */
    regions: z.array(z.string().min(1)).min(1),
    rationale: statements,
    byLaterality: z
      .object({ left: statements, right: statements, bilateral: statements })
      .partial()
      .strict()
      .optional(),
    /**
     * Payer policy points for the site; with `payerCriteria`, only for payers whose profile applies those
     * criteria (e.g. eviCore's breast guidance) and only when the course meets them.
     */
    policyPoints: z.array(
      z
        .object({
          text: z.string().min(1),
          payerCriteria: payerProfileSchema.shape.amm77412Criteria.optional(),
        })
        .strict(),
    ),
  })
  .strict();
export const referenceLibrarySchema = z
  .object({
    references: z.array(referenceSchema),
    sites: z.array(siteSchema),
  })
  .strict()
  .superRefine((lib, ctx) => {
    const ids = new Set<string>();
    lib.references.forEach((r, i) => {
      if (ids.has(r.id))
        ctx.addIssue({ code: 'custom', path: ['references', i, 'id'], message: 'duplicate id' });
      ids.add(r.id);
    });
    const check = (texts: readonly string[], path: (string | number)[]) =>
      texts.forEach((text, i) => {
        for (const m of text.matchAll(REF_MARKER))
          if (!ids.has(m[1]!))
            ctx.addIssue({ code: 'custom', path: [...path, i], message: `unknown reference ${m[1]}` });
      });
    const regions = new Set<string>();
    lib.sites.forEach((s, i) => {
      check(s.rationale, ['sites', i, 'rationale']);
      check(
        s.policyPoints.map((p) => p.text),
        ['sites', i, 'policyPoints'],
      );
      for (const [side, texts] of Object.entries(s.byLaterality ?? {}))
        check(texts, ['sites', i, 'byLaterality', side]);
      for (const r of s.regions) {
        if (regions.has(r))
          ctx.addIssue({
            code: 'custom',
            path: ['sites', i, 'regions'],
            message: `region ${r} is in two sites`,
          });
        regions.add(r);
      }
    });
  });

export type ReferenceLibrary = z.infer<typeof referenceLibrarySchema>;
export type SiteReferences = ReferenceLibrary['sites'][number];

/** The bundled library (validated when loaded: a bad entry fails the tests, not a letter). */
export const REFERENCE_LIBRARY: ReferenceLibrary = referenceLibrarySchema.parse(data);

/** The entry for a course's anatomic site, or null when the library has none (the letter then cites the general references only). */
export function siteReferences(library: ReferenceLibrary, region: string): SiteReferences | null {
  const key = region.trim().toLowerCase();
  return library.sites.find((s) => s.regions.includes(key)) ?? null;
}

/**
 * Replaces `[ref:<id>]` markers with [1], [2]… in order of first use and returns the cited references
 * in that order: every reference cited appears in the list and every listed reference is cited.
 * Adjacent citations read `[1] [2]`. Unknown ids are returned for the caller to report.
 */
export function citeReferences(
  text: string,
  library: ReferenceLibrary,
): { text: string; references: LetterReference[]; unknown: string[] } {
  const byId = new Map(library.references.map((r) => [r.id, r]));
  const order = new Map<string, number>();
  const unknown: string[] = [];
  const out = text.replace(REF_MARKER, (marker, id: string) => {
    if (!byId.has(id)) {
      if (!unknown.includes(id)) unknown.push(id);
      return marker;
    }
    if (!order.has(id)) order.set(id, order.size + 1);
    return `[${order.get(id)}]`;
  });
  return { text: out, references: [...order.keys()].map((id) => toReference(byId.get(id)!)), unknown };
}

function toReference(r: ReferenceLibrary['references'][number]): LetterReference {
  return {
    id: r.id,
    citation: r.citation,
    ...(r.doi ? { doi: r.doi } : {}),
    ...(r.pmid ? { pmid: r.pmid } : {}),
    ...(r.url ? { url: r.url } : {}),
  };
}
