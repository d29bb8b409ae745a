import { describe, expect, it } from 'vitest';
import { payerKind, type PayerKind } from '../../core/remit/appeal-deadline.js';
import { type AppealPolicy, type AppealSubject, appealBy, appealTerms } from './appeal-windows.js';

const NONE: AppealPolicy = { windows: new Map(), filingIndicators: new Map() };
const line: AppealSubject = {
  paymentDate: '2026-03-13',
  payer: 'MEDICARE PART B EXAMPLE',
  payerId: '01111',
  claimStatus: '1',
  category: 'other-denial',
  queue: 'appeal',
  carcs: ['CO-50'],
  remarks: [],
  claimFilingIndicator: null,
  course: null,
};
const commercialCourse = { payerName: 'ACME', payerProfile: 'default', filingIndicator: 'CI' };

/** The 835's CLP06 (005010X221A1 2100) says the payer's kind first; 42 CFR 405.942(a) gives Medicare 120 days. */
describe('appealBy: the window of a remittance line', () => {
  const cases: [string, AppealPolicy, AppealSubject, string | null][] = [
    [
      'CLP06 MB, nothing else known: Medicare Part B, 120 days',
      NONE,
      { ...line, claimFilingIndicator: 'MB' },
      '2026-07-11',
    ],
    ['CLP06 MA: Medicare Part A, 120 days', NONE, { ...line, claimFilingIndicator: 'MA' }, '2026-07-11'],
    ['CLP06 CI: commercial, 180 days', NONE, { ...line, claimFilingIndicator: 'CI' }, '2026-09-09'],
    ['no CLP06: 180 days', NONE, { ...line, claimFilingIndicator: null }, '2026-09-09'],
    [
      "CLP06 MB wins over the course's commercial SBR09",
      NONE,
      { ...line, claimFilingIndicator: 'MB', course: commercialCourse },
      '2026-07-11',
    ],
    [
      "CLP06 MB wins over the billing settings' indicator for the payer",
      { windows: new Map(), filingIndicators: new Map([['01111', 'CI']]) },
      { ...line, claimFilingIndicator: 'MB' },
      '2026-07-11',
    ],
    [
      "the practice's window for the payer still wins over CLP06",
      { windows: new Map([['medicare part b example', 90]]), filingIndicators: new Map() },
      { ...line, claimFilingIndicator: 'MB' },
      '2026-06-11',
    ],
    ['paid as expected: nothing to appeal', NONE, { ...line, queue: null }, null],
    ['a take-back under review: not appealed', NONE, { ...line, queue: 'reversal-review' }, null],
    ['a patient balance: billed, not appealed', NONE, { ...line, queue: 'bill-patient-or-secondary' }, null],
    ['a claim to send to the next payer', NONE, { ...line, queue: 'secondary-claim' }, null],
    // CMS IOM 100-04 ch. 1 §80.3: a claim sent again is not an appeal (its limit is timely filing).
    ['a corrected claim: no appeal date', NONE, { ...line, queue: 'corrected-claim' }, null],
    [
      'Medicare Part B CO-16 with an N remark: a new claim, no appeal date',
      NONE,
      {
        ...line,
        category: 'missing-information',
        queue: 'corrected-claim',
        carcs: ['CO-16'],
        remarks: ['N290'],
        claimFilingIndicator: 'MB',
      },
      null,
    ],
    [
      'Medicare Part B CO-16 with no remark: a reopening or a redetermination, 120 days',
      NONE,
      {
        ...line,
        category: 'missing-information',
        queue: 'corrected-claim',
        carcs: ['CO-16'],
        claimFilingIndicator: 'MB',
      },
      '2026-07-11',
    ],
    ['an underpayment dispute', NONE, { ...line, queue: 'underpayment-dispute' }, '2026-09-09'],
    ['a hidden zero to reprocess', NONE, { ...line, queue: 'payer-reprocess' }, '2026-09-09'],
    ['no payment date: no deadline', NONE, { ...line, paymentDate: null, claimFilingIndicator: 'MB' }, null],
  ];
  it.each(cases)('%s', (_name, policy, subject, want) => {
    expect(appealBy(policy, subject)).toBe(want);
  });
});

/** The payer's kind an appeal's level is chosen by, from the same terms as its window. */
describe('appealTerms → payerKind: the appeal level reads the payer as the window does', () => {
  const cases: [string, AppealPolicy, AppealSubject, PayerKind][] = [
    ['CLP06 MB', NONE, { ...line, claimFilingIndicator: 'MB' }, 'medicare'],
    [
      "no CLP06: the patient's SBR09 16 for the course's payer (Medicare Advantage)",
      NONE,
      { ...line, payer: 'ACME MA PLAN', course: { ...commercialCourse, filingIndicator: '16' } },
      'medicare-advantage',
    ],
    [
      'no CLP06: the course payer profile medicare, answered as primary',
      NONE,
      { ...line, course: { payerName: 'MEDICARE', payerProfile: 'medicare', filingIndicator: null } },
      'medicare',
    ],
    [
      "the billing settings' indicator for the 835's payer",
      { windows: new Map(), filingIndicators: new Map([['01111', 'CI']]) },
      line,
      'other',
    ],
  ];
  it.each(cases)('%s', (_name, policy, subject, kind) => {
    expect(payerKind(appealTerms(policy, subject))).toBe(kind);
  });
});
