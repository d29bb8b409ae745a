/**
 * Writes an alignRT Treatment Report PDF (domain.md §5.2) in the layout `read-treatment-report.ts` reads
 * (README.md, "Supported layout"): the layout of the two samples in the seed ("Sample AlignRT Document",
 * single and multi page) and of the browser-rendered `report-single-session.pdf`: title, Report
 * Date/Time, PATIENT DETAILS and SYSTEM DETAILS / SETTINGS side by side, a STATEMENT paragraph, MONITORING
 * SESSION blocks (Protocol, Plan Name, Isocentre on the left; Start Time, End Time, Total Duration on the
 * right), graph pages headed CONTINUED, and "Page k / n" footers. Dates are written as given (the site's
 * locale: month or day first is the caller's choice). With a fixed creation date the output is the same
 * bytes for the same report (except when encrypted: pdfkit draws a random key).
 *
 * Used by the demo clinic generator (src/app/demo-data) and by the reader's fixtures
 * (test/fixtures/alignrt/report/make-reports.ts).
 */
import PDFDocument from 'pdfkit';

// Column x positions and row pitch of the browser-rendered report (points, from the left edge).
const LEFT_LABEL = 52.5;
const LEFT_VALUE = 145;
const RIGHT_LABEL = 309.4;
const RIGHT_VALUE = 401.8;
const ROW = 15;
const PAGE_BOTTOM = 740;

export const STATEMENT =
  'The AlignRT system was used to position the patient immediately prior to treatment and to track the ' +
  'patient during treatment in 3D mode. The following parameters are couch shifts in standard couch ' +
  'coordinates, which were computed by AlignRT, in order to assess the accuracy of patient set-up and to ' +
  'prevent geographical miss with the radiation beam.';

export interface SessionSpec {
  title: string;
  protocol: string;
  planName: string;
  isocentre: string;
  start: string;
  end: string;
  duration: string;
  /** Start a new page after this many of the session's three rows (0 = before its heading). */
  breakAfterRows?: number;
  /** Graph pages drawn after the session. */
  graphPages?: number;
}

export interface ReportSpec {
  reportDateTime: string;
  name: string;
  patientId: string;
  dateOfBirth: string;
  pcrNumber: string;
  start: string;
  end: string;
  duration: string;
  sessions: SessionSpec[];
  /** Content-stream order: as read (`natural`) or right column first, bottom line first, title last. */
  order?: 'natural' | 'right-first';
  /** Override the page total printed in the footers (to write an incomplete report). */
  footerTotal?: number;
}

type Op =
  | { kind: 'text'; x: number; y: number; text: string; bold?: boolean; size?: number; column?: 'right' }
  | { kind: 'graph'; y: number }
  | { kind: 'page-header'; continued: boolean };

/** Lays the report out as pages of drawing operations (y from the top of the page). */
function layout(spec: ReportSpec): Op[][] {
  const pages: Op[][] = [[{ kind: 'page-header', continued: false }]];
  let y = 100;
  const page = () => pages[pages.length - 1]!;
  const newPage = () => {
    pages.push([{ kind: 'page-header', continued: true }]);
    y = 110;
  };
  const text = (x: number, t: string, extra: Partial<Extract<Op, { kind: 'text' }>> = {}) =>
    page().push({ kind: 'text', x, y, text: t, ...extra });
  const row = (left: [string, string] | null, right: [string, string] | null) => {
    if (y + ROW > PAGE_BOTTOM) newPage();
    if (left) {
      text(LEFT_LABEL, left[0]);
      text(LEFT_VALUE, left[1]);
    }
    if (right) {
      text(RIGHT_LABEL, right[0], { column: 'right' });
      text(RIGHT_VALUE, right[1], { column: 'right' });
    }
    y += ROW;
  };

  text(49.5, `Report Date/Time: ${spec.reportDateTime}`, { size: 9 });
  y += 24;
  text(LEFT_LABEL, 'PATIENT DETAILS', { bold: true, size: 9 });
  text(RIGHT_LABEL, 'SYSTEM DETAILS / SETTINGS', { bold: true, size: 9, column: 'right' });
  y += ROW;
  row(['Name:', spec.name], ['PCR Number:', spec.pcrNumber]);
  row(['Patient ID:', spec.patientId], ['Start Time:', spec.start]);
  row(['Date of Birth:', spec.dateOfBirth], ['End Time:', spec.end]);
  row(null, ['Total Duration:', spec.duration]);
  y += 14;
  text(56.25, 'STATEMENT', { bold: true });
  y += 11;
  for (const line of wrap(STATEMENT, 96)) {
    text(56.25, line);
    y += 10.5;
  }
  y += 18;
  for (const s of spec.sessions) {
    if (s.breakAfterRows === 0 || y + 4 * ROW > PAGE_BOTTOM) newPage();
    text(LEFT_LABEL, s.title, { bold: true, size: 9 });
    y += ROW;
    const rows: [[string, string], [string, string]][] = [
      [
        ['Protocol:', s.protocol],
        ['Start Time:', s.start],
      ],
      [
        ['Plan Name:', s.planName],
        ['End Time:', s.end],
      ],
      [
        ['Isocentre:', s.isocentre],
        ['Total Duration:', s.duration],
      ],
    ];
    rows.forEach(([l, r], i) => {
      if (s.breakAfterRows === i && i > 0) newPage();
      row(l, r);
    });
    y += 20;
    for (let g = 0; g < (s.graphPages ?? 0); g++) {
      newPage();
      page().push({ kind: 'graph', y });
      y = PAGE_BOTTOM;
    }
  }
  return pages;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Orders a page's operations for the content stream. */
function ordered(ops: Op[], order: ReportSpec['order']): Op[] {
  if (order !== 'right-first') return ops;
  const rank = (op: Op) =>
    op.kind === 'page-header' ? 2 : op.kind === 'text' && op.column === 'right' ? 0 : 1;
  const y = (op: Op) => (op.kind === 'page-header' ? 0 : op.y);
  // Right column first, then the left column; within each, the bottom line first; the title last.
  return [...ops].sort((a, b) => rank(a) - rank(b) || y(b) - y(a));
}

function drawGraph(doc: PDFKit.PDFDocument, top: number): void {
  const labels = ['L/R mm', 'S/I mm', 'A/P mm'];
  labels.forEach((label, i) => {
    const y0 = top + i * 190;
    doc.save();
    doc.rotate(-90, { origin: [58, y0 + 80] });
    doc
      .font('Helvetica')
      .fontSize(8)
      .text(label, 58, y0 + 80, { lineBreak: false });
    doc.restore();
    doc.rect(90, y0, 460, 160).lineWidth(0.5).stroke();
    doc.moveTo(90, y0 + 80);
    for (let k = 0; k <= 92; k++) doc.lineTo(90 + k * 5, y0 + 80 + 12 * Math.sin(k / 7));
    doc.stroke();
    for (const tick of ['-2.0', '0.0', '2.0'])
      doc.fontSize(7).text(tick, 74, y0 + 80 - Number(tick) * 30 - 3, { lineBreak: false });
  });
  doc.fontSize(8).text('Time (s)', 300, top + 3 * 190 - 15, { lineBreak: false });
  ['0.0', '60.0', '120.0', '180.0', '240.0'].forEach((t, i) =>
    doc.fontSize(7).text(t, 90 + i * 110, top + 3 * 190 - 28, { lineBreak: false }),
  );
}

export interface WriteTreatmentReportOptions {
  /** pdfkit options (e.g. passwords); `info` here replaces the default document information. */
  pdf?: PDFKit.PDFDocumentOptions;
  /** Document information Producer (default `sgrt-billing`). */
  producer?: string;
  /** Document information CreationDate: fixed, so that the same report gives the same bytes. */
  creationDate?: Date;
}

/** A new letter-size pdfkit document without margins, with fixed document information. */
export function newReportDocument(options: WriteTreatmentReportOptions = {}): PDFKit.PDFDocument {
  return new PDFDocument({
    size: 'LETTER',
    margin: 0,
    autoFirstPage: false,
    info: {
      Title: 'alignRT Treatment Report',
      Producer: options.producer ?? 'sgrt-billing',
      CreationDate: options.creationDate ?? new Date(Date.UTC(2026, 0, 1)),
    },
    ...options.pdf,
  });
}

/** The document's bytes once it is ended. */
export async function pdfBytes(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** A treatment report PDF for `spec`. */
export async function writeTreatmentReport(
  spec: ReportSpec,
  options: WriteTreatmentReportOptions = {},
): Promise<Uint8Array> {
  const doc = newReportDocument(options);
  const pages = layout(spec);
  const total = spec.footerTotal ?? pages.length;
  pages.forEach((ops, i) => {
    doc.addPage();
    const footer: Op = { kind: 'text', x: 293.8, y: 740, text: `Page ${i + 1} / ${total}`, size: 8 };
    for (const op of ordered([...ops, footer], spec.order)) {
      if (op.kind === 'page-header') {
        doc
          .font('Helvetica-Bold')
          .fontSize(16)
          .text('alignRT', 49.5, 54, { lineBreak: false, continued: true });
        doc.fontSize(11).text('®', { lineBreak: false, continued: true, baseline: 'top' });
        doc.fontSize(16).text(' Treatment Report', { lineBreak: false });
        if (op.continued) doc.fontSize(10).text('CONTINUED', 49.5, 82, { lineBreak: false });
      } else if (op.kind === 'graph') drawGraph(doc, op.y);
      else {
        doc
          .font(op.bold ? 'Helvetica-Bold' : 'Helvetica')
          .fontSize(op.size ?? 9.5)
          .text(op.text, op.x, op.y, { lineBreak: false });
      }
    }
  });
  return pdfBytes(doc);
}
