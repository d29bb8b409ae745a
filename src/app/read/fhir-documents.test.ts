import { describe, expect, it } from 'vitest';
import { readFhirBundle } from '../../formats/fhir/read-fhir-bundle.js';
import { documentKind, fhirDocuments, reviewedModality } from './fhir-documents.js';

describe('reviewedModality: the imaging an image review names in its type, description or text', () => {
  it.each<[string, string | undefined]>([
    ['Fraction 3: kV images reviewed.', 'kV'],
    ['Fraction 1: cone-beam CT reviewed.', 'CBCT'],
    ['kV CBCT matched to the planning CT', 'CBCT'],
    ['MV portal image approved', 'MV'],
    ['EPID review', 'MV'],
    ['SGRT surface imaging reviewed', 'surface'],
    // Nothing named, or two different imagings named: unknown, never a guess.
    ['IGRT review\nFraction 2: image guidance reviewed.', undefined],
    ['kV and MV images reviewed', undefined],
  ])('%j → %s', (text, modality) => {
    expect(reviewedModality(text)).toBe(modality);
  });
});

// The document type says what a DocumentReference is; its description is free text (FHIR R4
// DocumentReference.type "Kind of document"; .description "Human-readable description").
describe('documentKind: the type first, the description last; an SGRT record is never an image review', () => {
  it.each<[string, string, string | null]>([
    ['SGRT record', 'Physician review of the AlignRT surface guidance session', 'sgrt-record'],
    ['IGRT review', 'Fraction 2, DIBH patient', 'igrt-review'],
    ['Image review', '', 'igrt-review'],
    ['Medical necessity', 'SGRT rationale', 'necessity-note'],
    ['Clinical note', 'AlignRT monitoring', 'sgrt-record'],
    ['Clinical note', 'CBCT reviewed', 'igrt-review'],
    ['Clinical note', 'Follow-up visit', null],
  ])('%j / %j → %s', (type, description, kind) => {
    expect(documentKind(type, description)).toBe(kind);
  });
});

describe('the signer of a FHIR document is known by its practice id', () => {
  /** A bundle with one Practitioner (these identifiers) who authenticates one SGRT record. */
  const bundle = (identifier: { system?: string; value: string }[]) => {
    const read = readFhirBundle(
      JSON.stringify({
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          {
            fullUrl: 'urn:uuid:prac-1',
            resource: { resourceType: 'Practitioner', id: 'prac-1', identifier },
          },
          {
            fullUrl: 'urn:uuid:pat-1',
            resource: { resourceType: 'Patient', id: 'pat-1', identifier: [{ value: 'P1' }] },
          },
          {
            fullUrl: 'urn:uuid:doc-1',
            resource: {
              resourceType: 'DocumentReference',
              id: 'doc-1',
              status: 'current',
              type: { text: 'SGRT record' },
              subject: { reference: 'urn:uuid:pat-1' },
              authenticator: { reference: 'urn:uuid:prac-1' },
              extension: [
                {
                  url: 'http://hl7.org/fhir/5.0/StructureDefinition/extension-DocumentReference.attester',
                  extension: [
                    { url: 'time', valueDateTime: '2026-11-01T09:00:00-05:00' },
                    { url: 'party', valueReference: { reference: 'urn:uuid:prac-1' } },
                  ],
                },
              ],
              date: '2026-11-01T09:00:00-05:00',
              content: [{ attachment: { contentType: 'application/pdf' } }],
            },
          },
        ],
      }),
      'bundle.json',
    );
    if (!read.ok) throw new Error('bundle not read');
    return read.value;
  };
  it.each<[string, { system?: string; value: string }[], string[], string | undefined]>([
    ['an identifier without system: its value', [{ value: 'DR-HALE' }], [], 'DR-HALE'],
    [
      'a system identifier that is a practice physician id',
      [{ system: 'urn:npi', value: 'DR-HALE' }],
      ['DR-HALE'],
      'DR-HALE',
    ],
    [
      'a system identifier the practice does not use: the resource id',
      [{ system: 'urn:npi', value: '1234567890' }],
      ['DR-HALE'],
      'prac-1',
    ],
  ])('%s', (_name, identifier, physicianIds, signer) => {
    const docs = fhirDocuments(bundle(identifier), new Set(physicianIds));
    const doc = docs.find((d) => d.document?.kind === 'sgrt-record');
    expect(doc?.document?.signature?.signerId ?? doc?.reason).toBe(signer);
  });
});
