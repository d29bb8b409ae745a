import { describe, expect, it } from 'vitest';
import { letterClaim, letterInput } from '../../../test/support/letter-input.js';
import type { AppealFacts } from './appeal-facts.js';
import { assembleLetter } from './assemble-letter.js';

/**
 * A remittance line denied for want of an authorization (CARC 197 and its family, REMIT-007), none on
 * file, from a plan that has prior authorization: the letter asks the payer's retro-authorization
 * process (domain.md §6.1) to authorize what was delivered, not a prior-authorization request for the
 * course (letter-refusal.ts refuses it to traditional Medicare and for a date an authorization covers).
 */
describe('assembleLetter: a retro-authorization request for the delivered services of a denied claim', () => {
  const appeal: AppealFacts = {
    payerClaimNumber: '2026071000123',
    payerKind: 'other',
    appealBy: '2026-09-06',
    window: { days: 180, basis: 'default' },
    memberId: 'SYN123456',
    remarks: ['N54'],
    enclosures: [{ title: 'SGRT monitoring record, fraction 2 (2026-03-03)' }],
  };
  const input = letterInput('retro-authorization');
  const denied = { carcs: ['CO-197'], paidCents: 0, category: 'authorization-denial' };
  const draft = assembleLetter({
    ...input,
    appeal,
    claimLines: [
      input.claim!,
      letterClaim({
        ...denied,
        code: '77387',
        submittedCode: '77387',
        modifiers: ['26'],
        billedCents: 15500,
      }),
      letterClaim({ ...denied, dateOfService: '2026-03-04' }),
    ],
  });

  it.each<[string, RegExp]>([
    [
      'the request',
      /^Re: Request for retroactive authorization of services delivered, claim C-SYN00417-1-202603$/m,
    ],
    [
      "our claim number and the payer's (CLP07)",
      /^Payer's claim number: 2026071000123 \(our claim number C-SYN00417-1-202603\)$/m,
    ],
    [
      'what it asks for, not an appeal level',
      /^Request: Retroactive authorization of the services delivered$/m,
    ],
    // The practice's default window, not the payer's rule: no payer setting records one.
    [
      'the deadline and where it comes from',
      /^Deadline: 2026-09-06 \(180 days from the remittance date: the practice's default window, not one the payer's settings record\)$/m,
    ],
    [
      'the denial with its CARC and RARC',
      /Synthetic Health Plan denied for lack of authorization \(CO-197; remark N54\)/,
    ],
    [
      'each service billed, by date and code',
      /- 2026-03-03: 77412, billed \$587\.19, paid \$0\.00 \(CO-197\)\n- 2026-03-03: 77387-26, billed \$155\.00, paid \$0\.00 \(CO-197\)\n- 2026-03-04: 77412, billed \$587\.19/,
    ],
    ["the physician's statement of necessity", /Medical necessity, in the treating physician's words:/],
    ['the motion evidence of the date', /- Fraction 2 \(2026-03-03\)\n- System: AlignRT/],
    [
      'the five documentation elements',
      /Documentation elements reviewers look for, as found in the chart:\n- Present: /,
    ],
    [
      'the signer block',
      /Sincerely,\n\n_{30}\nRita Doctorfake, MD\nTreating radiation oncologist, NPI 1999000015/,
    ],
    ['the enclosures', /Enclosures:\n- SGRT monitoring record, fraction 2 \(2026-03-03\)$/],
  ])('names %s', (_, pattern) => {
    expect(draft.ready, JSON.stringify(draft.missing)).toBe(true);
    expect(draft.body).toMatch(pattern);
  });

  it('asks for nothing to come: no request for fractions, no appeal level, no course-wide figure', () => {
    expect(draft.title).toBe('Request for retroactive authorization: services delivered');
    // The course's 2025 authorization does not cover the 2026 date: the cover shows no authorization.
    expect(draft.cover.rows.map((r) => r.label)).not.toContain('Authorization');
    expect(draft.body).not.toMatch(
      /Prior authorization|fractions still to be delivered|request authorization of \d+ fractions|Appeal level|Fractions delivered/i,
    );
  });

  it("without the claim's other lines it asks for the line answered", () => {
    const alone = assembleLetter({ ...input, appeal }).body;
    expect(alone).toMatch(
      /denied for lack of authorization \(CO-197; remark N54\)[^\n]*\n\n- 2026-03-03: 77412, billed \$587\.19, paid \$0\.00 \(CO-197\)\n\n/,
    );
  });
});

// A payer's review of an authorization is a review of medical necessity: a request for a course
// without motion management still needs the patient-specific necessity statement, as an appeal of a
// medical-necessity denial does; without it the letter lists it to add first and is not ready.
describe('assembleLetter: an authorization request needs the necessity statement', () => {
  const noMotion =
    (necessity: boolean) => (c: Parameters<NonNullable<Parameters<typeof letterInput>[1]>>[0]) => {
      c.plan.motionManagement = null;
      c.orders = [];
      if (!necessity) c.necessity = null;
      c.fractions.forEach((f) => (f.monitoring = []));
    };
  it.each<['retro-authorization' | 'prior-authorization', boolean, boolean]>([
    ['retro-authorization', false, false],
    ['retro-authorization', true, true],
    ['prior-authorization', false, false],
    ['prior-authorization', true, true],
  ])('%s, statement on file %s: ready %s', (type, necessity, ready) => {
    const draft = assembleLetter(letterInput(type, noMotion(necessity)));
    const elements = draft.missing.map((m) => m.element);
    if (ready) expect(elements).not.toContain('Medical necessity statement');
    else {
      expect(draft.ready).toBe(false);
      expect(elements).toContain('Medical necessity statement');
    }
  });
});
