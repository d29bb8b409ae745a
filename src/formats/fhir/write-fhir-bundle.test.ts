import { describe, expect, it } from 'vitest';
import { readFhirBundle } from './read-fhir-bundle.js';
import { type FhirBundleInput, nameUuid, writeFhirBundle } from './write-fhir-bundle.js';

const TYPES = 'urn:oid:2.16.840.1.113883.3.9999.5';

const input: FhirBundleInput = {
  type: 'collection',
  namespace: 'test C-5001',
  patient: {
    id: 'SYN01234',
    identifier: { system: 'urn:oid:2.16.840.1.113883.3.9999.1', value: 'SYN01234' },
    family: 'Testpatient',
    given: 'Ada',
    birthDate: '1958-04-09',
    gender: 'female',
  },
  practitioners: [
    {
      id: 'DR-SYN-01',
      identifier: { system: 'urn:oid:2.16.840.1.113883.3.9999.2', value: 'DR-SYN-01' },
      family: 'Doctorfake',
      given: 'Rita',
      physician: true,
    },
  ],
  serviceRequests: [
    {
      id: 'ORD-AMM-5001',
      status: 'active',
      code: { text: 'Active motion management' },
      authoredOn: '2026-03-03T16:20:00-05:00',
      requesterId: 'DR-SYN-01',
      note: 'DIBH with AlignRT, beam hold outside 3 mm / 3 deg.',
    },
  ],
  procedures: [
    {
      id: 'PROC-C5001-F01',
      code: { text: 'Radiation treatment delivery (fraction)' },
      performedStart: '2026-03-09T08:12:30-04:00',
      performedEnd: '2026-03-09T08:14:26-04:00',
      fractionNumber: 1,
      basedOnId: 'ORD-AMM-5001',
    },
  ],
  documentReferences: [
    {
      id: 'NOTE-5001',
      type: { text: 'Medical necessity', coding: [{ system: TYPES, code: 'necessity-note' }] },
      date: '2026-03-03T16:00:00-05:00',
      authorId: 'DR-SYN-01',
      authenticatorId: 'DR-SYN-01',
      signedAt: '2026-03-03T16:15:00-05:00',
      text: 'Left breast, heart close to the field: DIBH with AlignRT, 3 mm / 3 deg, gating.',
    },
    {
      id: 'SGRT-C5001-F01',
      type: { text: 'SGRT monitoring record', coding: [{ system: TYPES, code: 'sgrt-record' }] },
      date: '2026-03-09T08:15:26-04:00',
      authenticatorId: 'DR-SYN-01',
      signedAt: '2026-03-09T11:02:00-04:00',
      text: 'Fraction 1: AlignRT surface monitoring record.',
      relatedProcedureId: 'PROC-C5001-F01',
    },
    {
      id: 'IGRT-C5001-F01',
      type: { text: 'IGRT review', coding: [{ system: TYPES, code: 'igrt-review' }] },
      date: '2026-03-09T08:15:26-04:00',
      text: 'Fraction 1: image guidance reviewed.',
      relatedProcedureId: 'PROC-C5001-F01',
    },
  ],
};

describe('writeFhirBundle (R4)', () => {
  it('name-based UUIDs: the same input gives the same bytes', () => {
    expect(nameUuid('a', 'b')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(writeFhirBundle(input)).toBe(writeFhirBundle(structuredClone(input)));
  });

  it('reads back: the order, documents with authenticator and signing time, fractions, the physician', () => {
    const r = readFhirBundle(writeFhirBundle(input), 'C-5001.json');
    expect(r.ok && r.warnings).toEqual([]);
    if (!r.ok) return;
    const v = r.value;
    expect(v.bundleType).toBe('collection');
    expect(v.patients[0]!.identifiers).toEqual([
      { system: 'urn:oid:2.16.840.1.113883.3.9999.1', value: 'SYN01234', typeCode: 'MR' },
    ]);
    expect(v.practitioners[0]).toMatchObject({ id: 'DR-SYN-01', isPhysician: true });
    expect(v.serviceRequests[0]).toMatchObject({
      id: 'ORD-AMM-5001',
      status: 'active',
      intent: 'order',
      authoredOn: { instant: '2026-03-03T16:20:00-05:00' },
      requester: { resolved: { resourceType: 'Practitioner', id: 'DR-SYN-01' } },
      notes: ['DIBH with AlignRT, beam hold outside 3 mm / 3 deg.'],
    });
    const docs = new Map(v.documentReferences.map((d) => [d.id, d]));
    expect(docs.get('NOTE-5001')).toMatchObject({
      docStatus: 'final',
      authenticator: { resolved: { id: 'DR-SYN-01' } },
      signature: { signedAt: { instant: '2026-03-03T16:15:00-05:00' }, from: 'attester-extension' },
      contents: [{ text: 'Left breast, heart close to the field: DIBH with AlignRT, 3 mm / 3 deg, gating.' }],
    });
    expect(docs.get('SGRT-C5001-F01')).toMatchObject({
      signature: { signedAt: { instant: '2026-03-09T11:02:00-04:00' } },
      related: [{ resolved: { resourceType: 'Procedure', id: 'PROC-C5001-F01' } }],
      type: { codings: [{ code: 'sgrt-record' }] },
    });
    expect(docs.get('IGRT-C5001-F01')).toMatchObject({
      authenticator: null,
      signature: null,
      docStatus: 'preliminary',
    });
    expect(v.procedures[0]).toMatchObject({
      id: 'PROC-C5001-F01',
      status: 'completed',
      fractionNumber: 1,
      performed: {
        period: {
          start: { instant: '2026-03-09T08:12:30-04:00' },
          end: { instant: '2026-03-09T08:14:26-04:00' },
        },
      },
      basedOn: [{ resolved: { resourceType: 'ServiceRequest', id: 'ORD-AMM-5001' } }],
    });
  });

  it('a transaction bundle carries a request per entry', () => {
    const r = readFhirBundle(writeFhirBundle({ ...input, type: 'transaction' }), 'tx.json');
    expect(r.ok && r.value.bundleType).toBe('transaction');
  });
});
