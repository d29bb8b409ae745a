import type { LetterDocument } from '../../core/letters/letter-types.js';

/** A letter as an editable Word document (WordprocessingML in a ZIP container). */
export function writeLetterDocx(doc: LetterDocument): Uint8Array {
  throw new Error(`not implemented: ${doc.title}`);
}
