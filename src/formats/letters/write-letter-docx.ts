import { letterBlocks, referenceLine } from '../../core/letters/letter-blocks.js';
import type { LetterDocument } from '../../core/letters/letter-types.js';
import { writeZip } from './zip.js';

/**
 * A letter as an editable Word document (issue #6): WordprocessingML (ECMA-376 Part 1, transitional) in
 * a ZIP container, the parts Word and LibreOffice need: [Content_Types].xml, _rels/.rels,
 * word/document.xml, word/numbering.xml (bullets) and its relationship. Same layout as the PDF: a cover
 * page "Evidence summary" with a two-column table, a page break, the letter, the references.
 * Text is XML-escaped; characters XML 1.0 cannot carry (control characters, lone surrogates) are dropped.
 */
export function writeLetterDocx(doc: LetterDocument): Uint8Array {
  const body: string[] = [
    paragraph('Evidence summary', { bold: true, size: 32 }),
    paragraph(doc.title, { bold: true, size: 24 }),
    table(doc.cover.rows),
    paragraph('', { pageBreakBefore: true }),
    paragraph(doc.title, { bold: true, size: 28 }),
  ];
  for (const block of letterBlocks(doc.body)) {
    body.push(block.kind === 'bullet' ? paragraph(block.text, { bullet: true }) : paragraph(block.lines));
  }
  if (doc.references.length) {
    body.push(paragraph('References', { bold: true, size: 24 }));
    doc.references.forEach((r, i) => body.push(paragraph(referenceLine(r, i), { size: 18 })));
  }
  const document =
    `${XML_HEAD}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body.join('')}` +
    `<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>` +
    `</w:body></w:document>`;
  const utf8 = (s: string) => new TextEncoder().encode(s);
  return writeZip([
    { name: '[Content_Types].xml', data: utf8(CONTENT_TYPES) },
    { name: '_rels/.rels', data: utf8(ROOT_RELS) },
    { name: 'word/document.xml', data: utf8(document) },
    { name: 'word/_rels/document.xml.rels', data: utf8(DOCUMENT_RELS) },
    { name: 'word/numbering.xml', data: utf8(NUMBERING) },
  ]);
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CONTENT_TYPES =
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' +
  '</Types>';
const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';
const DOCUMENT_RELS =
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' +
  '</Relationships>';
const NUMBERING =
  `${XML_HEAD}<w:numbering xmlns:w="${W}">` +
  '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>' +
  '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>' +
  '<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>' +
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
  '</w:numbering>';

interface ParagraphStyle {
  bold?: boolean;
  /** Half-points (24 = 12 pt). */
  size?: number;
  bullet?: boolean;
  pageBreakBefore?: boolean;
}

/** One paragraph; several lines become line breaks inside it. */
function paragraph(text: string | readonly string[], style: ParagraphStyle = {}): string {
  const lines = (typeof text === 'string' ? [text] : text).flatMap((l) => l.split(/\r\n|\r|\n/));
  const pPr = [
    style.pageBreakBefore ? '<w:pageBreakBefore/>' : '',
    style.bullet ? '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' : '',
    '<w:spacing w:after="120"/>',
  ].join('');
  const rPr = `${style.bold ? '<w:b/>' : ''}${style.size ? `<w:sz w:val="${style.size}"/>` : ''}`;
  const runs = lines.map(
    (line, i) => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}${i ? '<w:br/>' : ''}${textRun(line)}</w:r>`,
  );
  return `<w:p><w:pPr>${pPr}</w:pPr>${runs.join('')}</w:p>`;
}

/** Text with tabs as <w:tab/>, spaces preserved. */
function textRun(text: string): string {
  return text
    .split('\t')
    .map((part) => (part ? `<w:t xml:space="preserve">${escapeXml(part)}</w:t>` : ''))
    .join('<w:tab/>');
}

function table(rows: readonly { label: string; value: string }[]): string {
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="999999"/>`;
  const cell = (text: string, width: number, bold: boolean) =>
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${paragraph(text, { bold })}</w:tc>`;
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="9360" w:type="dxa"/><w:tblBorders>${['top', 'bottom', 'insideH'].map(border).join('')}</w:tblBorders></w:tblPr>` +
    '<w:tblGrid><w:gridCol w:w="3200"/><w:gridCol w:w="6160"/></w:tblGrid>' +
    (rows.length ? rows : [{ label: '', value: '' }])
      .map((r) => `<w:tr>${cell(r.label, 3200, true)}${cell(r.value, 6160, false)}</w:tr>`)
      .join('') +
    '</w:tbl>'
  );
}

/** XML 1.0 text: the five special characters escaped, characters it cannot carry dropped. */
export function escapeXml(text: string): string {
  return xmlChars(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Drops what XML 1.0 cannot carry: control characters other than tab/newline/CR, lone surrogates, U+FFFE/U+FFFF. */
export function xmlChars(text: string): string {
  return text.replace(NOT_XML, '');
}

const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
