import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docxParagraphs, pdfText } from '../../../test/golden/letters/extract-text.js';
import { getDocumentProxy } from 'unpdf';
import type { Enclosure } from '../../core/letters/appeal-facts.js';
import { letterBlocks, referenceLine } from '../../core/letters/letter-blocks.js';
import type { LetterDocument } from '../../core/letters/letter-types.js';
import { writeLetterDocx, xmlChars } from './write-letter-docx.js';
import { writeLetterPdf } from './write-letter-pdf.js';
import { readZip } from './zip.js';

const DOC: LetterDocument = {
  title: 'Appeal: CPT 77412 downcoded to 77407',
  date: '2026-03-13',
  body: [
    '2026-03-13',
    '',
    'To: Synthetic Health Plan',
    'From: Synthetic Radiation Oncology',
    '',
    'We appeal the payment of this line at the 77407 level [1].',
    '',
    '- System: AlignRT',
    '- Thresholds: 0.3 cm / 3°',
    '',
    'Cardiac risk rises with mean heart dose [2] & R&D <notes> "quoted".',
  ].join('\n'),
  cover: {
    rows: [
      { label: 'Course', value: 'C-SYN00417-1' },
      { label: 'Fractions monitored', value: '18/20' },
    ],
  },
  references: [
    { id: 'astro-code-changes-2026', citation: 'CPT 2026.', url: 'https://example.org/cpt' },
    {
      id: 'darby-2013',
      citation: 'Darby SC, et al. N Engl J Med. 2013.',
      pmid: '23484825',
      doi: '10.1056/NEJMoa1209825',
    },
  ],
};

/** The paragraphs the DOCX writer lays out for a document (cover, page break, letter, references). */
function expectedParagraphs(doc: LetterDocument): string[] {
  const rows = doc.cover.rows.length ? doc.cover.rows : [{ label: '', value: '' }];
  return [
    'Evidence summary',
    doc.title,
    ...rows.flatMap((r) => [r.label, r.value]),
    '',
    doc.title,
    ...letterBlocks(doc.body).map((b) => (b.kind === 'bullet' ? b.text : b.lines.join('\n'))),
    ...(doc.references.length ? ['References', ...doc.references.map(referenceLine)] : []),
  ].map((p) => xmlChars(p).replace(/\r\n|\r/g, '\n'));
}

describe('writeLetterPdf', () => {
  it('writes the cover table, the letter with bullets and the references; the same letter gives the same bytes', async () => {
    const bytes = await writeLetterPdf(DOC);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = await pdfText(bytes);
    for (const s of [
      'Evidence summary',
      'Course',
      'C-SYN00417-1',
      '18/20',
      'We appeal the payment of this line at the 77407 level [1].',
      'System: AlignRT',
      '0.3 cm / 3°',
      '& R&D <notes> "quoted".',
      'References',
      '[2] Darby SC, et al. N Engl J Med. 2013. doi:10.1056/NEJMoa1209825 PMID 23484825',
    ])
      expect(text).toContain(s);
    expect(Buffer.from(await writeLetterPdf(DOC)).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('writeLetterPdf with enclosures (the appeal packet)', () => {
  const ENCLOSURES: Enclosure[] = [
    {
      title: 'SGRT monitoring record, fraction 1 (2026-03-09)',
      what: 'The surface monitoring of this fraction.',
      source: 'alignrt/rtd/S-1; documents/orders-signatures.csv:line 4',
      rows: [
        { label: 'Beam RT TAN MED', value: '15:04:56-15:05:16, 77.7% monitored' },
        { label: 'Physician signature', value: 'DR-1 (physician), before the next beam-on' },
      ],
    },
    {
      title: 'Remittance advice line: claim C-1-7, date of service 2026-03-09',
      what: "The payer's answer to the line appealed.",
      source: 'remittances/2026-03-12.835',
      rows: [{ label: "Payer's claim number", value: 'EHP26031200001' }],
    },
  ];

  it('is the letter, then one evidence page per enclosure: title, what it is, its source file, its facts', async () => {
    const letter = await writeLetterPdf(DOC);
    const packet = await writeLetterPdf(DOC, ENCLOSURES);
    expect(Buffer.from(packet.subarray(0, 5)).toString()).toBe('%PDF-');
    const pages = async (b: Uint8Array) => (await getDocumentProxy(new Uint8Array(b))).numPages;
    expect(await pages(packet)).toBe((await pages(letter)) + ENCLOSURES.length);
    const text = await pdfText(packet);
    expect(text.startsWith(await pdfText(letter))).toBe(true);
    for (const s of [
      'Enclosure 1 of 2: SGRT monitoring record, fraction 1 (2026-03-09)',
      'Source file alignrt/rtd/S-1; documents/orders-signatures.csv:line 4',
      'Beam RT TAN MED 15:04:56-15:05:16, 77.7% monitored',
      'Enclosure 2 of 2: Remittance advice line: claim C-1-7, date of service 2026-03-09',
      "Payer's claim number EHP26031200001",
    ])
      expect(text).toContain(s);
  });
});

describe('writeLetterDocx', () => {
  it('writes the OOXML parts Word needs and the paragraphs in order', () => {
    const bytes = writeLetterDocx(DOC);
    expect([...readZip(bytes).keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'word/document.xml',
      'word/_rels/document.xml.rels',
      'word/numbering.xml',
    ]);
    expect(docxParagraphs(bytes)).toEqual(expectedParagraphs(DOC));
    expect(docxParagraphs(bytes)).toContain(
      'Cardiac risk rises with mean heart dose [2] & R&D <notes> "quoted".',
    );
    expect(Buffer.from(writeLetterDocx(DOC)).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('letter writers on arbitrary text', () => {
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.constantFrom(
      '',
      '&<>"\'',
      ']]>',
      '<w:t>',
      '\t tab',
      'line\r\nbreak',
      '\u0000\u0007',
      '\uD800',
      '日本語 ✓ 😀',
    ),
  );
  const doc: fc.Arbitrary<LetterDocument> = fc.record({
    title: text,
    body: fc
      .array(
        fc.oneof(
          text,
          text.map((t) => `- ${t}`),
          fc.constant(''),
        ),
        { maxLength: 8 },
      )
      .map((l) => l.join('\n')),
    cover: fc.record({ rows: fc.array(fc.record({ label: text, value: text }), { maxLength: 4 }) }),
    references: fc.array(fc.record({ id: fc.constant('r'), citation: text }), { maxLength: 3 }),
  });

  it('the DOCX round-trips through extraction', () => {
    fc.assert(
      fc.property(doc, (d) => {
        expect(docxParagraphs(writeLetterDocx(d))).toEqual(expectedParagraphs(d));
      }),
      { numRuns: 150 },
    );
  });

  const enclosure: fc.Arbitrary<Enclosure> = fc.record({
    title: text,
    what: text,
    source: text,
    rows: fc.array(fc.record({ label: text, value: text }), { maxLength: 3 }),
  });

  it('the PDF (and the packet) never fails', async () => {
    await fc.assert(
      fc.asyncProperty(doc, fc.array(enclosure, { maxLength: 2 }), async (d, enclosures) => {
        const bytes = await writeLetterPdf(d, enclosures);
        expect(bytes.length).toBeGreaterThan(500);
      }),
      { numRuns: 40 },
    );
  });
});
