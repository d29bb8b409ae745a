/** Letter types as the UI names them (which letter answers a remittance line is the server's `letter`). */
import type { LetterType } from '../core/letters/letter-types.js';

export const LETTER_LABELS: Record<LetterType, string> = {
  'prior-authorization': 'Prior-authorization request',
  'retro-authorization': 'Retro-authorization request',
  'appeal-downcode': 'Appeal of a downcode',
  'appeal-igrt-denial': 'Appeal of a 77387-26 denial',
  'appeal-authorization-2025': 'Appeal of a 2025-authorization denial',
  'appeal-zero-payment': 'Appeal of a zero payment',
  'appeal-medical-necessity': 'Appeal of a medical-necessity denial',
  redetermination: 'Medicare redetermination request',
  'peer-to-peer': 'Peer-to-peer sheet',
};

export const LETTER_TYPE_LIST = Object.keys(LETTER_LABELS) as LetterType[];

export const letterLabel = (type: string): string => LETTER_LABELS[type as LetterType] ?? type;
