import PDFDocument from 'pdfkit';
import { letterBlocks, referenceLine } from '../../core/letters/letter-blocks.js';
import type { Enclosure } from '../../core/letters/appeal-facts.js';
import type { LetterDocument } from '../../core/letters/letter-types.js';
import { pdfBytes } from '../alignrt/report/write-treatment-report.js';

const MARGIN = 72;
const WIDTH = 612 - 2 * MARGIN;
const LABEL_WIDTH = 170;
const GAP = 12;
const BULLET_INDENT = 14;
const BODY = 10.5;

/**
 * A letter as PDF (issue #6): a cover page "Evidence summary" (the letter's title and the evidence
 * table), then the letter (title, paragraphs, bullets) and its references. No letterhead: the practice
 * prints on its own paper. Standard Helvetica (WinAnsi): characters outside it are drawn as pdfkit
 * maps them, never an error. Deterministic: the creation date is the letter's date (else 2026-01-01),
 * so the same letter gives the same bytes. With enclosures it is the appeal packet: after the letter,
 * one evidence page per enclosure (what it is, its source file, its key facts), in the cover's table.
 */
export function writeLetterPdf(
  doc: LetterDocument,
  enclosures: readonly Enclosure[] = [],
): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    size: 'LETTER',
    margin: MARGIN,
    info: {
      Title: doc.title,
      Producer: 'sgrt-billing',
      Creator: 'sgrt-billing',
      CreationDate: creationDate(doc.date),
    },
  });
  const bottom = pdf.page.height - MARGIN;

  heading(pdf, 'Evidence summary', 16);
  heading(pdf, doc.title, 12);
  pdf.moveDown(0.5);
  table(pdf, doc.cover.rows, bottom);

  pdf.addPage();
  heading(pdf, doc.title, 14);
  pdf.moveDown(0.5);
  let previous: 'paragraph' | 'bullet' | null = null;
  for (const block of letterBlocks(doc.body)) {
    pdf.font('Helvetica').fontSize(BODY);
    if (previous === 'bullet' && block.kind === 'paragraph') pdf.moveDown(0.4);
    previous = block.kind;
    if (block.kind === 'bullet') {
      // A bullet stays on one page with its mark (pdfkit would flow the text alone to the next).
      keepTogether(pdf, pdf.heightOfString(block.text, { width: WIDTH - BULLET_INDENT }), bottom);
      const top = pdf.y;
      pdf.text('•', MARGIN, top, { width: BULLET_INDENT });
      pdf.text(block.text, MARGIN + BULLET_INDENT, top, { width: WIDTH - BULLET_INDENT });
      pdf.x = MARGIN;
      pdf.moveDown(0.2);
    } else {
      // A paragraph starts on the next page rather than leave a single line at the foot of this one.
      keepTogether(
        pdf,
        Math.min(
          pdf.heightOfString(block.lines.join('\n'), { width: WIDTH }),
          3 * pdf.currentLineHeight(true),
        ),
        bottom,
      );
      pdf.text(block.lines.join('\n'), MARGIN, pdf.y, { width: WIDTH });
      pdf.moveDown(0.6);
    }
  }
  if (doc.references.length) {
    pdf.moveDown(0.5);
    heading(pdf, 'References', 12);
    pdf.font('Helvetica').fontSize(9);
    doc.references.forEach((r, i) => {
      keepTogether(pdf, pdf.heightOfString(referenceLine(r, i), { width: WIDTH }), bottom);
      pdf.text(referenceLine(r, i), MARGIN, pdf.y, { width: WIDTH });
      pdf.moveDown(0.3);
    });
  }
  enclosures.forEach((e, i) => {
    pdf.addPage();
    heading(pdf, `Enclosure ${i + 1} of ${enclosures.length}: ${e.title}`, 12);
    pdf.font('Helvetica').fontSize(BODY).text(e.what, MARGIN, pdf.y, { width: WIDTH });
    pdf.moveDown(0.6);
    table(pdf, [{ label: 'Source file', value: e.source }, ...e.rows], bottom);
  });
  return pdfBytes(pdf);
}

/** Label/value rows with a rule above each; a row is kept on one page. */
function table(
  pdf: PDFKit.PDFDocument,
  rows: readonly { label: string; value: string }[],
  bottom: number,
): void {
  for (const row of rows) {
    pdf.font('Helvetica').fontSize(BODY);
    const height = Math.max(
      pdf.font('Helvetica-Bold').heightOfString(row.label, { width: LABEL_WIDTH }),
      pdf.font('Helvetica').heightOfString(row.value, { width: WIDTH - LABEL_WIDTH - GAP }),
    );
    keepTogether(pdf, height, bottom);
    const top = pdf.y;
    pdf
      .moveTo(MARGIN, top - 3)
      .lineTo(MARGIN + WIDTH, top - 3)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    pdf.font('Helvetica-Bold').text(row.label, MARGIN, top, { width: LABEL_WIDTH });
    pdf
      .font('Helvetica')
      .text(row.value, MARGIN + LABEL_WIDTH + GAP, top, { width: WIDTH - LABEL_WIDTH - GAP });
    pdf.x = MARGIN;
    pdf.y = top + height + 6;
  }
}

/** A new page when `height` (at most a page) does not fit above the bottom margin. */
function keepTogether(pdf: PDFKit.PDFDocument, height: number, bottom: number): void {
  if (pdf.y + Math.min(height, bottom - MARGIN) > bottom) pdf.addPage();
}

function heading(pdf: PDFKit.PDFDocument, text: string, size: number): void {
  pdf.font('Helvetica-Bold').fontSize(size).text(text, MARGIN, pdf.y, { width: WIDTH });
  pdf.moveDown(0.3);
}

function creationDate(date: string | undefined): Date {
  const ms = date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
  return new Date(Number.isNaN(ms) ? Date.UTC(2026, 0, 1) : ms);
}
