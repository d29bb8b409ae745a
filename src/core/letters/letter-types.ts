/**
 * Letters to payers (issue #6): prior authorization, retro-authorization, appeals and a peer-to-peer
 * preparation sheet, assembled from the course facts, the audit and the remittance (domain.md §3.3, §4,
 * §8).
 * This file is the contract between the letter content (core/formats/cli) and its storage/API/UI.
 */
export const LETTER_TYPES = [
  'prior-authorization',
  'retro-authorization',
  'appeal-downcode',
  'appeal-igrt-denial',
  'appeal-authorization-2025',
  'appeal-zero-payment',
  'appeal-medical-necessity',
  'redetermination',
  'peer-to-peer',
] as const;
export type LetterType = (typeof LETTER_TYPES)[number];
/**
 * Appeals answer one remittance line (its claim, date of service and adjustments); so does the
 * retro-authorization request, the answer to a line denied for want of an authorization, and the
 * redetermination request, traditional Medicare's first level of appeal (42 CFR 405.940).
 */
export const APPEAL_TYPES: readonly LetterType[] = [
  'retro-authorization',
  'appeal-downcode',
  'appeal-igrt-denial',
  'appeal-authorization-2025',
  'appeal-zero-payment',
  'appeal-medical-necessity',
  'redetermination',
];
/**
 * Letters that answer a claim, not one line: the lines of a claim denied for want of an authorization
 * (or for riding on a 2025 one) turn on one authorization decision, so one request or appeal names the
 * payer's claim (CLP07) and lists every service of it denied for that reason, with its date, code and
 * amount, as an appeal request lists "the specific service(s) and/or item(s) … and the specific date(s)
 * of service" (42 CFR 405.944(b)(3)); a second letter for another line of the claim would be a twin.
 */
export const CLAIM_LETTER_TYPES: readonly LetterType[] = ['retro-authorization', 'appeal-authorization-2025'];

export interface LetterReference {
  id: string;
  citation: string;
  doi?: string;
  pmid?: string;
  url?: string;
}
/** What to add to the chart before the letter can be sent. */
export interface LetterMissing {
  element: string;
  fix: string;
}
/** Drafting warnings (the letter can still be sent, but a reviewer will push back). */
export interface LetterWarning {
  code: string;
  message: string;
}
/** The cover summary of the evidence attached. */
export interface EvidenceSummary {
  rows: { label: string; value: string }[];
}
/** What a renderer needs: the rendered text of the (possibly edited) letter and its attachments. */
export interface LetterDocument {
  title: string;
  /** The letter body as plain text: paragraphs separated by blank lines; lines starting with "- " are bullets. */
  body: string;
  cover: EvidenceSummary;
  references: LetterReference[];
  /** The letter's date (YYYY-MM-DD): the PDF's fixed creation date, so the same letter gives the same bytes. */
  date?: string;
}
export interface LetterDraft extends LetterDocument {
  type: LetterType;
  /** False when the chart cannot support the letter: `missing` says what to add first; body then explains it. */
  ready: boolean;
  missing: LetterMissing[];
  warnings: LetterWarning[];
  /** Id and version of the template used (bundled default or the practice's). */
  template: { id: string; version: number };
}

export function isLetterType(value: string): value is LetterType {
  return (LETTER_TYPES as readonly string[]).includes(value);
}
