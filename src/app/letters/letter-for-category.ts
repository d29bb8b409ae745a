import type { LetterType } from '../../core/letters/letter-types.js';
import type { RemitCategory } from '../../core/remit/remit-category.js';

/**
 * The letter that answers a remittance line of each category (domain.md §4 "What to do", §6.1): an
 * appeal for the four 2026 payer problems; for an authorization denial without the 2025 carry-forward,
 * the authorization request itself (the retro-authorization the payer needs before it reprocesses); a
 * peer-to-peer preparation sheet for a frequency denial (the course's treatment dates and sessions, for
 * the twice-daily documentation) and for other denials (medical necessity is argued with the reviewer
 * first). No letter for the rest: a missing-information denial is answered by a correction, not an
 * appeal (a replacement claim; for Medicare Part B a new claim or a reopening: REMIT-012); patient responsibility and
 * coordination of benefits go to the patient or the next payer; a reversal nets out; an underpayment is
 * a contract dispute, not an appeal of a coverage decision.
 */
export const LETTER_FOR_CATEGORY = {
  downcoded: 'appeal-downcode',
  'igrt-professional-denied': 'appeal-igrt-denial',
  'authorization-2025': 'appeal-authorization-2025',
  'authorization-denial': 'prior-authorization',
  'zero-paid-no-denial-code': 'appeal-zero-payment',
  'frequency-denial': 'peer-to-peer',
  'other-denial': 'peer-to-peer',
} as const satisfies Partial<Record<RemitCategory, LetterType>>;

export function letterTypeFor(category: string): LetterType | null {
  return Object.hasOwn(LETTER_FOR_CATEGORY, category)
    ? LETTER_FOR_CATEGORY[category as keyof typeof LETTER_FOR_CATEGORY]
    : null;
}
