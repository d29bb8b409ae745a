import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordScanner } from './parse-csv-records.js';
import { readAuthorizations } from './read-authorizations.js';
import { readOrdersSignatures } from './read-orders-signatures.js';
import { readTreatmentHistory } from './read-treatment-history.js';
import { csvCell, writeCsv } from './write-csv.js';

function scan(text: string, delimiter = ','): string[][] {
  const scanner = new CsvRecordScanner(text, delimiter);
  const rows: string[][] = [];
  for (let r = scanner.next(); r !== null; r = scanner.next()) {
    expect(r.issues ?? []).toEqual([]);
    rows.push(r.cells);
  }
  return rows;
}

describe('writeCsv (RFC 4180)', () => {
  it('quotes only the cells that need it, doubles quotes, ends records with CRLF', () => {
    expect(writeCsv([['a', 'b,c', 'say "hi"', 'two\nlines', ' padded', null, 7]])).toBe(
      'a,"b,c","say ""hi""","two\nlines"," padded",,7\r\n',
    );
    expect(csvCell('x', { quote: 'all' })).toBe('"x"');
    expect(writeCsv([['a;b', 'c']], { delimiter: ';', lineEnding: '\n' })).toBe('"a;b";c\n');
  });

  it('any cells read back as written (the project scanner)', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'Z', '0', ' ', ',', ';', '"', '\r', '\n', '\t', 'é', '€'),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(',', ';', '|'),
        fc.constantFrom<'needed' | 'all'>('needed', 'all'),
        (rows, delimiter, quote) => {
          // A record of one empty cell is a blank line to any CSV reader: keep it out of the property.
          const records = rows.filter((r) => !(r.length === 1 && r[0] === ''));
          expect(scan(writeCsv(records, { delimiter, quote }), delimiter)).toEqual(records);
        },
      ),
    );
  });

  it('round-trips through the treatment-history reader (ARIA-like layout)', () => {
    const text = writeCsv(
      [
        [
          'Patient ID',
          'Patient Name',
          'Treatment Date',
          'Plan ID',
          'Field Id',
          'Energy',
          'Beam On',
          'Beam Off',
          'Delivered MU',
          'Planned MU',
          'Fraction',
          'Machine',
        ],
        [
          'SYN01234',
          'Testpatient, Ada',
          '03/09/2026',
          'LTBR-DIBH-5001',
          'LT TAN MED',
          '6X',
          '08:12:00',
          '08:12:27',
          '60.2',
          '112.4',
          '3',
          'TB1',
        ],
        [
          'SYN01234',
          'Testpatient, Ada',
          '03/09/2026',
          'LTBR-DIBH-5001',
          'LT TAN MED',
          '6X',
          '08:13:40',
          '08:13:52',
          '52.2',
          '112.4',
          '3',
          'TB1',
        ],
        [
          'SYN05678',
          'Fakename, Bruno',
          '03/09/2026',
          'SKIN-E-5002',
          'E9',
          '9E',
          '09:01:00',
          '09:01:40',
          '250.0',
          '250.0',
          '1',
          'TB2',
        ],
      ],
      { quote: 'all' },
    );
    const r = readTreatmentHistory(text, 'rv-history.csv');
    expect(r.ok && r.warnings).toEqual([]);
    if (!r.ok) return;
    expect(r.value.info.mappingId).toBe('aria-like');
    expect(r.value.fractions).toEqual([
      expect.objectContaining({
        patientId: 'SYN01234',
        planId: 'LTBR-DIBH-5001',
        date: '2026-03-09',
        fractionNumber: 3,
        beams: [
          expect.objectContaining({
            name: 'LT TAN MED',
            beamOn: '2026-03-09T08:12:00',
            beamOff: '2026-03-09T08:12:27',
            radiationType: 'PHOTON',
            deliveredMU: 60.2,
          }),
          expect.objectContaining({ name: 'LT TAN MED', beamOn: '2026-03-09T08:13:40', deliveredMU: 52.2 }),
        ],
      }),
      expect.objectContaining({
        patientId: 'SYN05678',
        beams: [expect.objectContaining({ name: 'E9', radiationType: 'ELECTRON', deliveredMU: 250 })],
      }),
    ]);
  });

  it('round-trips through the orders-and-signatures reader (texts with quotes, commas and line breaks)', () => {
    const text = writeCsv(
      [
        [
          'Patient ID',
          'Patient Name',
          'Course ID',
          'Kind',
          'Document ID',
          'Fraction',
          'Date',
          'Signer ID',
          'Signer Role',
          'Signed At',
          'Time Zone',
          'System',
          'Text',
        ],
        [
          'SYN01234',
          'Testpatient, Ada',
          'C-5001',
          'necessity-note',
          'NOTE-5001',
          '',
          '',
          'DR-SYN-01',
          'physician',
          '2026-02-24T16:00:00-05:00',
          '',
          '',
          'Left breast, "heart"\r\nclose to the field.',
        ],
        [
          'SYN01234',
          'Testpatient, Ada',
          'C-5001',
          'sgrt-record',
          'SGRT-C5001-F01',
          1,
          '2026-03-09',
          '',
          '',
          '',
          '',
          'AlignRT',
          '',
        ],
      ],
      { quote: 'all' },
    );
    const r = readOrdersSignatures(text, 'orders.csv');
    expect(r.ok && r.warnings).toEqual([]);
    if (!r.ok) return;
    const [note, record] = r.value.documents;
    expect(note).toMatchObject({
      kind: 'necessity-note',
      documentId: 'NOTE-5001',
      text: 'Left breast, "heart"\r\nclose to the field.',
      signature: {
        signerId: 'DR-SYN-01',
        role: 'physician',
        signedAt: { instant: '2026-02-24T16:00:00-05:00' },
      },
    });
    expect(record).toMatchObject({
      kind: 'sgrt-record',
      fractionNumber: 1,
      date: '2026-03-09',
      signature: null,
    });
  });

  it('round-trips through the authorizations reader', () => {
    const text = writeCsv([
      [
        'Payer',
        'Authorization Number',
        'Patient ID',
        'Patient Name',
        'Codes',
        'Fractions Authorized',
        'Valid From',
        'Valid To',
        'Obtained On',
        'Status',
      ],
      [
        'Example Health Plan (eviCore)',
        'EV-25-123456',
        'SYN01234',
        'Testpatient, Ada',
        '77412;77387-26',
        16,
        '2025-12-08',
        '2026-06-30',
        '2025-12-06',
        'approved',
      ],
    ]);
    const r = readAuthorizations(text, 'authorizations.csv');
    expect(r.ok && r.warnings).toEqual([]);
    if (!r.ok) return;
    expect(r.value.authorizations[0]).toMatchObject({
      authorizationNumber: 'EV-25-123456',
      fractionsAuthorized: 16,
      validTo: '2026-06-30',
      obtainedOn: '2025-12-06',
      carriedForward: true,
    });
  });
});
