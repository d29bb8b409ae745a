import { DENIAL_CATEGORIES } from '../remit/remit-category.js';
import type { LetterClaim } from './assemble-letter.js';

/** What the payer did with a remittance line, as a letter or a sheet words it. */
export type LineAdjudication = 'paid-as-billed' | 'paid-at-lower-code' | 'denied' | 'paid-zero';

type Adjudicated = Pick<LetterClaim, 'category' | 'code' | 'submittedCode' | 'paidCents'>;

/**
 * The line's adjudication, from what the payer paid and its remittance category (X12 835 SVC01 the
 * adjudicated code, SVC06 the code submitted, SVC03 the amount paid; src/core/remit/remit-category.ts,
 * domain.md §6.1): a payment at another code than billed, or a downcode, is paid at a lower code; a zero
 * payment without a denial reason is paid zero; the other denial categories are denied; any other line
 * is paid zero when nothing was paid, else paid as billed. A line paid at a lower code is never "denied".
 */
export function lineAdjudication(line: Adjudicated): LineAdjudication {
  if ((line.code !== line.submittedCode && line.paidCents > 0) || line.category === 'downcoded')
    return 'paid-at-lower-code';
  if (line.category === 'zero-paid-no-denial-code') return 'paid-zero';
  if ((DENIAL_CATEGORIES as readonly string[]).includes(line.category)) return 'denied';
  return line.paidCents <= 0 ? 'paid-zero' : 'paid-as-billed';
}

/** "paid as billed", "paid at a lower code (77407)", "denied", "paid zero". */
export function adjudicationPhrase(line: Adjudicated): string {
  const a = lineAdjudication(line);
  if (a === 'paid-at-lower-code') return `paid at a lower code (${line.code})`;
  return { 'paid-as-billed': 'paid as billed', denied: 'denied', 'paid-zero': 'paid zero' }[a];
}
