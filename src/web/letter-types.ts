/** Letter types as the UI names them, and which letter answers a remittance line of each category. */
import type { LetterForCategory } from '../app/letters/letter-for-category.js';
import type { LetterType } from '../core/letters/letter-types.js';

export const LETTER_LABELS: Record<LetterType, string> = {
  'prior-authorization': 'Prior-authorization request',
  'appeal-downcode': 'Appeal of a downcode',
  'appeal-igrt-denial': 'Appeal of a 77387-26 denial',
  'appeal-authorization-2025': 'Appeal of a 2025-authorization denial',
  'appeal-zero-payment': 'Appeal of a zero payment',
  'appeal-medical-necessity': 'Appeal of a medical-necessity denial',
  'peer-to-peer': 'Peer-to-peer sheet',
};

export const LETTER_TYPE_LIST = Object.keys(LETTER_LABELS) as LetterType[];

export const letterLabel = (type: string): string => LETTER_LABELS[type as LetterType] ?? type;

/** The server's mapping (letter-commands.ts LETTER_FOR_CATEGORY): the type keeps this copy identical. */
const LETTER_FOR: LetterForCategory = {
  downcoded: 'appeal-downcode',
  'igrt-professional-denied': 'appeal-igrt-denial',
  'authorization-2025': 'appeal-authorization-2025',
  'authorization-denial': 'prior-authorization',
  'zero-paid-no-denial-code': 'appeal-zero-payment',
  'frequency-denial': 'peer-to-peer',
  'other-denial': 'peer-to-peer',
};

/** The server's medical-necessity reasons (letter-for-category.ts `isMedicalNecessityDenial`, CARC 50/55/56/167). */
const MEDICAL_NECESSITY = /^(?!PR-)[A-Z]{2}-(50|55|56|167)$/;

/**
 * The letter a remittance line of this category (and these adjustments) gets, or null (paid, underpaid,
 * missing information…): an other denial for medical necessity gets its appeal.
 */
export function letterForCategory(category: string, carcs: readonly string[] = []): LetterType | null {
  if (category === 'other-denial' && carcs.some((c) => MEDICAL_NECESSITY.test(c)))
    return 'appeal-medical-necessity';
  return Object.hasOwn(LETTER_FOR, category) ? LETTER_FOR[category as keyof LetterForCategory] : null;
}
