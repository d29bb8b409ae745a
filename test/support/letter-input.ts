/**
 * A letter's input for table tests: a fully documented synthetic course (evicore, with a 2025
 * authorization carried into 2026) audited as of today, the signer from the billing settings, and a claim
 * line by letter type. All data are synthetic.
 */
import { DEFAULT_AUDIT_OPTIONS } from '../../src/core/audit/audit-options.js';
import type { LetterClaim, LetterInput } from '../../src/core/letters/assemble-letter.js';
import type { LetterType } from '../../src/core/letters/letter-types.js';
import { buildCourse, type CourseInput, PHYSICIAN_ID, PROFILES, runAudit } from './course-builder.js';

export const LETTER_CLAIMS: Record<LetterType, LetterClaim | null> = {
  'prior-authorization': null,
  'peer-to-peer': null,
  'retro-authorization': letterClaim({
    carcs: ['CO-197'],
    paidCents: 0,
    category: 'authorization-denial',
  }),
  'appeal-downcode': letterClaim({
    code: '77407',
    submittedCode: '77412',
    carcs: ['CO-150'],
    category: 'downcoded',
  }),
  'appeal-igrt-denial': letterClaim({
    code: '77387',
    submittedCode: '77387',
    modifiers: ['26'],
    carcs: ['CO-97'],
    category: 'igrt-professional-denied',
  }),
  'appeal-authorization-2025': letterClaim({
    carcs: ['CO-197'],
    paidCents: 0,
    category: 'authorization-2025',
  }),
  'appeal-zero-payment': letterClaim({
    carcs: ['CO-45'],
    paidCents: 0,
    category: 'zero-paid-no-denial-code',
  }),
  'appeal-medical-necessity': letterClaim({
    carcs: ['CO-50'],
    paidCents: 0,
    category: 'other-denial',
  }),
  redetermination: letterClaim({
    carcs: ['CO-151'],
    paidCents: 0,
    category: 'frequency-denial',
  }),
};

export function letterClaim(over: Partial<LetterClaim>): LetterClaim {
  return {
    claimNumber: 'C-SYN00417-1-202603',
    payer: 'Synthetic Health Plan',
    dateOfService: '2026-03-03',
    code: '77412',
    submittedCode: '77412',
    modifiers: [],
    billedCents: 58719,
    paidCents: 31764,
    carcs: [],
    category: 'downcoded',
    nextAction: null,
    ...over,
  };
}

const GRANDFATHERED = (c: CourseInput) => {
  c.authorizations = [
    {
      number: 'AUTH-2025-1',
      codes: ['77412'],
      fractionsAuthorized: 15,
      validFrom: '2025-12-15',
      validTo: '2026-03-31',
      obtainedOn: '2025-12-10',
    },
  ];
};

/** The practice's billing settings physician who signs (synthetic name, an NPI with a valid check digit). */
/** An eviCore-style 2026 authorization that approved 77412 (and its image guidance) for the fixture's dates. */
export const AUTHORIZATION_2026_77412 = {
  number: 'EV-26-000001',
  codes: ['77412', '77387-26'],
  fractionsAuthorized: 16,
  validFrom: '2026-02-20',
  validTo: '2026-05-31',
  obtainedOn: '2026-02-18',
};

export const LETTER_SIGNER = {
  firstName: 'Rita',
  lastName: 'Doctorfake',
  npi: '1999000015',
  credentials: 'MD',
};

export function letterInput(
  type: LetterType,
  edit?: (c: CourseInput) => void,
  profile = 'evicore',
): LetterInput {
  const course = buildCourse({
    profile,
    edit: (c) => {
      GRANDFATHERED(c);
      edit?.(c);
    },
  });
  return {
    type,
    date: '2026-03-13',
    practiceName: 'Synthetic Radiation Oncology',
    physicians: { [PHYSICIAN_ID]: LETTER_SIGNER },
    patient: { name: 'Test Patient', birthDate: '1961-04-02' },
    course,
    fractions: runAudit(course).fractions,
    profile: PROFILES.get(profile)!,
    claim: LETTER_CLAIMS[type],
    // A redetermination goes to traditional Medicare only, with the beneficiary's Medicare number.
    ...(type === 'redetermination' ? { appeal: MEDICARE_APPEAL } : {}),
    options: DEFAULT_AUDIT_OPTIONS,
    guidelineVersions: VERSIONS,
  };
}

/** Traditional Medicare's appeal facts of a line: the claim's ICN (CLP07) and a synthetic MBI. */
export const MEDICARE_APPEAL = {
  payerClaimNumber: '2226123456789',
  payerKind: 'medicare' as const,
  appealBy: '2026-07-09',
  memberId: '1EG4TE5MK73',
  enclosures: [],
};

/** The guideline versions a practice follows (its settings; synthetic values). */
const VERSIONS = { 'nccn-breast': '1.2026', 'nccn-prostate': '1.2026' };
