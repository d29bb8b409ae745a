import { describe, expect, it } from 'vitest';
import {
  citeReferences,
  REFERENCE_LIBRARY,
  referenceLibrarySchema,
  siteReferences,
} from './site-references.js';

describe('site references', () => {
  it('the bundled library has prostate and breast (domain.md §8) and the general references', () => {
    expect(siteReferences(REFERENCE_LIBRARY, 'Breast')?.site).toBe('breast');
    expect(siteReferences(REFERENCE_LIBRARY, 'chest wall')?.site).toBe('breast');
    expect(siteReferences(REFERENCE_LIBRARY, 'prostate')?.site).toBe('prostate');
    expect(siteReferences(REFERENCE_LIBRARY, 'lung')).toBeNull();
    const ids = REFERENCE_LIBRARY.references.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['cpt-2026', 'astro-denied', 'darby-2013']));
    expect(REFERENCE_LIBRARY.references.find((r) => r.id === 'darby-2013')?.pmid).toBe('23484825');
  });

  it.each<[string, (lib: typeof REFERENCE_LIBRARY) => void, string]>([
    [
      'an unknown reference in a statement',
      (l) => l.sites[0]!.rationale.push('see [ref:nobody-2020]'),
      'unknown reference nobody-2020',
    ],
    ['a duplicate reference id', (l) => l.references.push({ ...l.references[0]! }), 'duplicate id'],
    ['a region in two sites', (l) => l.sites[1]!.regions.push(l.sites[0]!.regions[0]!), 'is in two sites'],
  ])('rejects %s', (_, edit, message) => {
    const lib = structuredClone(REFERENCE_LIBRARY);
    edit(lib);
    const r = referenceLibrarySchema.safeParse(lib);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message).join('\n')).toContain(message);
  });

  it('citeReferences numbers in order of first use and lists exactly the cited references', () => {
    const r = citeReferences(
      'A [ref:darby-2013] B [ref:cpt-2026] [ref:darby-2013] C [ref:x-1]',
      REFERENCE_LIBRARY,
    );
    expect(r.text).toBe('A [1] B [2] [1] C [ref:x-1]');
    expect(r.references.map((x) => x.id)).toEqual(['darby-2013', 'cpt-2026']);
    expect(r.unknown).toEqual(['x-1']);
  });
});
