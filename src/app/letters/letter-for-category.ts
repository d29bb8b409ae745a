import type { LetterType } from '../../core/letters/letter-types.js';
import type { RemitCategory } from '../../core/remit/remit-category.js';

/**
 * The letter that answers a remittance line of each category (domain.md §4, "What to do"): an appeal
 * for the four 2026 payer problems, a peer-to-peer preparation sheet for other denials (medical
 * necessity is argued with the reviewer first). Paid and underpaid lines get no letter: an underpayment
 * is a contract dispute, not an appeal of a coverage decision.
 */
export const LETTER_FOR_CATEGORY = {
  downcoded: 'appeal-downcode',
  'igrt-professional-denied': 'appeal-igrt-denial',
  'authorization-2025': 'appeal-authorization-2025',
  'zero-paid-no-denial-code': 'appeal-zero-payment',
  'other-denial': 'peer-to-peer',
} as const satisfies Partial<Record<RemitCategory, LetterType>>;
/** The mapping's type: the web UI keeps a copy that the compiler holds to this one. */
export type LetterForCategory = typeof LETTER_FOR_CATEGORY;

export function letterTypeFor(category: string): LetterType | null {
  return Object.hasOwn(LETTER_FOR_CATEGORY, category)
    ? LETTER_FOR_CATEGORY[category as keyof LetterForCategory]
    : null;
}
