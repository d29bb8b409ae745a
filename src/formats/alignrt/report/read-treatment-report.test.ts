import { readFileSync } from 'node:fs';
import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { reportPdf, US_SINGLE_PAGE } from '../../../../test/fixtures/alignrt/report/make-reports.js';
import { looksTreatmentReport, readTreatmentReport } from './read-treatment-report.js';
import type { ReadTreatmentReportOptions, TreatmentReport } from './report-types.js';

const DIR = new URL('../../../../test/fixtures/alignrt/report/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, DIR)));

const STATEMENT =
  'The AlignRT system was used to position the patient immediately prior to treatment and to track the ' +
  'patient during treatment in 3D mode. The following parameters are couch shifts in standard couch ' +
  'coordinates, which were computed by AlignRT, in order to assess the accuracy of patient set-up and to ' +
  'prevent geographical miss with the radiation beam.';

/** Every name, ID and date of birth in the fixtures: none may appear in a problem or a warning. */
const PHI = [
  'SAMPLE, PATIENT',
  'SYN00417',
  '11/9/1960',
  'TESTCASE',
  'Bertha',
  'SYN20871',
  '05/11/1958',
  'ZZTEST',
  'ALICE',
  'SYN30552',
  '2/29/1964',
  'ORDERTEST',
  'SYN44120',
  '12/31/1971',
];

function expectNoPhi(messages: { location: string; message: string }[]): void {
  const text = JSON.stringify(messages);
  for (const value of PHI) expect(text).not.toContain(value);
}

const expected: [string, ReadTreatmentReportOptions, Partial<TreatmentReport>][] = [
  [
    // Rendered by a browser, not by our generator (/work/shared/fixtures/alignrt/SOURCE.md).
    'report-single-session.pdf',
    {},
    {
      dateOrder: 'MDY',
      reportDateTime: '2026-03-02T08:23:00',
      patientName: 'SAMPLE, PATIENT',
      patientId: 'SYN00417',
      dateOfBirth: '1960-11-09',
      pcrNumber: '249-2741',
      start: '2026-03-02T08:11:51',
      end: '2026-03-02T08:21:50',
      totalDurationSec: 599,
      statement:
        'The AlignRT system was used to position the patient immediately prior to treatment and to track the ' +
        'patient during treatment in 3D mode. The following parameters are couch shifts in standard couch ' +
        'coordinates, which were computed by AlignRT, in order to assess the accuracy of patient set-up and to ' +
        'prevent geographical miss with the radiation beam.',
      sessions: [
        {
          index: 'final',
          protocol: 'ChestWallDIBH',
          planName: 'LCW5040',
          isocentre: [77.6, -243.5, 88.1],
          start: '2026-03-02T08:14:19',
          end: '2026-03-02T08:20:38',
          durationSec: 379,
          page: 1,
        },
      ],
      graphPages: [],
      pageCount: 1,
    },
  ],
  [
    'multi-page-dmy-24h.pdf',
    { dateOrder: 'DMY' },
    {
      dateOrder: 'DMY',
      reportDateTime: '2026-03-23T10:58:00',
      patientName: 'TESTCASE, Bertha',
      patientId: 'SYN20871',
      dateOfBirth: '1958-11-05',
      pcrNumber: '100-0145',
      start: '2026-03-23T10:31:07',
      end: '2026-03-23T10:52:40',
      totalDurationSec: 1293,
      statement: STATEMENT,
      sessions: [
        {
          index: 1,
          protocol: 'Breast DIBH',
          planName: 'RBr 50Gy/25',
          isocentre: [-12.4, 3, -101.7],
          start: '2026-03-23T10:36:02',
          end: '2026-03-23T10:41:15',
          durationSec: 312,
          page: 1,
        },
        {
          // Heading and first row on page 1; Plan Name, End Time, Isocentre, Total Duration on page 2.
          index: 'final',
          protocol: 'Breast DIBH',
          planName: 'RBr SCF 50Gy/25',
          isocentre: [-14, 2.5, -98.9],
          start: '2026-03-23T10:44:30',
          end: '2026-03-23T10:50:58',
          durationSec: 388,
          page: 1,
        },
      ],
      graphPages: [3, 4],
      pageCount: 4,
    },
  ],
  [
    'us-single-page.pdf',
    { dateOrder: 'MDY' },
    {
      reportDateTime: '2026-03-10T13:05:00',
      patientName: 'ZZTEST, ALICE Q',
      patientId: 'SYN30552',
      dateOfBirth: '1964-02-29',
      pcrNumber: '249-3310',
      start: '2026-03-10T12:41:03',
      end: '2026-03-10T13:02:11',
      totalDurationSec: 1268,
      statement: STATEMENT,
      sessions: [
        {
          index: 1,
          protocol: 'Left Breast DIBH',
          planName: 'LBR4005',
          isocentre: [0, 0, 0],
          start: '2026-03-10T12:44:10',
          end: '2026-03-10T12:50:33',
          durationSec: 382,
          page: 1,
        },
        {
          index: 'final',
          protocol: 'LSCV DIBH',
          planName: 'LSCV4005',
          isocentre: [85.2, -240.1, 90.3],
          start: '2026-03-10T12:55:48',
          end: '2026-03-10T13:00:02',
          durationSec: 254,
          page: 1,
        },
      ],
      graphPages: [],
      pageCount: 1,
    },
  ],
  [
    'right-column-first.pdf',
    {},
    {
      reportDateTime: '2026-03-04T14:31:00',
      patientName: 'ORDERTEST, Carl',
      patientId: 'SYN44120',
      dateOfBirth: '1971-12-31',
      pcrNumber: '311-0007',
      start: '2026-03-04T14:05:09',
      end: '2026-03-04T14:27:45',
      totalDurationSec: 1356,
      statement: STATEMENT,
      sessions: [
        {
          index: 'final',
          protocol: 'Thorax SBRT',
          planName: 'LLL SBRT 54/3',
          isocentre: [31.9, -188, 42.6],
          start: '2026-03-04T14:09:55',
          end: '2026-03-04T14:25:13',
          durationSec: 917,
          page: 1,
        },
      ],
    },
  ],
];

describe('readTreatmentReport: fixtures', () => {
  it.each(expected)('%s', async (name, options, report) => {
    const result = await readTreatmentReport(fixture(name), name, options);
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({ format: 'alignrt-treatment-report', ...report }),
      warnings: [],
    });
  });

  it('right-column-first.pdf really prints the right column first (so only positions can pair the fields)', async () => {
    const doc = await getDocumentProxy(fixture('right-column-first.pdf'));
    const content = await (await doc.getPage(1)).getTextContent();
    const texts = content.items.flatMap((item) => ('str' in item && item.str.trim() ? [item.str] : []));
    await doc.destroy();
    expect(texts.slice(0, 2)).toEqual(['Total Duration:', '00:15:17']);
    expect(texts.indexOf('Start Time:')).toBeLessThan(texts.indexOf('Protocol:'));
    expect(texts.at(-1)).toBe('Treatment Report');
  });

  const refused: [string, ReadTreatmentReportOptions, { location: string; message: RegExp }[]][] = [
    [
      'multi-page-dmy-24h.pdf',
      { dateOrder: 'MDY' },
      [
        { location: 'multi-page-dmy-24h.pdf:page 1, "Report Date/Time"', message: /dateOrder 'MDY'/ },
        {
          location: 'multi-page-dmy-24h.pdf:page 1, SYSTEM DETAILS, "Start Time"',
          message: /set dateOrder to 'DMY'/,
        },
        {
          location: 'multi-page-dmy-24h.pdf:page 1, MONITORING SESSION 1, "End Time"',
          message: /M\/D\/YYYY/,
        },
        {
          location: 'multi-page-dmy-24h.pdf:page 2, FINAL MONITORING SESSION, "End Time"',
          message: /M\/D\/YYYY/,
        },
      ],
    ],
    [
      'incomplete.pdf',
      {},
      [
        {
          location: 'incomplete.pdf:page 1, MONITORING SESSION 1, "End Time"',
          message: /not found or empty/,
        },
        { location: 'incomplete.pdf:page 1', message: /"Page 1 \/ 3".*incomplete/ },
      ],
    ],
    ['password-protected.pdf', {}, [{ location: 'password-protected.pdf', message: /password-protected/ }]],
    ['scanned-image-only.pdf', {}, [{ location: 'scanned-image-only.pdf', message: /no text/ }]],
    [
      'not-a-report.pdf',
      {},
      [{ location: 'not-a-report.pdf:page 1', message: /not an alignRT Treatment Report/ }],
    ],
    [
      'multi-page-dmy-24h.pdf',
      { dateOrder: 'DMY', maxPages: 3 },
      [{ location: 'multi-page-dmy-24h.pdf', message: /4 pages, more than the 3/ }],
    ],
    [
      'us-single-page.pdf',
      { maxBytes: 1000 },
      [{ location: 'us-single-page.pdf', message: /larger than 1000 bytes/ }],
    ],
  ];
  it.each(refused)('%s %j is refused with located problems', async (name, options, problems) => {
    const result = await readTreatmentReport(fixture(name), name, options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const p of problems)
      expect(result.problems).toContainEqual({
        location: p.location,
        message: expect.stringMatching(p.message),
      });
    expectNoPhi(result.problems);
  });
});

describe('readTreatmentReport: damaged and foreign input', () => {
  it('refuses what is not a PDF, and an empty file', async () => {
    const text = new TextEncoder().encode('Patient ID:, SYN00417\r\nStart Time:, 260302_081419\r\n');
    expect(await readTreatmentReport(text, 'a.txt')).toEqual({
      ok: false,
      problems: [{ location: 'a.txt', message: expect.stringMatching(/not a PDF/) }],
    });
    expect(await readTreatmentReport(new Uint8Array(), 'e.pdf')).toEqual({
      ok: false,
      problems: [{ location: 'e.pdf', message: expect.stringMatching(/empty/) }],
    });
  });

  it('refuses a truncated report, saying it looks cut short', async () => {
    const bytes = fixture('multi-page-dmy-24h.pdf');
    for (const keep of [0.25, 0.5, 0.9]) {
      const result = await readTreatmentReport(bytes.slice(0, Math.floor(bytes.length * keep)), 'cut.pdf', {
        dateOrder: 'DMY',
      });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.problems.some((p) => /truncated|damaged|cut short/.test(p.message))).toBe(true);
        expectNoPhi(result.problems);
      }
    }
  });

  it('gives up with a problem when the time budget is spent', async () => {
    const result = await readTreatmentReport(fixture('multi-page-dmy-24h.pdf'), 'slow.pdf', { timeoutMs: 0 });
    expect(result).toEqual({
      ok: false,
      problems: [{ location: 'slow.pdf', message: expect.stringMatching(/took longer than 0 s/) }],
    });
  });

  it('reads a report encrypted with an owner password only (permissions, no password to open)', async () => {
    const bytes = await reportPdf(US_SINGLE_PAGE, { ownerPassword: 'owner', pdfVersion: '1.7' });
    const result = await readTreatmentReport(bytes, 'owner.pdf');
    expect(result.ok && result.value.sessions.map((s) => s.start)).toEqual([
      '2026-03-10T12:44:10',
      '2026-03-10T12:55:48',
    ]);
  });

  it('accepts a binary string and leaves the caller’s bytes untouched', async () => {
    const bytes = fixture('report-single-session.pdf');
    const copy = bytes.slice();
    const fromBytes = await readTreatmentReport(bytes, 'r.pdf');
    expect(bytes).toEqual(copy);
    const fromString = await readTreatmentReport(Buffer.from(bytes).toString('latin1'), 'r.pdf');
    expect(fromString).toEqual(fromBytes);
  });
});

describe('looksTreatmentReport', () => {
  it('recognises a PDF by its header', () => {
    for (const name of ['report-single-session.pdf', 'us-single-page.pdf', 'password-protected.pdf'])
      expect(looksTreatmentReport(fixture(name).subarray(0, 4096))).toBe(true);
  });
  it('rejects other content', () => {
    for (const text of ['', 'Patient ID:, SYN00417', 'MSH|^~\\&|', '{"schemaVersion":1}', 'PDF-1.4'])
      expect(looksTreatmentReport(new TextEncoder().encode(text))).toBe(false);
    const dicom = new Uint8Array(200);
    dicom.set(new TextEncoder().encode('DICM'), 128);
    expect(looksTreatmentReport(dicom)).toBe(false);
  });
});
