import { describe, expect, it } from 'vitest';
import { type CourseInput, fx } from '../../../test/support/course-builder.js';
import {
  AUTHORIZATION_2026_77412,
  letterClaim,
  letterInput,
  MEDICARE_APPEAL,
} from '../../../test/support/letter-input.js';
import type { PayerKind } from '../remit/appeal-deadline.js';
import type { AppealFacts } from './appeal-facts.js';
import { assembleLetter, type LetterClaim, type LetterInput } from './assemble-letter.js';
import type { LetterType } from './letter-types.js';

/*
 * A letter's wording as a payer's medical reviewer reads it. Synthetic course and lines.
 */
const appealOf = (payerKind: PayerKind): AppealFacts => ({
  ...MEDICARE_APPEAL,
  payerKind,
  memberId: payerKind === 'medicare' ? MEDICARE_APPEAL.memberId : 'SYNM0001',
});
const denied = { carcs: ['CO-197'], paidCents: 0, category: 'authorization-2025' };
const twoLines: LetterClaim[] = [
  letterClaim(denied),
  letterClaim({ ...denied, dateOfService: '2026-03-04', billedCents: 47646 }),
];

/*
 * The request that closes an appeal names the appeal the payer's kind gives it: a redetermination of
 * traditional Medicare's initial determination (42 CFR 405.940), a reconsideration of a Medicare
 * Advantage organization determination (42 CFR 422.578, 422.582), a commercial plan's reconsideration;
 * "the services" when the letter covers several.
 */
describe('the closing request by payer kind, singular or plural', () => {
  it.each<[string, LetterType, PayerKind, readonly LetterClaim[] | undefined, RegExp]>([
    [
      'a redetermination request',
      'redetermination',
      'medicare',
      undefined,
      /We request a redetermination of the initial determination of this service \(42 CFR 405\.940\) and its payment as billed\./,
    ],
    [
      'an appeal to traditional Medicare',
      'appeal-zero-payment',
      'medicare',
      undefined,
      /We request a redetermination of the initial determination of this service \(42 CFR 405\.940\) and its payment as billed\./,
    ],
    [
      'an appeal to a Medicare Advantage plan',
      'appeal-zero-payment',
      'medicare-advantage',
      undefined,
      /We request a reconsideration of the organization determination of this service \(42 CFR 422\.578, 422\.582\) and its payment as billed\./,
    ],
    [
      'an appeal to a commercial plan',
      'appeal-zero-payment',
      'other',
      undefined,
      /We ask that you reconsider the determination of this service and pay it as billed\./,
    ],
    [
      'a claim appeal covering two services',
      'appeal-authorization-2025',
      'other',
      twoLines,
      /We ask that you reconsider the determination of these services and pay them as billed\./,
    ],
    [
      'a claim appeal covering two services, to a Medicare Advantage plan',
      'appeal-authorization-2025',
      'medicare-advantage',
      twoLines,
      /We request a reconsideration of the organization determination of these services \(42 CFR 422\.578, 422\.582\) and their payment as billed\./,
    ],
  ])('%s', (_, type, kind, claimLines, expected) => {
    const input: LetterInput = {
      ...letterInput(type, undefined, kind === 'medicare' ? 'medicare' : 'evicore'),
      appeal: appealOf(kind),
      ...(claimLines ? { claimLines, claim: claimLines[0]! } : {}),
    };
    const { body } = assembleLetter(input);
    expect(body).toMatch(expected);
    expect(body).not.toMatch(/pay the service as billed|redetermine the claim/);
    if (kind !== 'other') expect(body).not.toMatch(/We ask that you reconsider/);
  });
});

/*
 * A claim's letter (CLAIM_LETTER_TYPES) lists each covered line with what the remittance says of it:
 * date, code, billed, paid, adjustment and remark codes.
 */
describe("a claim's letter summarises each covered line's remittance", () => {
  it('each line with its date, code, billed, paid and CARC/RARC', () => {
    const lines = [
      { ...twoLines[0]!, remarks: ['N54'] },
      { ...twoLines[1]!, carcs: ['CO-197', 'CO-45'], remarks: [] },
    ];
    const { body } = assembleLetter({
      ...letterInput('appeal-authorization-2025'),
      claim: lines[0]!,
      claimLines: lines,
    });
    expect(body).toContain('- 2026-03-03: 77412, billed $587.19, paid $0.00 (CO-197; remark N54)');
    expect(body).toContain('- 2026-03-04: 77412, billed $476.46, paid $0.00 (CO-197, CO-45)');
  });
});

/*
 * One payer name throughout a letter: the practice's payer settings name it, the 835's N1*PR only when
 * no setting does.
 */
describe('the payer is named one way in a letter', () => {
  it("the practice's payer settings name wins over the 835's", () => {
    const draft = assembleLetter({
      ...letterInput('appeal-zero-payment'),
      payerSettingsName: 'SYNTHETIC PLAN OF THE SETTINGS',
    });
    const text = `${draft.body}\n${draft.cover.rows.map((r) => r.value).join('\n')}`;
    expect(draft.body).toMatch(/^To: SYNTHETIC PLAN OF THE SETTINGS$/m);
    expect(text).not.toContain('Synthetic Health Plan');
  });

  it("without a setting, the 835's payer name", () => {
    const draft = assembleLetter({ ...letterInput('appeal-zero-payment'), payerSettingsName: null });
    expect(draft.body).toMatch(/^To: Synthetic Health Plan$/m);
  });
});

/*
 * The redetermination request carries the date of the initial determination (the remittance date of
 * the 835) and says it carries the elements 42 CFR 405.944(b) requires, without claiming to be form
 * CMS-20027.
 */
describe('the redetermination request: the date of the initial determination', () => {
  it('prints the remittance date as the date of the initial determination', () => {
    const { body } = assembleLetter({
      ...letterInput('redetermination', undefined, 'medicare'),
      appeal: { ...MEDICARE_APPEAL, paymentDate: '2026-03-10' },
    });
    expect(body).toMatch(/^Date of the initial determination: 2026-03-10 \(the remittance date\)$/m);
    expect(body).not.toMatch(/CMS-20027/);
    expect(body).toMatch(
      /the elements 42 CFR 405\.944\(b\) requires: the beneficiary's name, the Medicare number, the service and its date of service, and the requester's name and signature/,
    );
  });

  it('says so when the remittance gives no payment date', () => {
    const { body } = assembleLetter({
      ...letterInput('redetermination', undefined, 'medicare'),
      appeal: { ...MEDICARE_APPEAL, paymentDate: null },
    });
    expect(body).toMatch(/^Date of the initial determination: not given on the remittance$/m);
  });
});

/*
 * A CO-151 (frequency) denial of a single daily session is not a twice-daily question: the sheet speaks
 * of the one session of the date, the authorization's own fraction count against the fractions delivered
 * in it (AUTH-003's count), and, to a plan that authorizes 77412, ASTRO's report of payers' "global
 * application of fraction limits" (Early 2026 Prior Authorization denial trends, 14 January 2026).
 */
describe('CO-151 on a single daily session', () => {
  const co151 = letterClaim({ carcs: ['CO-151'], paidCents: 0, category: 'frequency-denial' });
  const authorized = (c: CourseInput) => {
    c.authorizations = [{ ...AUTHORIZATION_2026_77412, validFrom: '2026-03-01', fractionsAuthorized: 2 }];
  };

  it('a sheet for a single session: fraction limits, the authorization count, not the twice-daily point', () => {
    const draft = assembleLetter({ ...letterInput('peer-to-peer', authorized), claim: co151 });
    expect(draft.body).toMatch(
      /2026-03-03 had one treatment session \(fraction 2\), not a second session that day/,
    );
    expect(draft.body).toMatch(
      /Authorization EV-26-000001 authorizes 2 fractions; 2 were delivered in its validity through 2026-03-03, this one included\./,
    );
    expect(draft.body).toMatch(/"global application of fraction limits"/);
    expect(draft.references.map((r) => r.id)).toContain('astro-denial-trends-2026');
    expect(draft.body).not.toMatch(/second session the same day is billable/);
  });

  it('beyond the authorization count, the sheet says so', () => {
    const draft = assembleLetter({
      ...letterInput('peer-to-peer', authorized),
      claim: { ...co151, dateOfService: '2026-03-04' },
    });
    expect(draft.body).toMatch(
      /Authorization EV-26-000001 authorizes 2 fractions; 3 were delivered in its validity through 2026-03-04, this one included: more than it authorizes/,
    );
  });

  it('a twice-daily date keeps the twice-daily point', () => {
    const twice = (c: CourseInput) => {
      const second = structuredClone(fx(c, 2));
      second.id = `${second.id}-b`;
      second.number = 3;
      c.fractions = [...c.fractions.filter((f) => f.number < 3), second];
    };
    const draft = assembleLetter({ ...letterInput('peer-to-peer', twice), claim: co151 });
    expect(draft.body).toMatch(/On 2026-03-03 the patient was treated in 2 sessions/);
    expect(draft.body).not.toMatch(/global application of fraction limits/);
  });

  it('the redetermination request for a single session says so, without the payers-with-PA report', () => {
    const { body } = assembleLetter(letterInput('redetermination', undefined, 'medicare'));
    expect(body).toMatch(
      /2026-03-03 had one treatment session \(fraction 2\), not a second session that day/,
    );
    expect(body).not.toMatch(/global application of fraction limits|twice/);
  });
});

/* The course's peer-to-peer sheet lists every denied date of the course, with its code and CARC. */
describe("the course's peer-to-peer sheet lists each denied date", () => {
  it('two dates denied for the same reason: both listed', () => {
    const denials = [
      letterClaim({ carcs: ['CO-151'], paidCents: 0, category: 'frequency-denial' }),
      letterClaim({
        carcs: ['CO-151'],
        paidCents: 0,
        category: 'frequency-denial',
        dateOfService: '2026-03-05',
        code: '77387',
        submittedCode: '77387',
        modifiers: ['26'],
      }),
    ];
    const { body } = assembleLetter({ ...letterInput('peer-to-peer'), claim: null, denials });
    expect(body).toMatch(/^Denied lines of the course:$/m);
    expect(body).toMatch(/^- 2026-03-03: 77412, CO-151$/m);
    expect(body).toMatch(/^- 2026-03-05: 77387-26, CO-151$/m);
  });
});
