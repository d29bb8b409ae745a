import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { courseSchema } from '../../core/model/course.js';
import { csvMappingSchema } from './column-mapping.js';
import { looksOrdersSignatures, readOrdersSignatures } from './read-orders-signatures.js';

const ORDERS = readFileSync('test/fixtures/csv/orders-signatures.csv');
const HEADER =
  'Patient ID,Patient Name,Kind,Document ID,Fraction,Date,Signer ID,Signer Role,Signed At,Time Zone\n';

function read(input: Uint8Array | string, options: Parameters<typeof readOrdersSignatures>[2] = {}) {
  const r = readOrdersSignatures(input, 'o.csv', options);
  if (!r.ok) throw new Error(JSON.stringify(r.problems, null, 1));
  return r;
}

function problems(input: Uint8Array | string) {
  const r = readOrdersSignatures(input, 'o.csv');
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

describe('readOrdersSignatures', () => {
  it('reads the fixture: orders, a multi-line necessity note, per-fraction records, signatures in three forms', () => {
    const r = read(ORDERS);
    expect(r.warnings).toEqual([]);
    const docs = r.value.documents;
    expect(
      docs.map((d) => [d.line, d.kind, d.documentId, d.fractionNumber, d.signature?.role ?? null]),
    ).toEqual([
      [2, 'motion-management-order', 'ORD-1001', undefined, 'physician'],
      [3, 'image-guidance-order', 'ORD-1002', undefined, 'physician'],
      [4, 'necessity-note', 'NOTE-2001', undefined, 'physician'],
      [6, 'sgrt-record', 'SGRT-3001', 1, 'physician'],
      [7, 'sgrt-record', 'SGRT-3002', 2, 'physician'],
      [8, 'sgrt-record', 'SGRT-3003', 3, 'physician'],
      [9, 'sgrt-record', 'SGRT-3004', 4, null],
      [10, 'igrt-review', 'IGRT-4001', 1, 'physician'],
      [11, 'sgrt-record', 'SGRT-3101', 12, 'therapist'],
    ]);
    expect(docs[0]).toMatchObject({
      courseId: 'C1-LBR',
      system: 'AlignRT',
      text: expect.stringMatching(/^Active motion/),
    });
    expect(docs[2]!.text).toMatch(/free breathing\.\r\nDIBH .*"Darby 2013"/);
    expect(docs.map((d) => d.signature?.signedAt ?? null)).toEqual([
      { local: '2026-02-20T16:45:00', utcOffset: '-05:00', instant: '2026-02-20T16:45:00-05:00' },
      { local: '2026-02-20T16:46:10', utcOffset: '-05:00', instant: '2026-02-20T16:46:10-05:00' },
      { local: '2026-02-20T17:02:00', utcOffset: '-05:00', instant: '2026-02-20T17:02:00-05:00' },
      // Local time plus a zone column: the zone gives the offset (EST before 8 March 2026).
      {
        local: '2026-03-02T12:30:00',
        utcOffset: '-05:00',
        timeZone: 'America/New_York',
        instant: '2026-03-02T12:30:00-05:00',
      },
      { local: '2026-03-03T07:55:00', utcOffset: '-05:00', instant: '2026-03-03T07:55:00-05:00' },
      {
        local: '2026-03-09T11:00:00',
        utcOffset: '-04:00',
        timeZone: 'America/New_York',
        instant: '2026-03-09T11:00:00-04:00',
      },
      null,
      { local: '2026-03-02T12:31:00', utcOffset: '-05:00', instant: '2026-03-02T12:31:00-05:00' },
      { local: '2026-03-02T18:10:00', utcOffset: '+00:00', instant: '2026-03-02T18:10:00+00:00' },
    ]);
  });

  it('gives signatures the course model accepts', () => {
    for (const d of read(ORDERS).value.documents) {
      if (!d.signature) continue;
      const signature = {
        signerId: d.signature.signerId,
        role: d.signature.role,
        signedAt: d.signature.signedAt.instant,
      };
      expect(courseSchema.shape.orders.unwrap().element.shape.signature.safeParse(signature).success).toBe(
        true,
      );
    }
  });

  it.each([
    [
      'P1,Name,sgrt-record,D1,1,,S1,physician,2026-03-02 12:30:00,',
      'o.csv:line 2, column "Signed At"',
      /needs a UTC offset .* or a time zone column/,
    ],
    [
      'P1,Name,sgrt-record,D1,1,,S1,physician,2026-11-01T01:30:00,America/New_York',
      'o.csv:line 2, column "Signed At"',
      /occurs twice .*"Time Zone".*fall-back/,
    ],
    [
      'P1,Name,sgrt-record,D1,1,,S1,physician,2026-03-08T02:30:00,America/New_York',
      'o.csv:line 2, column "Signed At"',
      /does not exist .*gap/,
    ],
    [
      'P1,Name,sgrt-record,D1,1,,S1,,2026-03-02T12:30:00Z,',
      'o.csv:line 2, column "Signer Role"',
      /signed document needs the signer ID, the signer role and the signing time/,
    ],
    [
      'P1,Name,sgrt-record,D1,,,S1,physician,2026-03-02T12:30:00Z,',
      'o.csv:line 2',
      /belongs to one fraction: give its fraction number \("Fraction"\) or date \("Date"\)/,
    ],
    [
      'P1,Name,treatment-plan,D1,,,,,,',
      'o.csv:line 2, column "Kind"',
      /expected one of motion-management-order/,
    ],
    [
      'P1,Name,sgrt-record,D1,1,,S1,nurse,2026-03-02T12:30:00Z,',
      'o.csv:line 2, column "Signer Role"',
      /expected one of physician, physicist, therapist, other/,
    ],
    [
      'P1,Name,sgrt-record,D1,1,,S1,physician,2026-03-02T12:30:00Z,Mars/Olympus',
      'o.csv:line 2, column "Time Zone"',
      /IANA time zone/,
    ],
    [
      'P1,Name,sgrt-record,D1,1,,S1,physician,03/02/2026 12:30,',
      'o.csv:line 2, column "Signed At"',
      /ISO 8601/,
    ],
    ['P1,Name,sgrt-record,D1,0,,,,,', 'o.csv:line 2, column "Fraction"', /whole number ≥ 1/],
    [',Name,sgrt-record,D1,1,,,,,', 'o.csv:line 2, column "Patient ID"', /empty: patient ID is required/],
  ])('locates the problem in %j', (row, location, message) => {
    const found = problems(HEADER + row + '\n');
    expect(found).toContainEqual({ location, message: expect.stringMatching(message) });
    expect(JSON.stringify(found)).not.toMatch(/Name"|P1|S1|D1|2026-|Mars|nurse|treatment-plan/);
  });

  it('keeps an offset that disagrees with the zone column, with a warning', () => {
    const r = read(
      HEADER + 'P1,N,sgrt-record,D1,1,,S1,physician,2026-07-01T09:00:00-05:00,America/New_York\n',
    );
    expect(r.value.documents[0]!.signature!.signedAt).toEqual({
      local: '2026-07-01T09:00:00',
      utcOffset: '-05:00',
      timeZone: 'America/New_York',
      instant: '2026-07-01T09:00:00-05:00',
    });
    expect(r.warnings).toEqual([
      {
        location: 'o.csv:line 2, column "Signed At"',
        message:
          'the UTC offset differs from that of the zone in column "Time Zone" at this time: the offset written is used',
      },
    ]);
  });

  it('reads a site layout with value spellings and a local signing format', () => {
    const mapping = csvMappingSchema.parse({
      id: 'site-notes',
      name: 'Site notes export',
      kind: 'orders-signatures',
      delimiter: ';',
      dateFormat: 'MM/DD/YYYY',
      columns: {
        patientId: 'MRN',
        kind: {
          header: 'Doc Type',
          values: { 'SGRT Tx Record': 'sgrt-record', 'AMM Order': 'motion-management-order' },
        },
        documentId: 'Doc #',
        date: 'DOS',
        signerId: 'Signer',
        signerRole: { header: 'Credential', values: { NP: 'other' } },
        signedAt: { header: 'Signed', format: 'MM/DD/YYYY h:mm A' },
        timeZone: 'Zone',
      },
    });
    const text =
      'MRN;Doc Type;Doc #;DOS;Signer;Credential;Signed;Zone\nP1;SGRT Tx Record;D9;03/02/2026;S1;NP;03/02/2026 5:05 PM;America/Chicago\n';
    const r = read(text, { mapping });
    expect(r.value.documents[0]).toEqual({
      line: 2,
      patientId: 'P1',
      kind: 'sgrt-record',
      documentId: 'D9',
      date: '2026-03-02',
      signature: {
        signerId: 'S1',
        role: 'other',
        signedAt: {
          local: '2026-03-02T17:05:00',
          utcOffset: '-06:00',
          timeZone: 'America/Chicago',
          instant: '2026-03-02T17:05:00-06:00',
        },
      },
    });
  });

  it('sniffs its default header', () => {
    expect(looksOrdersSignatures(ORDERS.subarray(0, 2048))).toBe(true);
    expect(looksOrdersSignatures(readFileSync('test/fixtures/csv/authorizations.csv'))).toBe(false);
  });
});

describe('readOrdersSignatures: the imaging modality of an image review', () => {
  const head = 'Patient ID,Kind,Document ID,Fraction,Signer ID,Signer Role,Signed At,Modality\n';
  it.each<[string, string | undefined]>([
    ['CBCT', 'CBCT'],
    ['kV', 'kV'],
    ['KV', 'kV'],
    ['kV planar', 'kV'],
    ['Cone-beam CT', 'CBCT'],
    ['kV CBCT', 'CBCT'],
    ['EPID', 'MV'],
    ['MV portal', 'MV'],
    ['SGRT', 'surface'],
    ['Surface imaging', 'surface'],
    // Blank: the record does not say; unknown stays unknown.
    ['', undefined],
  ])('%j → %s', (cell, modality) => {
    const doc = read(`${head}P1,igrt-review,IGRT-1,1,,,,${cell}\n`).value.documents[0]!;
    expect(doc.modality).toBe(modality);
  });

  it('a spelling it does not know is a located problem (map it with "values"), never a guess', () => {
    expect(problems(`${head}P1,igrt-review,IGRT-1,1,,,,MRI\n`)).toEqual([
      expect.objectContaining({
        location: expect.stringContaining('"Modality"'),
        message: expect.stringContaining('expected one of kV, CBCT, MV, surface'),
      }),
    ]);
  });
});
