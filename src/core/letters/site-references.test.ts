import { describe, expect, it } from 'vitest';
import {
  citation,
  citeReferences,
  guidelineVersionWarning,
  practiceGuideline,
  REFERENCE_LIBRARY,
  referenceLibrarySchema,
  siteReferences,
} from './site-references.js';

type Library = typeof REFERENCE_LIBRARY;
const byId = (id: string) => REFERENCE_LIBRARY.references.find((r) => r.id === id)!;

describe('site references', () => {
  it('the bundled library has prostate and breast (domain.md §8) and the general references', () => {
    expect(siteReferences(REFERENCE_LIBRARY, 'Breast')?.site).toBe('breast');
    expect(siteReferences(REFERENCE_LIBRARY, 'chest wall')?.site).toBe('breast');
    expect(siteReferences(REFERENCE_LIBRARY, 'prostate')?.site).toBe('prostate');
    expect(siteReferences(REFERENCE_LIBRARY, 'lung')).toBeNull();
    const ids = REFERENCE_LIBRARY.references.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['astro-code-changes-2026', 'astro-denied', 'darby-2013']));
  });

  // A guideline's text is never the treating physician's: the NCCN wording is not checked against the
  // publisher's text (`wording: not-checked`), so it is neither cited to NCCN nor printed as the
  // physician's rationale; the physician's own words are the course's necessity statement, quoted.
  it.each(REFERENCE_LIBRARY.sites.map((s) => [s.site, s] as const))(
    '%s: no statement speaks for the physician or repeats the guideline sentences of the seed',
    (_, site) => {
      const text = [...site.rationale, ...Object.values(site.byLaterality ?? {}).flat()].join(' ');
      expect(text).not.toMatch(/physician/i);
      expect(text).not.toMatch(
        /treatment-related toxicity|intrafraction (volumetric )?tracking|individuali[sz]|respiratory control/i,
      );
    },
  );

  // Each entry complete and checked against the publisher's record (README.md "Adding a reference").
  it.each(REFERENCE_LIBRARY.references.map((r) => [r.id, r] as const))(
    '%s has its fields and the record it was verified against',
    (_, r) => {
      expect(r.verified.source).toMatch(/^https:\/\//);
      expect(r.verified.on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.supports.length).toBeGreaterThan(20);
      if (r.kind === 'article') {
        expect(r.authors.length).toBeGreaterThan(0);
        for (const a of r.authors) expect(a).toMatch(/^\p{Lu}[\p{L}'-]+( [\p{L}'-]+)* \p{Lu}{1,3}$/u);
        expect(r.title.length).toBeGreaterThan(10);
        expect(r.journal).not.toBe('');
        expect(r.year).toBeGreaterThan(1900);
        expect(r.doi).toMatch(/^10\.\d{4,9}\/\S+$/);
      } else expect(r.organization).not.toBe('');
    },
  );

  it('no citation or statement prints a version of its own (the seed has the placeholder "XX.2026")', () => {
    const printed =
      JSON.stringify(REFERENCE_LIBRARY.sites) + REFERENCE_LIBRARY.references.map((r) => citation(r)).join();
    expect(printed).not.toMatch(/XX|Version/);
  });

  it.each<[string, string, string]>([
    [
      'an article (AMA: more than 6 authors are the first 3 and et al)',
      'darby-2013',
      'Darby SC, Ewertz M, McGale P, et al. Risk of Ischemic Heart Disease in Women after Radiotherapy for Breast Cancer. N Engl J Med. 2013;368(11):987-998.',
    ],
    [
      'an article with up to 6 authors, all listed',
      'rice-2015',
      'Rice L, Harris S, Green MML, Price PM. Deep inspiration breath-hold (DIBH) technique applied in right breast radiotherapy to minimize liver radiation. BJR Case Rep. 2015;1(2):20150038.',
    ],
    [
      'a web page with the day it was checked',
      'astro-denial-trends-2026',
      'American Society for Radiation Oncology. Early 2026 Prior Authorization denial trends. What is happening in Washington. Published January 14, 2026. Accessed December 7, 2026.',
    ],
    [
      'a guideline without the practice version',
      'nccn-prostate',
      'National Comprehensive Cancer Network. NCCN Clinical Practice Guidelines in Oncology (NCCN Guidelines): Prostate Cancer. Principles of Radiation Therapy.',
    ],
  ])('formats %s', (_, id, expected) => {
    expect(citation(byId(id))).toBe(expected);
  });

  it.each<[string, (lib: Library) => void, string]>([
    [
      'an unknown reference in a statement',
      (l) => l.sites[0]!.rationale.push('see [ref:nobody-2020]'),
      'unknown reference nobody-2020',
    ],
    [
      'a statement citing an unverified source',
      (l) => l.sites[1]!.rationale.push('see [ref:ono-2021]'),
      'unverified reference ono-2021',
    ],
    [
      'a statement citing a guideline whose wording was not checked',
      (l) => l.sites[1]!.rationale.push('NCCN says so [ref:nccn-breast]'),
      'guideline nccn-breast whose wording was not checked',
    ],
    [
      'a site naming a guideline that is not in the library',
      (l) => (l.sites[0]!.guideline = 'darby-2013'),
      'no guideline darby-2013',
    ],
    ['a duplicate reference id', (l) => l.references.push({ ...l.references[0]! }), 'duplicate id'],
    ['a region in two sites', (l) => l.sites[1]!.regions.push(l.sites[0]!.regions[0]!), 'is in two sites'],
    [
      'an article without authors',
      (l) =>
        Object.assign(
          l.references.find((r) => r.kind === 'article')!,
          { authors: [] },
        ),
      'Too small',
    ],
    [
      'an article without a DOI',
      (l) => delete (l.references.find((r) => r.kind === 'article') as { doi?: string }).doi,
      'doi',
    ],
    ['an entry not verified', (l) => delete (l.references[0] as { verified?: unknown }).verified, 'verified'],
    [
      'a guideline with its version written in the library',
      (l) =>
        Object.assign(
          l.references.find((r) => r.kind === 'guideline')!,
          { version: 'XX.2026' },
        ),
      'Unrecognized key',
    ],
  ])('rejects %s', (_, edit, message) => {
    const lib = structuredClone(REFERENCE_LIBRARY);
    edit(lib);
    const r = referenceLibrarySchema.safeParse(lib);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('\n')).toContain(message);
  });

  it('citeReferences numbers in order of first use and lists exactly the cited references', () => {
    const r = citeReferences(
      'A [ref:darby-2013] B [ref:astro-code-changes-2026] [ref:darby-2013] C [ref:x-1]',
      REFERENCE_LIBRARY,
    );
    expect(r.text).toBe('A [1] B [2] [1] C [ref:x-1]');
    expect(r.references.map((x) => x.id)).toEqual(['darby-2013', 'astro-code-changes-2026']);
    expect(r.references[0]).toMatchObject({ doi: '10.1056/NEJMoa1209825', pmid: '23484825' });
    expect(r.references[1]?.url).toMatch(/^https:\/\/www\.astro\.org\//);
    expect(r.unknown).toEqual(['x-1']);
    expect(r.unversioned).toEqual([]);
  });

  it.each<[string, string | undefined, boolean]>([
    ['a letter dated after the check: accessed that day', '2026-12-20', true],
    ['a letter dated the day of the check', '2026-12-07', true],
    ['a letter dated before the check (a demo clock): no access date after the letter', '2026-03-20', false],
    ['no letter date', undefined, true],
  ])('a web page: %s', (_, letterDate, accessed) => {
    const r = citeReferences('ASTRO [ref:astro-code-changes-2026]', REFERENCE_LIBRARY, {}, letterDate);
    expect(r.references[0]!.citation.includes('Accessed December 7, 2026.')).toBe(accessed);
  });

  it.each<[string, Record<string, string>, string | null]>([
    ['the version the practice follows is printed', { 'nccn-prostate': '5.2026' }, 'Version 5.2026.'],
    ['no version set: cited without one, and reported', {}, null],
    ['the seed placeholder is never printed', { 'nccn-prostate': 'XX.2026' }, null],
    ['another guideline version does not apply', { 'nccn-breast': '2.2026' }, null],
  ])('a versioned guideline: %s', (_, versions, printed) => {
    const r = citeReferences('NCCN [ref:nccn-prostate]', checkedProstate(), versions);
    const line = r.references[0]!.citation;
    if (printed) {
      expect(line).toContain(`Prostate Cancer. ${printed} Principles of Radiation Therapy.`);
      expect(r.unversioned).toEqual([]);
    } else {
      expect(line).not.toMatch(/Version|XX/);
      expect(r.unversioned.map((g) => g.id)).toEqual(['nccn-prostate']);
      expect(guidelineVersionWarning(r.unversioned[0]!)).toContain(
        'Set the NCCN guideline version the practice follows',
      );
    }
  });

  it('a guideline whose wording was not checked is not cited: its marker is reported', () => {
    const r = citeReferences('NCCN [ref:nccn-breast]', REFERENCE_LIBRARY, { 'nccn-breast': '2.2026' });
    expect(r.text).toBe('NCCN [ref:nccn-breast]');
    expect(r.references).toEqual([]);
    expect(r.unchecked).toEqual(['nccn-breast']);
  });

  it.each<[string, Record<string, string>, string[]]>([
    [
      'the version the practice sets',
      { 'nccn-breast': '2.2026' },
      [
        'The practice follows the NCCN Clinical Practice Guidelines in Oncology (NCCN Guidelines): Invasive Breast Cancer, Version 2.2026.',
      ],
    ],
    ['no version: not named', {}, []],
    ['the seed placeholder: not named', { 'nccn-breast': 'XX.2026' }, []],
  ])('the guideline the practice follows for a site: %s', (_, versions, expected) => {
    const breast = siteReferences(REFERENCE_LIBRARY, 'breast');
    expect(practiceGuideline(REFERENCE_LIBRARY, breast, versions)).toEqual(expected);
  });
});

/** The library with the NCCN prostate wording marked checked (as a practice would after checking it). */
function checkedProstate(): Library {
  const lib = structuredClone(REFERENCE_LIBRARY);
  Object.assign(
    lib.references.find((r) => r.id === 'nccn-prostate')!,
    { wording: 'checked' },
  );
  return lib;
}
