import { describe, expect, it } from 'vitest';
import { BundleIndex, type IndexedResource, referenceType } from './bundle-index.js';

const res = (
  resourceType: string,
  id: string | null,
  entry: number,
  fullUrl: string | null,
  extra: Record<string, unknown> = {},
): IndexedResource => ({
  resourceType,
  id,
  entry,
  fullUrl,
  resource: { resourceType, ...(id ? { id } : {}), ...extra },
  contained: false,
});

const BASE = 'https://fhir.example.org/r4';
const patientUrn = res('Patient', null, 0, 'urn:uuid:1111');
const patientRest = res('Patient', 'p1', 1, `${BASE}/Patient/p1`);
const otherServer = res('Patient', 'p1', 2, 'https://other.example.org/Patient/p1');
const noFullUrl = res('Practitioner', 'd1', 3, null);
const holder = res('DocumentReference', 'doc', 4, `${BASE}/DocumentReference/doc`, {
  contained: [{ resourceType: 'Practitioner', id: 'c1' }, { id: 'no-type' }, 'junk'],
});
const urnHolder = res('Procedure', 'fx', 5, 'urn:uuid:2222');

const index = new BundleIndex();
for (const r of [patientUrn, patientRest, otherServer, noFullUrl, holder, urnHolder]) index.add(r);

describe('BundleIndex.resolve', () => {
  it.each([
    ['an urn:uuid fullUrl', 'urn:uuid:1111', holder, 0],
    ['an absolute URL', `${BASE}/Patient/p1`, urnHolder, 1],
    ['an absolute URL with a version', `${BASE}/Patient/p1/_history/3`, urnHolder, 1],
    ['a relative reference against a RESTful fullUrl (same server first)', 'Patient/p1', holder, 1],
    ['a relative reference from an urn entry: by type and id', 'Patient/p1', urnHolder, 1],
    ['a relative reference to an entry without fullUrl', 'Practitioner/d1', holder, 3],
    ['a contained resource', '#c1', holder, 4],
    ['the resource itself', '#', holder, 4],
  ])('%s', (_name, reference, from, entry) => {
    expect(index.resolve(reference, from)?.entry).toBe(entry);
  });

  it('marks a contained target as contained', () => {
    expect(index.resolve('#c1', holder)).toMatchObject({
      resourceType: 'Practitioner',
      id: 'c1',
      contained: true,
    });
  });

  it.each([
    ['an unknown urn', 'urn:uuid:9999', holder],
    ['an absolute URL not in the bundle', `${BASE}/Patient/p2`, holder],
    ['a conditional reference', 'Patient?identifier=SYN00417', holder],
    ['a contained id that is not there', '#c2', holder],
    ['a contained item without resourceType', '#no-type', holder],
    ['contained, from a resource with none', '#c1', urnHolder],
    ['malformed', 'Patient/', holder],
    ['empty', '', holder],
  ])('does not resolve %s', (_name, reference, from) => {
    expect(index.resolve(reference, from)).toBeNull();
  });

  it('reports a repeated fullUrl and keeps the first', () => {
    const i = new BundleIndex();
    expect(i.add(res('Patient', 'a', 0, 'urn:uuid:x'))).toBeNull();
    expect(i.add(res('Patient', 'b', 1, 'urn:uuid:x'))?.entry).toBe(0);
    expect(i.resolve('urn:uuid:x', noFullUrl)?.id).toBe('a');
  });
});

describe('referenceType', () => {
  it.each([
    ['Patient/p1', 'Patient'],
    ['Patient/p1/_history/2', 'Patient'],
    [`${BASE}/Practitioner/d1`, 'Practitioner'],
    ['urn:uuid:1111', null],
    ['#c1', null],
    ['Patient?identifier=x', null],
  ])('%s → %s', (reference, type) => {
    expect(referenceType(reference)).toBe(type);
  });
});
