import { describe, expect, it } from 'vitest';
import { letterClaim, letterInput } from '../../../test/support/letter-input.js';
import { DEFAULT_AUDIT_OPTIONS } from '../../core/audit/audit-options.js';
import type { AppealLine, CourseLetterFacts } from './letter-facts.js';
import { letterEnclosures } from './letter-enclosures.js';

/*
 * A claim's letter (a retro-authorization request, a 2025-authorization appeal) covers several lines: it
 * encloses the remittance record of each, with that line's date, code, billed and paid amounts and its
 * adjustment and remark codes. Synthetic course and lines.
 */
describe("letterEnclosures: a claim's letter encloses each covered line's remittance record", () => {
  const input = letterInput('appeal-authorization-2025');
  const facts = {
    course: input.course,
    fractions: input.fractions,
    physicians: {},
  } as unknown as CourseLetterFacts;
  const line: AppealLine = {
    payerClaimNumber: 'PAYER-1',
    payerKind: 'other',
    appealBy: '2026-09-08',
    window: { days: 180, basis: 'default' },
    paymentDate: '2026-03-12',
    traceNumber: 'TRN-1',
    allowedCents: 0,
    remarks: ['N54'],
    source: 'remit.835',
  };
  const denied = { paidCents: 0, category: 'authorization-2025' };
  const first = letterClaim({ ...denied, carcs: ['CO-197'], remarks: ['N54'], allowedCents: 0 });
  const second = letterClaim({
    ...denied,
    dateOfService: '2026-03-04',
    code: '77387',
    submittedCode: '77387',
    modifiers: ['26'],
    billedCents: 12000,
    carcs: ['CO-197', 'CO-45'],
    remarks: [],
    allowedCents: 0,
  });

  it('one remittance page per covered line, each with its own figures', () => {
    const pages = letterEnclosures({
      facts,
      claim: first,
      services: [first, second],
      line,
      options: DEFAULT_AUDIT_OPTIONS,
    }).filter((p) => p.title.startsWith('Remittance advice line'));
    expect(pages.map((p) => p.title)).toEqual([
      'Remittance advice line: claim C-SYN00417-1-202603, date of service 2026-03-03',
      'Remittance advice line: claim C-SYN00417-1-202603, date of service 2026-03-04',
    ]);
    const rows = Object.fromEntries(pages[1]!.rows.map((r) => [r.label, r.value]));
    expect(rows).toMatchObject({
      'Date of service': '2026-03-04',
      Billed: '77387-26, $120.00',
      Adjudicated: '77387-26, allowed $0.00, paid $0.00',
      'Adjustments (CARC)': 'CO-197, CO-45',
      'Remarks (RARC)': 'none',
      'Payment date': '2026-03-12',
      "Payer's claim number": 'PAYER-1',
    });
    expect(Object.fromEntries(pages[0]!.rows.map((r) => [r.label, r.value]))['Remarks (RARC)']).toBe('N54');
  });
});
