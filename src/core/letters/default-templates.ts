import type { LetterType } from './letter-types.js';

/** The bundled default template of a letter type: plain text with {{placeholders}}. */
export function defaultTemplate(type: LetterType): string {
  throw new Error(`not implemented: ${type}`);
}

/** Every placeholder a template may use, for the template editor and renderTemplate's checks. */
export const TEMPLATE_PLACEHOLDERS: readonly { name: string; description: string }[] = [];
