import { z } from 'zod';
import data from './site-references.json' with { type: 'json' };
import { payerProfileSchema } from '../payers/payer-profile.js';
import type { LetterReference } from './letter-types.js';

/**
 * The references letters cite: guideline and literature per disease site (domain.md §8, from the seed's
 * "VisionRT resources") and the sources of the letters' own statements (CPT 2026 as ASTRO summarises it,
 * ASTRO's payer guidance; which statement cites which is `attribution.ts`). Statements cite references
 * with `[ref:<id>]` markers; `citeReferences` numbers them [1], [2]… in order of first use. Adding a site
 * is adding an entry to site-references.json (see README.md in this folder). Every reference is checked
 * against the publisher's record (`verified`) and printed in one style, AMA 11th edition; sources the
 * record cannot confirm are listed `unverified` and cannot be cited.
 */
const REF_MARKER = /\[ref:([a-z0-9-]+)\]/g;

const statements = z.array(z.string().min(1));
const isoDate = z.iso.date();
/** The publisher's record checked for an entry, when, and what it did or did not show. */
const verifiedSchema = z
  .object({ source: z.url(), on: isoDate, note: z.string().min(1).optional() })
  .strict();
const entry = {
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** What the source says that the letters rely on: a statement citing it stays within this. */
  supports: z.string().min(1),
  verified: verifiedSchema,
};
/** Authors as the publisher lists them ("Darby SC"); the printed citation shortens them (AMA style). */
const authors = z.array(z.string().min(1)).min(1);
const articleSchema = z
  .object({
    ...entry,
    kind: z.literal('article'),
    authors,
    /** The exact published title. */
    title: z.string().min(1),
    /** NLM abbreviation (N Engl J Med). */
    journal: z.string().min(1),
    year: z.number().int().min(1900).max(2100),
    volume: z.string().min(1).optional(),
    issue: z.string().min(1).optional(),
    pages: z.string().min(1).optional(),
    doi: z.string().regex(/^10\.\d{4,9}\/\S+$/),
    pmid: z
      .string()
      .regex(/^\d{1,9}$/)
      .optional(),
  })
  .strict();
const webSchema = z
  .object({
    ...entry,
    kind: z.literal('web'),
    organization: z.string().min(1),
    authors: authors.optional(),
    title: z.string().min(1),
    /** The website or periodical (ASTROnews). */
    container: z.string().min(1).optional(),
    /** As the page dates itself ("January 14, 2026", "Winter 2026"). */
    date: z.string().min(1).optional(),
    url: z.url(),
  })
  .strict();
/**
 * A versioned guideline (NCCN): its version is the one the practice follows, from the practice's
 * settings, never a version written here (the seed's "Version XX.2026" is a placeholder).
 */
const guidelineSchema = z
  .object({
    ...entry,
    kind: z.literal('guideline'),
    organization: z.string().min(1),
    abbreviation: z.string().min(1),
    title: z.string().min(1),
    section: z.string().min(1).optional(),
    url: z.url().optional(),
    /**
     * Whether the wording a letter would attribute to the guideline was checked against the publisher's
     * text of a version (`checked`), or only the guideline's title and section were (`not-checked`: its
     * text is licensed to the practice and no copy was found): a statement may cite only a checked one.
     */
    wording: z.enum(['checked', 'not-checked']),
  })
  .strict();
const referenceSchema = z.discriminatedUnion('kind', [articleSchema, webSchema, guidelineSchema]);
/** A source the seed names whose record could not be checked: listed for the next check, never cited. */
const unverifiedSchema = z
  .object({ id: z.string().regex(/^[a-z0-9-]+$/), seed: z.string().min(1), reason: z.string().min(1) })
  .strict();
const siteSchema = z
  .object({
    site: z.string().min(1),
    /** Course `site.region` values (lower case) this entry covers. */
    regions: z.array(z.string().min(1)).min(1),
    rationale: statements,
    /**
     * The guideline the practice follows for the site (a guideline entry's id): named in the letter with
     * the version the practice sets, and only then; it attributes no statement to the guideline.
     */
    guideline: z.string().min(1).optional(),
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
    unverified: z.array(unverifiedSchema),
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
    const unverified = new Set(lib.unverified.map((u) => u.id));
    const unchecked = new Set(lib.references.filter(wordingNotChecked).map((r) => r.id));
    const check = (texts: readonly string[], path: (string | number)[]) =>
      texts.forEach((text, i) => {
        for (const m of text.matchAll(REF_MARKER))
          if (unverified.has(m[1]!))
            ctx.addIssue({ code: 'custom', path: [...path, i], message: `unverified reference ${m[1]}` });
          else if (unchecked.has(m[1]!))
            ctx.addIssue({
              code: 'custom',
              path: [...path, i],
              message: `guideline ${m[1]} whose wording was not checked`,
            });
          else if (!ids.has(m[1]!))
            ctx.addIssue({ code: 'custom', path: [...path, i], message: `unknown reference ${m[1]}` });
      });
    const guidelines = new Set(lib.references.filter((r) => r.kind === 'guideline').map((r) => r.id));
    const regions = new Set<string>();
    lib.sites.forEach((s, i) => {
      check(s.rationale, ['sites', i, 'rationale']);
      check(
        s.policyPoints.map((p) => p.text),
        ['sites', i, 'policyPoints'],
      );
      for (const [side, texts] of Object.entries(s.byLaterality ?? {}))
        check(texts, ['sites', i, 'byLaterality', side]);
      if (s.guideline !== undefined && !guidelines.has(s.guideline))
        ctx.addIssue({
          code: 'custom',
          path: ['sites', i, 'guideline'],
          message: `no guideline ${s.guideline}`,
        });
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

/** A guideline whose wording was not checked against the publisher's text: never cited by a statement. */
function wordingNotChecked(r: z.infer<typeof referenceSchema>): boolean {
  return r.kind === 'guideline' && r.wording === 'not-checked';
}

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
 * A guideline version as a practice states it ("5.2026"): starts with a digit, so the seed's placeholder
 * "XX.2026" is never accepted, let alone printed.
 */
export const GUIDELINE_VERSION = /^[0-9][0-9A-Za-z.-]{0,19}$/;

/** The versions of the guidelines the practice follows, by reference id (`nccn-prostate` → `5.2026`). */
export type GuidelineVersions = Readonly<Record<string, string>>;

type Reference = ReferenceLibrary['references'][number];
type Guideline = Extract<Reference, { kind: 'guideline' }>;

/**
 * Replaces `[ref:<id>]` markers with [1], [2]… in order of first use and returns the cited references
 * in that order: every reference cited appears in the list and every listed reference is cited.
 * Adjacent citations read `[1] [2]`. Unknown ids are returned for the caller to report, and so are the
 * cited guidelines the practice has given no version for (they are cited without one).
 */
export function citeReferences(
  text: string,
  library: ReferenceLibrary,
  versions: GuidelineVersions = {},
  letterDate?: string,
): {
  text: string;
  references: LetterReference[];
  unknown: string[];
  unversioned: Guideline[];
  unchecked: string[];
} {
  const byId = new Map(library.references.map((r) => [r.id, r]));
  const order = new Map<string, number>();
  const unknown: string[] = [];
  const unchecked: string[] = [];
  const out = text.replace(REF_MARKER, (marker, id: string) => {
    const r = byId.get(id);
    if (!r || wordingNotChecked(r)) {
      const list = r ? unchecked : unknown;
      if (!list.includes(id)) list.push(id);
      return marker;
    }
    if (!order.has(id)) order.set(id, order.size + 1);
    return `[${order.get(id)}]`;
  });
  const cited = [...order.keys()].map((id) => byId.get(id)!);
  return {
    text: out,
    references: cited.map((r) => toReference(r, versionOf(r, versions), letterDate)),
    unknown,
    unchecked,
    unversioned: cited.filter((r): r is Guideline => r.kind === 'guideline' && !versionOf(r, versions)),
  };
}

/**
 * The guideline the practice follows for a site, named with the version it sets ("The practice follows
 * … Version 2.2026."); nothing without a version. It attributes no statement to the guideline.
 */
export function practiceGuideline(
  library: ReferenceLibrary,
  site: SiteReferences | null,
  versions: GuidelineVersions = {},
): string[] {
  const g = library.references.find((r) => r.kind === 'guideline' && r.id === site?.guideline);
  const version = g ? versionOf(g, versions) : null;
  return g && version ? [`The practice follows the ${g.title}, Version ${version}.`] : [];
}

/** The drafting warning for a guideline cited without the practice's version. */
export function guidelineVersionWarning(g: Guideline): string {
  return `Set the ${g.abbreviation} guideline version the practice follows: ${g.title} is cited without a version (billing settings, guidelineVersions.${g.id}).`;
}

const versionOf = (r: Reference, versions: GuidelineVersions): string | null => {
  const v = r.kind === 'guideline' ? versions[r.id]?.trim() : undefined;
  return v && GUIDELINE_VERSION.test(v) ? v : null;
};

function toReference(r: Reference, version: string | null, letterDate?: string): LetterReference {
  return {
    id: r.id,
    citation: citation(r, version, letterDate),
    ...(r.kind === 'article' ? { doi: r.doi } : {}),
    ...(r.kind === 'article' && r.pmid ? { pmid: r.pmid } : {}),
    ...(r.kind !== 'article' && r.url ? { url: r.url } : {}),
  };
}

/**
 * One citation style, AMA (11th edition): up to 6 authors listed, more are the first 3 and "et al";
 * journal titles abbreviated as NLM does; titles as published; web pages with the date they were
 * accessed (the day the entry was checked), unless that day is after the letter's date (a letter
 * never cites a reading from its future). The DOI, PMID and URL follow (letter-blocks.ts).
 */
export function citation(r: Reference, version: string | null = null, letterDate?: string): string {
  const parts: string[] = [];
  if (r.kind === 'article') {
    const where = `${r.volume ?? ''}${r.issue ? `(${r.issue})` : ''}${r.pages ? `:${r.pages}` : ''}`;
    parts.push(authorList(r.authors), r.title, r.journal, `${r.year}${where ? `;${where}` : ''}`);
  } else if (r.kind === 'web') {
    parts.push(r.authors ? authorList(r.authors) : r.organization, r.title);
    if (r.container) parts.push(r.container);
    if (r.authors) parts.push(r.organization);
    if (r.date) parts.push(`Published ${r.date}`);
    if (letterDate === undefined || r.verified.on <= letterDate)
      parts.push(`Accessed ${longDate(r.verified.on)}`);
  } else {
    parts.push(r.organization, r.title);
    if (version) parts.push(`Version ${version}`);
    if (r.section) parts.push(r.section);
  }
  return parts.map((p) => (/[.?!]$/.test(p) ? p : `${p}.`)).join(' ');
}

const authorList = (names: readonly string[]) =>
  names.length > 6 ? `${names.slice(0, 3).join(', ')}, et al` : names.join(', ');

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const longDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS[m! - 1]} ${d}, ${y}`;
};
