import { describe, expect, it } from 'vitest';
import { letterClaim, letterInput } from '../../../test/support/letter-input.js';
import { assembleLetter } from './assemble-letter.js';

/*
 * The 2025-authorization appeal gives the decisive facts of the authorization: its number, dates, codes
 * and fraction count. ASTRO's "77385, 77386 and the delivery G-codes were deleted" bears on the denial
 * only when the 2025 authorization named a deleted code; an authorization that already names 77412 or
 * 77407 (codes revised in 2026, not introduced) is not argued by it.
 */
const REPLACED = /77385, 77386 and the delivery G-codes were deleted/;

describe('2025-authorization appeal: the authorization, and the code change only where it bears', () => {
  it.each<[string, string[], boolean]>([
    ['the authorization names 77412 (revised, not deleted)', ['77412'], false],
    ['the authorization names 77386', ['77386', 'G6002'], true],
    ['the authorization names a delivery G-code', ['G6011'], true],
  ])('%s', (_, codes, replaced) => {
    const draft = assembleLetter(
      letterInput('appeal-authorization-2025', (c) => (c.authorizations![0]!.codes = codes)),
    );
    expect(draft.body).toMatch(
      new RegExp(
        `delivered under authorization AUTH-2025-1 \\(obtained 2025-12-10, valid 2025-12-15 to 2026-03-31, codes ${codes.join(', ')}; 15 fractions\\)`,
      ),
    );
    if (replaced) expect(draft.body).toMatch(REPLACED);
    else expect(draft.body).not.toMatch(REPLACED);
  });
});

/*
 * One appeal per claim: the claim's lines denied on the 2025 authorization are listed (date, code, amounts
 * billed and paid, CARCs) and argued together, each date with its own motion record (42 CFR 405.944(b)(3): the specific
 * services and dates of service).
 */
describe('2025-authorization appeal of a claim with two lines denied', () => {
  const input = letterInput('appeal-authorization-2025');
  const denied = { carcs: ['CO-197'], paidCents: 0, category: 'authorization-2025' };
  const draft = assembleLetter({
    ...input,
    claimLines: [input.claim!, letterClaim({ ...denied, dateOfService: '2026-03-04' })],
  });

  it.each<[string, RegExp]>([
    [
      'each service, by date and code',
      /^- 2026-03-03: 77412, billed \$587\.19, paid \$0\.00 \(CO-197\)\n- 2026-03-04: 77412, billed \$587\.19, paid \$0\.00 \(CO-197\)$/m,
    ],
    [
      'the authorization for both dates',
      /The services of 2026-03-03 and 2026-03-04 were delivered under authorization AUTH-2025-1/,
    ],
    ['the record of each date', /- Fraction 2 \(2026-03-03\)\n[^]*- Fraction 3 \(2026-03-04\)\n/],
  ])('names %s', (_, pattern) => {
    expect(draft.ready, JSON.stringify(draft.missing)).toBe(true);
    expect(draft.body).toMatch(pattern);
  });

  it('speaks of no other fraction', () => {
    expect(draft.body).not.toMatch(/Fraction [145] \(/);
  });
});

/*
 * A 2025 authorization authorizes a number of fractions (the export's count): a date whose fraction came
 * after that count was used up is not said to be delivered under it; the draft warns instead.
 */
describe('2025-authorization appeal: the fractions left on the authorization on the date', () => {
  it.each<[string, number, boolean]>([
    ['fractions left on 2026-03-03 (1 of 2 used before it)', 2, true],
    ['none left on 2026-03-03 (1 of 1 used before it)', 1, false],
  ])('%s', (_, fractionsAuthorized, under) => {
    const draft = assembleLetter(
      letterInput(
        'appeal-authorization-2025',
        (c) => (c.authorizations![0]!.fractionsAuthorized = fractionsAuthorized),
      ),
    );
    expect(draft.body.includes('delivered under authorization AUTH-2025-1')).toBe(under);
    expect(draft.warnings.some((w) => w.code === 'AUTHORIZATION-COUNT-USED')).toBe(!under);
  });
});
