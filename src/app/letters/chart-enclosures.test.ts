import { describe, expect, it } from 'vitest';
import { PHYSICIAN_ID } from '../../../test/support/course-builder.js';
import { letterClaim, letterInput } from '../../../test/support/letter-input.js';
import { DEFAULT_AUDIT_OPTIONS } from '../../core/audit/audit-options.js';
import type { LetterPhysician } from '../../core/letters/letter-signer.js';
import type { AppealLine, CourseLetterFacts } from './letter-facts.js';
import { letterEnclosures } from './letter-enclosures.js';

/*
 * The chart pages a reviewer reads name people as the practice settings name them (name and
 * credentials; the internal id only when the settings do not know the physician), and the order's system
 * from its structured field only (its free text is printed as it is, not parsed). Synthetic course.
 */
const line: AppealLine = {
  payerClaimNumber: 'PAYER-1',
  payerKind: 'medicare',
  appealBy: '2026-07-01',
  window: { days: 120, basis: 'default' },
  paymentDate: '2026-03-12',
  traceNumber: 'TRN-1',
  allowedCents: 0,
  remarks: [],
  source: 'remit.835',
};
const rowsOf = (physicians: Record<string, LetterPhysician>, system: string | undefined) => {
  const input = letterInput('appeal-igrt-denial', (c) => {
    c.orders = [
      {
        id: 'ORD-IGRT-1',
        kind: 'image-guidance',
        text: 'Daily CBCT; AlignRT surface monitoring.',
        ...(system ? { system } : {}),
        signature: c.orders![0]!.signature,
      },
    ];
  });
  const facts = {
    course: input.course,
    fractions: input.fractions,
    physicians,
  } as unknown as CourseLetterFacts;
  const claim = letterClaim({ code: '77387', submittedCode: '77387', modifiers: ['26'], carcs: ['CO-50'] });
  const pages = letterEnclosures({ facts, claim, services: [], line, options: DEFAULT_AUDIT_OPTIONS });
  const rows = (prefix: string) =>
    Object.fromEntries(pages.find((p) => p.title.startsWith(prefix))!.rows.map((r) => [r.label, r.value]));
  return { order: rows('Signed image-guidance order'), review: rows('Image-guidance review') };
};
const DOCTOR: LetterPhysician = {
  firstName: 'Rita',
  lastName: 'Doctorfake',
  npi: '1999000015',
  credentials: 'MD',
};

describe('chart enclosures name the reviewer and the system as the structured records do', () => {
  it.each([
    ['a physician of the settings: name and credentials', { [PHYSICIAN_ID]: DOCTOR }, 'Rita Doctorfake, MD'],
    ['a physician the settings do not know: the id', {}, `${PHYSICIAN_ID} (physician)`],
  ])('%s', (_name, physicians, reviewer) => {
    expect(rowsOf(physicians, 'AlignRT').review['Reviewer']).toBe(reviewer);
  });

  it.each([
    ['the structured system', 'Catalyst', 'Catalyst'],
    ['no structured system, though the text names one', undefined, 'not stated in a structured field'],
  ])('order: %s', (_name, system, shown) => {
    expect(rowsOf({}, system).order['System']).toBe(shown);
  });
});
