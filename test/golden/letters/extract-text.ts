import { extractText, getDocumentProxy } from 'unpdf';
import { readZip } from '../../../src/formats/letters/zip.js';

/** The text of a PDF, pages joined (unpdf / pdf.js), whitespace runs folded to single spaces per line. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  return text
    .map((page) =>
      page
        .split('\n')
        .map((l) => l.replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The paragraphs of a .docx (word/document.xml), one line each; line breaks and tabs kept. */
export function docxParagraphs(bytes: Uint8Array): string[] {
  const xml = new TextDecoder().decode(readZip(bytes).get('word/document.xml'));
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map(([, p]) =>
    [...p!.matchAll(/<w:t(?: [^>]*)?>(.*?)<\/w:t>|<w:br\/>|<w:tab\/>/gs)]
      .map((m) =>
        m[0] === '<w:br/>'
          ? '\n'
          : m[0] === '<w:tab/>'
            ? '\t'
            : m[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!),
      )
      .join(''),
  );
}
