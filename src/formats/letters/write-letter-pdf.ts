import type { LetterDocument } from '../../core/letters/letter-types.js';

/** A letter as PDF: title, body, evidence summary cover page, references. Deterministic bytes. */
export function writeLetterPdf(doc: LetterDocument): Promise<Uint8Array> {
  return Promise.reject(new Error(`not implemented: ${doc.title}`));
}
