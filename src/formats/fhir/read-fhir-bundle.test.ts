import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InputProblem, ReadResult } from '../../core/model/input-problem.js';
import type { FhirBundleRead } from './fhir-types.js';
import { looksFhirBundle, readFhirBundle } from './read-fhir-bundle.js';

const DIR = 'test/fixtures/fhir';
const fixture = (name: string) => new Uint8Array(readFileSync(`${DIR}/${name}`));
const json = (name: string) => JSON.parse(readFileSync(`${DIR}/${name}`, 'utf8'));
/** The fake patient's name, birth date and address: never in what is reported, nor in the records. */
const PHI = [/Testpatient/i, /Synthia/i, /1961-07-04/, /Synthetic Way/];

function value(r: ReadResult<FhirBundleRead>): FhirBundleRead {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.problems)}`);
  return r.value;
}
function noPhi(list: InputProblem[]) {
  for (const p of list) for (const re of PHI) expect(`${p.location} ${p.message}`).not.toMatch(re);
}

describe('readFhirBundle on the transaction bundle', () => {
  const r = readFhirBundle(fixture('sgrt-transaction-bundle.json'), 't.json');
  const v = value(r);

  it('reads every record without warnings and without the patient’s name, birth date or address', () => {
    expect(r.ok && r.warnings).toEqual([]);
    expect(v.bundleType).toBe('transaction');
    expect(
      [
        v.serviceRequests,
        v.documentReferences,
        v.procedures,
        v.practitioners,
        v.practitionerRoles,
        v.patients,
        v.coverages,
        v.claims,
      ].map((list) => list.length),
    ).toEqual([1, 2, 3, 2, 1, 1, 1, 1]);
    const text = JSON.stringify(r);
    for (const re of PHI) expect(text).not.toMatch(re);
  });

  it('reads the motion-management order', () => {
    expect(v.serviceRequests[0]).toMatchObject({
      source: 't.json:entry[6]',
      status: 'active',
      intent: 'order',
      code: { text: 'Active motion management: surface-guided DIBH with beam gating' },
      subject: { type: 'Patient', resolved: { resourceType: 'Patient', entry: 0 } },
      authoredOn: {
        localDateTime: '2026-02-20T14:05:00',
        utcOffset: '-05:00',
        instant: '2026-02-20T14:05:00-05:00',
      },
      requester: { resolved: { resourceType: 'PractitionerRole', entry: 3 } },
      notes: ['DIBH with AlignRT gating, 3 mm / 3 deg; beam hold when out of tolerance.'],
      occurrence: { period: { end: { utcOffset: '-04:00' } } },
    });
  });

  it('reads the medical-necessity note, signed per the attester extension', () => {
    const note = v.documentReferences[0]!;
    expect(note.contents[0]!.text).toMatch(/^Left breast cancer after lumpectomy/);
    expect(note.authenticator?.resolved?.entry).toBe(1);
    expect(note.signature).toMatchObject({
      from: 'attester-extension',
      signedAt: { instant: '2026-02-20T14:32:00-05:00' },
      by: { resolved: { entry: 1 } },
      evidence: 't.json:entry[7].resource.extension[0].extension[1].valueDateTime',
    });
    // `date` is kept, and is not the signing time.
    expect(note.date?.instant).toBe('2026-02-20T14:10:00-05:00');
  });

  it('reads the SGRT record, signed per its Provenance, linked to fraction 1', () => {
    const record = v.documentReferences[1]!;
    expect(record.signature).toMatchObject({
      from: 'provenance-signature',
      signedAt: { instant: '2026-03-02T16:45:00-05:00' },
      by: { resolved: { resourceType: 'Practitioner', entry: 1 } },
      evidence: 't.json:entry[9].resource.signature[0].when',
    });
    expect(record.contents.map((c) => [c.contentType, c.url, c.text])).toEqual([
      ['application/pdf', 'https://pacs.example.org/sgrt/fx1.pdf', null],
      ['text/plain', null, expect.stringMatching(/^Fraction 1: AlignRT monitored/)],
    ]);
    expect(record.related[0]?.resolved).toMatchObject({ resourceType: 'Procedure', entry: 10 });
  });

  it('reads three fractions with their offsets (one after the DST change) and fraction numbers', () => {
    expect(
      v.procedures.map((p) => [
        p.fractionNumber,
        p.performed.period?.start?.localDateTime,
        p.performed.period?.start?.utcOffset,
        p.code?.codings[0]?.code,
        p.basedOn[0]?.resolved?.resourceType,
      ]),
    ).toEqual([
      [1, '2026-03-02T08:14:19', '-05:00', '77412', 'ServiceRequest'],
      [2, '2026-03-03T08:10:02', '-05:00', '77412', 'ServiceRequest'],
      [3, '2026-03-09T08:12:45', '-04:00', '77412', 'ServiceRequest'],
    ]);
  });

  it('tells the physician from the therapist', () => {
    expect(v.practitioners.map((p) => p.isPhysician)).toEqual([true, false]);
    expect(v.practitionerRoles[0]?.isPhysician).toBe(true);
  });

  it('reads the patient by identifier only, the payer and the claim lines', () => {
    expect(v.patients[0]).toEqual({
      source: 't.json:entry[0]',
      id: null,
      fullUrl: 'urn:uuid:5e0c1a2b-0000-4000-8000-000000000001',
      identifiers: [{ system: 'urn:oid:2.16.840.1.113883.3.9999.1', value: 'SYN00417', typeCode: 'MR' }],
    });
    expect(v.coverages[0]).toMatchObject({
      status: 'active',
      payors: [{ name: 'Synthetic Health Plan', identifiers: [{ value: 'SYNPAYER01' }] }],
      period: { start: { date: '2026-01-01' }, end: { date: '2026-12-31' } },
      classes: [{ type: 'plan', value: 'PPO-2026', name: 'Synthetic PPO' }],
    });
    expect(JSON.stringify(v.coverages)).not.toContain('MEMBER-0417');
    expect(v.claims[0]!.preAuthRefs).toEqual(['PA-2026-000417']);
    expect(
      v.claims[0]!.items.map((i) => [
        i.code,
        i.modifiers,
        i.servicedDate?.date,
        i.netCents,
        i.placeOfService,
      ]),
    ).toEqual([
      ['77412', [], '2026-03-02', 39146, '11'],
      ['77387', ['26'], '2026-03-02', 3674, '11'],
      ['77412', [], '2026-03-03', 39146, '11'],
    ]);
  });
});

describe('readFhirBundle on the other fixtures', () => {
  it('resolves relative references against RESTful fullUrls and contained resources', () => {
    const r = readFhirBundle(fixture('collection-restful.json'), 'c.json');
    const v = value(r);
    const doc = v.documentReferences[0]!;
    expect(doc.subject?.resolved).toMatchObject({ resourceType: 'Patient', entry: 0 });
    expect(doc.authenticator?.resolved).toMatchObject({
      resourceType: 'Practitioner',
      id: 'signer',
      contained: true,
    });
    expect(doc.related[0]?.resolved?.entry).toBe(4);
    expect(doc.signature).toBeNull();
    expect(v.practitionerRoles[0]?.isPhysician).toBe(true); // from the referenced Practitioner's MD
    expect(v.procedures[0]?.performed.dateTime?.instant).toBe('2026-03-10T08:15:30-04:00');
    expect(r.ok && r.warnings).toEqual([
      {
        location: 'c.json:entry[3].resource.authenticator',
        message:
          'an authenticator but no signing time (no attester extension, no Provenance signature): when it was signed is unknown',
      },
      {
        location: 'c.json:entry[3].resource.context.encounter[0].reference',
        message: 'the Encounter reference does not resolve to a resource in this file',
      },
    ]);
  });

  it('takes DocumentReference.date as the signing time only when asked to', () => {
    const v = value(
      readFhirBundle(fixture('collection-restful.json'), 'c.json', { dateAsSigningTime: true }),
    );
    expect(v.documentReferences[0]!.signature).toMatchObject({
      from: 'document-date',
      signedAt: { instant: '2026-03-10T16:02:00-04:00' },
      evidence: 'c.json:entry[3].resource.date',
    });
  });

  it('reads a lone resource, locating by the path from the document root', () => {
    const r = readFhirBundle(fixture('single-procedure.json'), 's.json');
    const v = value(r);
    expect(v.bundleType).toBeNull();
    expect(v.procedures[0]).toMatchObject({
      source: 's.json',
      id: 'fx5',
      code: { codings: [{ code: '77407' }] },
    });
    expect(r.ok && r.warnings).toEqual([
      {
        location: 's.json:subject.reference',
        message: 'the Patient reference does not resolve to a resource in this file',
      },
    ]);
    expect(JSON.stringify(r)).not.toMatch(/Testpatient/);
  });

  it('fails the file on resources that do not match R4, in entry order, without quoting values', () => {
    const r = readFhirBundle(fixture('bad-resources.json'), 'b.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.location)).toEqual([
      'b.json:entry[1].resource.performedPeriod.start',
      'b.json:entry[2].resource.content',
      'b.json:entry[3].resource.status',
      'b.json:entry[4].resource.resourceType',
      'b.json:entry[5].resource.performedDateTime',
      'b.json:entry[5].resource.performedPeriod.start',
    ]);
    expect(r.problems[2]!.message).toBe(
      'expected one of "draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"',
    );
    noPhi(r.problems);
  });

  it('skips them with onBadResource: skip', () => {
    const r = readFhirBundle(fixture('bad-resources.json'), 'b.json', { onBadResource: 'skip' });
    const v = value(r);
    expect(v.procedures.map((p) => p.source)).toEqual(['b.json:entry[0]']);
    expect(
      r.ok &&
        r.warnings
          .filter((w) => w.message === 'resource skipped (onBadResource: skip)')
          .map((w) => w.location),
    ).toEqual([
      'b.json:entry[1]',
      'b.json:entry[2]',
      'b.json:entry[3]',
      'b.json:entry[4]',
      'b.json:entry[5]',
    ]);
    if (r.ok) noPhi(r.warnings);
  });
});

const bundle = (...resources: unknown[]) =>
  JSON.stringify({
    resourceType: 'Bundle',
    type: 'collection',
    entry: resources.map((resource, i) => ({ fullUrl: `urn:uuid:e${i}`, resource })),
  });
const patient = {
  resourceType: 'Patient',
  identifier: [{ value: 'SYN00417' }],
  name: [{ text: 'Testpatient, Synthia' }],
};
const procedure = (extra: Record<string, unknown>) => ({
  resourceType: 'Procedure',
  status: 'completed',
  subject: { reference: 'urn:uuid:e0' },
  ...extra,
});
const document = (extra: Record<string, unknown>) => ({
  resourceType: 'DocumentReference',
  status: 'current',
  content: [{ attachment: { contentType: 'application/pdf' } }],
  ...extra,
});

describe('readFhirBundle on small inputs', () => {
  it.each([
    [
      'bytes that are not UTF-8',
      new Uint8Array([0x7b, 0xff, 0x7d]),
      'x.json',
      'not UTF-8: FHIR JSON must be UTF-8',
    ],
    [
      'JSON syntax errors, by line and column',
      '{\n  "resourceType": "Bundle",\n  x\n}',
      'x.json:line 3, column 3',
      'not valid JSON',
    ],
    ['an array', '[]', 'x.json:(document)', 'expected a FHIR resource or Bundle'],
    [
      'an object without resourceType',
      '{"entry": []}',
      'x.json:resourceType',
      'expected a FHIR resource or Bundle',
    ],
    [
      'an entry that is not an array',
      '{"resourceType": "Bundle", "type": "batch", "entry": {}}',
      'x.json:entry',
      'expected array',
    ],
    [
      'a lone resource that is wrong',
      '{"resourceType": "Procedure", "status": "done"}',
      'x.json:status',
      'expected one of',
    ],
    [
      'an entry with a non-string fullUrl',
      '{"resourceType": "Bundle", "type": "batch", "entry": [{"fullUrl": 3}]}',
      'x.json:entry[0].fullUrl',
      'expected string',
    ],
    [
      'a missing subject',
      bundle(procedure({ subject: undefined })),
      'x.json:entry[0].resource.subject',
      'required: expected object',
    ],
    [
      'a fraction date-time with a bad offset',
      bundle(procedure({ performedDateTime: '2026-03-05T10:00:00+15:00' })),
      'x.json:entry[0].resource.performedDateTime',
      'expected a FHIR date/dateTime',
    ],
    [
      'a Claim item sequence of 0',
      bundle({
        resourceType: 'Claim',
        status: 'active',
        use: 'claim',
        patient: {},
        item: [{ sequence: 0, productOrService: {} }],
      }),
      'x.json:entry[0].resource.item[0].sequence',
      'expected more than 0',
    ],
    [
      'a Coverage without payor',
      bundle({ resourceType: 'Coverage', status: 'active', beneficiary: {}, payor: [] }),
      'x.json:entry[0].resource.payor',
      'expected at least 1 item',
    ],
    [
      'a Provenance without recorded',
      bundle({ resourceType: 'Provenance', target: [{}] }),
      'x.json:entry[0].resource.recorded',
      'required: expected string',
    ],
  ])('refuses %s', (_name, input, location, message) => {
    const r = readFhirBundle(input, 'x.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.location).toBe(location);
    expect(r.problems[0]!.message).toContain(message);
    noPhi(r.problems);
  });

  it.each([
    [
      'a missing Bundle.type',
      JSON.stringify({ resourceType: 'Bundle', entry: [{ resource: patient }] }),
      'x.json:type',
      'Bundle.type is missing',
    ],
    [
      'an entry without a resource',
      JSON.stringify({
        resourceType: 'Bundle',
        type: 'batch',
        entry: [{ request: { method: 'POST' } }, { resource: patient }],
      }),
      'x.json:entry[0]',
      'an entry without a resource: ignored',
    ],
    [
      'a nested Bundle',
      bundle(patient, { resourceType: 'Bundle', type: 'collection' }),
      'x.json:entry[1].resource',
      'a Bundle inside a Bundle is not read',
    ],
    [
      'a repeated fullUrl',
      JSON.stringify({
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          { fullUrl: 'urn:uuid:a', resource: patient },
          { fullUrl: 'urn:uuid:a', resource: patient },
        ],
      }),
      'x.json:entry[1].fullUrl',
      'the fullUrl repeats that of entry[0]: references resolve to that entry',
    ],
    [
      'an unresolved reference',
      bundle(procedure({ subject: { reference: 'Patient/SYN00417' } })),
      'x.json:entry[0].resource.subject.reference',
      'the Patient reference does not resolve to a resource in this file',
    ],
    [
      'a reference to the wrong type',
      bundle(procedure({ subject: { reference: 'urn:uuid:e1' } }), document({})),
      'x.json:entry[0].resource.subject.reference',
      'expected a reference to Patient or Group, found a DocumentReference',
    ],
    [
      'a time without offset',
      bundle(patient, procedure({ performedDateTime: '2026-03-05T10:00:00' })),
      'x.json:entry[1].resource.performedDateTime',
      'a time without a UTC offset (R4 requires one): kept as a local reading with no offset',
    ],
    [
      'a reference whose type is not a resource type (never repeated)',
      bundle(patient, procedure({ subject: { reference: 'Testpatient/Synthia' } })),
      'x.json:entry[1].resource.subject.reference',
      'the reference does not resolve to a resource in this file',
    ],
    [
      'an instant without a time',
      bundle(document({ date: '2026-03-05' })),
      'x.json:entry[0].resource.date',
      'an instant without a time (R4 instant: YYYY-MM-DDThh:mm:ss±hh:mm): kept as a date',
    ],
    [
      'performedString',
      bundle(patient, procedure({ performedString: 'this morning' })),
      'x.json:entry[1].resource.performedString',
      'performedString is not read (only performedDateTime or performedPeriod)',
    ],
    [
      'a bad fraction-number extension',
      bundle(
        patient,
        procedure({
          extension: [
            {
              url: 'http://hl7.org/fhir/us/codex-radiation-therapy/StructureDefinition/codexrt-radiotherapy-fraction-number-in-phase',
              valuePositiveInt: 0,
            },
          ],
        }),
      ),
      'x.json:entry[1].resource.extension[0]',
      'a fraction-number extension without a positive integer value: not read',
    ],
    [
      'bad base64',
      bundle(document({ content: [{ attachment: { contentType: 'text/plain', data: 'not base64!' } }] })),
      'x.json:entry[0].resource.content[0].attachment.data',
      'not valid base64: the text is not read',
    ],
    [
      'text that is not UTF-8',
      bundle(document({ content: [{ attachment: { contentType: 'text/plain', data: 'q/8=' } }] })),
      'x.json:entry[0].resource.content[0].attachment.data',
      'the text is not valid utf-8: unreadable characters were replaced',
    ],
    [
      'an attachment without contentType',
      bundle(document({ content: [{ attachment: { data: 'aGVsbG8=' } }] })),
      'x.json:entry[0].resource.content[0].attachment.data',
      'attachment without a contentType: read as text/plain',
    ],
    [
      'an unknown charset',
      bundle(
        document({
          content: [{ attachment: { contentType: 'text/plain; charset=x-nope', data: 'aGVsbG8=' } }],
        }),
      ),
      'x.json:entry[0].resource.content[0].attachment.data',
      'unknown charset in the contentType: read as UTF-8',
    ],
    [
      'an amount with 3 decimals',
      bundle(patient, {
        resourceType: 'Claim',
        status: 'active',
        use: 'claim',
        patient: { reference: 'urn:uuid:e0' },
        item: [{ sequence: 1, productOrService: {}, net: { value: 1.005 } }],
      }),
      'x.json:entry[1].resource.item[0].net.value',
      'an amount with more than 2 decimals: not read',
    ],
    [
      'no resource of the types read',
      bundle({ resourceType: 'Observation' }),
      'x.json',
      'no ServiceRequest, DocumentReference, Procedure, Practitioner, PractitionerRole, Patient, Coverage or Claim found',
    ],
  ])('warns about %s', (_name, text, location, message) => {
    const r = readFhirBundle(text, 'x.json');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.warnings).toContainEqual({ location, message });
    noPhi(r.warnings);
  });

  it('reads attachment text from a Binary in the bundle and latin-1 text by its charset', () => {
    const v = value(
      readFhirBundle(
        bundle(
          document({
            content: [
              { attachment: { url: 'urn:uuid:e1' } },
              { attachment: { contentType: 'text/plain; charset=ISO-8859-1', data: '6Q==' } },
            ],
          }),
          {
            resourceType: 'Binary',
            contentType: 'text/plain',
            data: Buffer.from('from a Binary').toString('base64'),
          },
        ),
        'x.json',
      ),
    );
    expect(v.documentReferences[0]!.contents.map((c) => c.text)).toEqual(['from a Binary', 'é']);
  });

  it('takes a Provenance recorded time when a verifier agent has no signature, and prefers the authenticator’s signature', () => {
    const practitioner = (id: string) => ({
      resourceType: 'Practitioner',
      id,
      qualification: [{ code: { text: 'MD' } }],
    });
    const v = value(
      readFhirBundle(
        bundle(
          practitioner('a'),
          practitioner('b'),
          document({ id: 'd1', authenticator: { reference: 'Practitioner/b' } }),
          document({ id: 'd2', authenticator: { reference: 'Practitioner/b' } }),
          {
            resourceType: 'Provenance',
            target: [{ reference: 'DocumentReference/d1' }],
            recorded: '2026-03-05T12:00:00-05:00',
            signature: [
              { when: '2026-03-05T11:00:00-05:00', who: { reference: 'Practitioner/a' } },
              { when: '2026-03-05T11:30:00-05:00', who: { reference: 'Practitioner/b' } },
            ],
          },
          {
            resourceType: 'Provenance',
            target: [{ reference: 'DocumentReference/d2' }],
            recorded: '2026-03-06T12:00:00-05:00',
            agent: [{ type: { coding: [{ code: 'verifier' }] }, who: { reference: 'Practitioner/b' } }],
          },
        ),
        'x.json',
      ),
    );
    expect(v.documentReferences.map((d) => [d.signature?.from, d.signature?.signedAt.instant])).toEqual([
      ['provenance-signature', '2026-03-05T11:30:00-05:00'],
      ['provenance-recorded', '2026-03-06T12:00:00-05:00'],
    ]);
  });

  it('reads fraction numbers from extensions named in the options first', () => {
    const url = 'https://clinic.example.org/fhir/fraction';
    const text = bundle(
      patient,
      procedure({
        extension: [
          {
            url: 'http://hl7.org/fhir/us/codex-radiation-therapy/StructureDefinition/codexrt-radiotherapy-fraction-number-in-phase',
            valuePositiveInt: 4,
          },
          { url, valueInteger: 12 },
        ],
      }),
    );
    expect(value(readFhirBundle(text, 'x.json')).procedures[0]!.fractionNumber).toBe(4);
    const v = value(readFhirBundle(text, 'x.json', { fractionNumberExtensions: [url] }));
    expect(v.procedures[0]!.fractionNumber).toBe(12);
    expect(v.procedures[0]!.fractionNumbers).toHaveLength(2);
  });

  it('accepts a BOM and a string as well as bytes', () => {
    const text = readFileSync(`${DIR}/single-procedure.json`, 'utf8');
    expect(value(readFhirBundle(`\ufeff${text}`, 's.json')).procedures).toHaveLength(1);
  });

  it('keeps unknown fields out of the way (passthrough) and ignores types it does not read', () => {
    const doc = json('sgrt-transaction-bundle.json');
    doc.meta = { lastUpdated: '2026-03-10T00:00:00Z' };
    doc.entry[10].resource.futureField = { nested: [1, 2, 3] };
    doc.entry.push({ fullUrl: 'urn:uuid:obs', resource: { resourceType: 'Observation', status: 'final' } });
    const r = readFhirBundle(JSON.stringify(doc), 't.json');
    expect(r.ok && r.warnings).toEqual([]);
  });
});

describe('looksFhirBundle', () => {
  const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
  it.each([
    ['sgrt-transaction-bundle.json', true],
    ['single-procedure.json', true],
  ])('%s', (name, expected) => {
    expect(looksFhirBundle(fixture(name).subarray(0, 4096))).toBe(expected);
  });
  it.each([
    ['{"resourceType":"Bundle"', true],
    ['\ufeff  {\n "resourceType" : "Patient"}', true],
    ['{"schemaVersion": 1, "courseId": "c1"}', false],
    ['[{"resourceType":"Patient"}]', false],
    ['{"resourceType": 3}', false],
    ['MSH|^~\\&|', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(looksFhirBundle(bytes(text))).toBe(expected);
  });
});
