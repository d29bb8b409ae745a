import type { LetterReference } from './letter-types.js';

/**
 * The letter body as both renderers (PDF, DOCX) lay it out: paragraphs separated by blank lines (single
 * line breaks kept inside a paragraph, e.g. an address block) and bullets ("- " at the start of a line).
 */
export type LetterBlock = { kind: 'paragraph'; lines: string[] } | { kind: 'bullet'; text: string };

export function letterBlocks(body: string): LetterBlock[] {
  const blocks: LetterBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', lines: paragraph });
    paragraph = [];
  };
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line.trim() === '') flush();
    else if (line.startsWith('- ')) {
      flush();
      blocks.push({ kind: 'bullet', text: line.slice(2).trim() });
    } else paragraph.push(line);
  }
  flush();
  return blocks;
}

/** "[1] Citation. doi:10.… PMID 123. https://…", as the references section lists it. */
export function referenceLine(ref: LetterReference, index: number): string {
  const extra = [ref.doi ? `doi:${ref.doi}` : null, ref.pmid ? `PMID ${ref.pmid}` : null, ref.url ?? null];
  return [`[${index + 1}] ${ref.citation}`, ...extra.filter((x): x is string => x !== null)].join(' ');
}
