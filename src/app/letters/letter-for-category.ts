import type { LetterType } from '../../core/letters/letter-types.js';
import { isMedicalNecessityDenial } from '../../core/remit/carc-kinds.js';
import type { RemitCategory } from '../../core/remit/remit-category.js';

/**
 * The letter that answers a remittance line of each category (domain.md §4 "What to do", §6.1): an
 * appeal for the four 2026 payer problems; for an authorization denial without the 2025 carry-forward,
 * a retro-authorization request for the services delivered (the payer's retro-authorization process
 * before it reprocesses; refused where an authorization on file covers the date, or to traditional
 * Medicare, letter-refusal.ts); a
 * peer-to-peer preparation sheet for a frequency denial (the course's treatment dates and sessions, for
 * the twice-daily documentation) and for other denials (the reviewer is asked what the denial rests on);
 * a denial for medical necessity gets its appeal with the chart (`letterTypeFor` with the line's reasons). No letter for the rest: a missing-information denial is answered by a correction, not an
 * appeal (a replacement claim; for Medicare Part B a new claim or a reopening: REMIT-012); patient responsibility and
 * coordination of benefits go to the patient or the next payer; a reversal nets out; an underpayment is
 * a contract dispute, not an appeal of a coverage decision.
 */
export const LETTER_FOR_CATEGORY = {
  downcoded: 'appeal-downcode',
  'igrt-professional-denied': 'appeal-igrt-denial',
  'authorization-2025': 'appeal-authorization-2025',
  'authorization-denial': 'retro-authorization',
  'zero-paid-no-denial-code': 'appeal-zero-payment',
  'frequency-denial': 'peer-to-peer',
  'other-denial': 'peer-to-peer',
} as const satisfies Partial<Record<RemitCategory, LetterType>>;

/**
 * The letter of a line of this category; given the line's adjustments (`CO-50`…), a denial for medical
 * necessity among the other denials gets the medical-necessity appeal with the chart (REMIT-005's next
 * action: CARC 50/55/56/167 outside the patient's responsibility).
 */
export function letterTypeFor(category: string, carcs: readonly string[] = []): LetterType | null {
  if (category === 'other-denial' && carcs.some(isMedicalNecessityDenial)) return 'appeal-medical-necessity';
  return Object.hasOwn(LETTER_FOR_CATEGORY, category)
    ? LETTER_FOR_CATEGORY[category as keyof typeof LETTER_FOR_CATEGORY]
    : null;
}
