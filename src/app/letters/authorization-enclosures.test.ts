import { describe, expect, it } from 'vitest';
import { AUTHORIZATION_2026_77412, letterClaim, letterInput } from '../../../test/support/letter-input.js';
import { DEFAULT_AUDIT_OPTIONS } from '../../core/audit/audit-options.js';
import type { LetterClaim } from '../../core/letters/assemble-letter.js';
import type { CourseLetterFacts } from './letter-facts.js';
import { letterEnclosures } from './letter-enclosures.js';

/*
 * An appeal that rests on an authorization encloses its record: the 2025 authorization a 2026 line rode
 * on (and the denied 2026 request the letter says is enclosed), or the authorization on file that
 * approved the 77412 a payer downcoded. Synthetic course.
 */
const enclosuresOf = (
  claim: LetterClaim,
  denied2026 = false,
  approved2026 = false,
  services: LetterClaim[] = [],
) => {
  const input = letterInput('appeal-authorization-2025', (c) => {
    if (approved2026) c.authorizations = [{ ...AUTHORIZATION_2026_77412 }];
    if (denied2026)
      c.authorizations!.push({
        number: 'AUTH-2026-9',
        codes: ['77412'],
        fractionsAuthorized: 15,
        validFrom: '2026-01-01',
        validTo: '2026-03-31',
        obtainedOn: '2026-01-05',
        status: 'denied',
      });
  });
  const facts = {
    course: input.course,
    fractions: input.fractions,
    physicians: {},
  } as unknown as CourseLetterFacts;
  return letterEnclosures({ facts, claim, services, line: null, options: DEFAULT_AUDIT_OPTIONS });
};

describe('letterEnclosures: the authorization record an appeal rests on', () => {
  it('a 2025-authorization denial encloses the 2025 authorization with its codes and fractions', () => {
    const pages = enclosuresOf(
      letterClaim({ carcs: ['CO-197'], paidCents: 0, category: 'authorization-2025' }),
    );
    const page = pages.find((p) => p.title.startsWith('Authorization AUTH-2025-1'));
    expect(page?.rows).toEqual(
      expect.arrayContaining([
        { label: 'Codes', value: '77412' },
        { label: 'Fractions authorized', value: '15' },
        { label: 'Valid', value: '2025-12-15 to 2026-03-31' },
        { label: 'Obtained', value: '2025-12-10' },
      ]),
    );
  });

  it('the denied 2026 request the letter cites is enclosed too', () => {
    const pages = enclosuresOf(
      letterClaim({ carcs: ['CO-197'], paidCents: 0, category: 'authorization-2025' }),
      true,
    );
    expect(pages.map((p) => p.title)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Authorization AUTH-2026-9 \(denied\)/)]),
    );
  });

  it('a downcode encloses the 2026 authorization that approved 77412 for the date', () => {
    const pages = enclosuresOf(
      letterClaim({ code: '77407', submittedCode: '77412', carcs: ['CO-150'] }),
      false,
      true,
    );
    expect(pages.map((p) => p.title)).toContain('Authorization EV-26-000001, obtained 2026-02-18');
  });

  it('a downcode encloses no 2025 authorization (it does not cover the 2026 codes)', () => {
    const pages = enclosuresOf(letterClaim({ code: '77407', submittedCode: '77412', carcs: ['CO-150'] }));
    expect(pages.some((p) => p.title.startsWith('Authorization'))).toBe(false);
  });
});

// One appeal per claim (its lines denied on the 2025 authorization): the records of each date it lists.
describe("letterEnclosures: a claim's letter encloses the records of each of its dates", () => {
  it('two lines of the claim, two dates: both monitoring records, no other date', () => {
    const denied = { carcs: ['CO-197'], paidCents: 0, category: 'authorization-2025' };
    const claim = letterClaim(denied);
    const pages = enclosuresOf(claim, false, false, [
      claim,
      letterClaim({ ...denied, dateOfService: '2026-03-04' }),
    ]);
    const records = pages.map((p) => p.title).filter((t) => t.startsWith('SGRT monitoring record'));
    expect(records).toEqual([
      expect.stringMatching(/fraction 2 \(2026-03-03\)/),
      expect.stringMatching(/fraction 3 \(2026-03-04\)/),
    ]);
  });
});
