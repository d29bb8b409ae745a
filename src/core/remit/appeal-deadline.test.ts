import { describe, expect, it } from 'vitest';
import { appealDeadline, type AppealDeadlineInput, appealWindow } from './appeal-deadline.js';
import { type Resubmission, resubmission, type ResubmissionFacts } from './claim-resubmission.js';
import { hasAppealDeadline } from './remit-category.js';
import { isInformationRemark, remarkMeaning, remarkViews } from './remark-codes.js';

describe('appealDeadline: the window by payer kind, per-payer settings first', () => {
  const cases: [string, AppealDeadlineInput, { date: string; days: number; basis: string }][] = [
    [
      'Medicare by profile: 120-day redetermination (42 CFR 405.942)',
      { paymentDate: '2026-04-10', profileId: 'medicare' },
      { date: '2026-08-08', days: 120, basis: 'medicare-redetermination' },
    ],
    [
      'Medicare Part B by SBR09 MB',
      { paymentDate: '2026-04-10', claimFilingIndicator: 'MB', profileId: 'default' },
      { date: '2026-08-08', days: 120, basis: 'medicare-redetermination' },
    ],
    [
      'a commercial payer with no setting: 180 days',
      { paymentDate: '2026-04-10', claimFilingIndicator: 'CI', profileId: 'uhc' },
      { date: '2026-10-07', days: 180, basis: 'default' },
    ],
    [
      'a payer setting wins, even for Medicare',
      { paymentDate: '2026-04-10', profileId: 'medicare', overrideDays: 90 },
      { date: '2026-07-09', days: 90, basis: 'payer-setting' },
    ],
    [
      'a plan declared Medicare Advantage: 60-day reconsideration (CMS Part C reconsideration page)',
      {
        paymentDate: '2026-04-10',
        claimFilingIndicator: 'HM',
        profileId: 'uhc',
        declaredKind: 'medicare-advantage',
      },
      { date: '2026-06-09', days: 60, basis: 'medicare-advantage-reconsideration' },
    ],
    [
      'Medicare Advantage by SBR09 16 (HMO Medicare Risk)',
      { paymentDate: '2026-04-10', claimFilingIndicator: '16' },
      { date: '2026-06-09', days: 60, basis: 'medicare-advantage-reconsideration' },
    ],
    [
      'a payer setting wins over Medicare Advantage',
      { paymentDate: '2026-04-10', declaredKind: 'medicare-advantage', overrideDays: 60 },
      { date: '2026-06-09', days: 60, basis: 'payer-setting' },
    ],
    [
      'a longer payer setting never passes the Medicare Advantage window (same payer name, CLP06 16)',
      { paymentDate: '2026-12-01', claimFilingIndicator: '16', profileId: 'uhc', overrideDays: 90 },
      { date: '2027-01-30', days: 60, basis: 'medicare-advantage-reconsideration' },
    ],
    [
      'nor the Medicare redetermination window',
      { paymentDate: '2026-04-10', claimFilingIndicator: 'MB', overrideDays: 150 },
      { date: '2026-08-08', days: 120, basis: 'medicare-redetermination' },
    ],
    [
      'a longer payer setting holds for a commercial plan',
      { paymentDate: '2026-04-10', claimFilingIndicator: 'CI', overrideDays: 365 },
      { date: '2027-04-10', days: 365, basis: 'payer-setting' },
    ],
    [
      'the declared kind wins over the filing indicator',
      { paymentDate: '2026-04-10', claimFilingIndicator: 'MB', declaredKind: 'other' },
      { date: '2026-10-07', days: 180, basis: 'default' },
    ],
    [
      'across a year end',
      { paymentDate: '2026-11-15', claimFilingIndicator: 'MA' },
      { date: '2027-03-15', days: 120, basis: 'medicare-redetermination' },
    ],
  ];
  it.each(cases)('%s', (_name, input, want) => {
    expect(appealDeadline(input)).toEqual(want);
  });
});

describe('remark codes', () => {
  it('paraphrases the common RARCs and leaves the others without a meaning', () => {
    expect(remarkMeaning('N290')).toMatch(/rendering provider identifier/);
    expect(remarkMeaning('MA130')).toMatch(/new claim/);
    expect(remarkMeaning('N9999')).toBeNull();
  });
  it.each(['M127', 'M20', 'M25', 'N29', 'N180', 'N386', 'N479', 'MA66', 'M15', 'M51', 'N657'])(
    'carries a meaning for %s, a remark radiation oncology denials come with',
    (code) => {
      expect(remarkMeaning(code)).toEqual(expect.any(String));
    },
  );
  it('does not read a notice (appeal rights, the coverage policy used) as missing information', () => {
    expect(['N1', 'N211', 'N386', 'M16', 'M127', 'N29'].map(isInformationRemark)).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
  });
  it('shows line remarks then claim remarks, each once', () => {
    expect(remarkViews(['N290', 'M76'], ['MA01', 'N290']).map((r) => r.code)).toEqual([
      'N290',
      'M76',
      'MA01',
    ]);
  });
  it('tells M, MA and N remarks (what is missing) from others', () => {
    expect(['M76', 'MA130', 'N290', 'MA01', 'CARC16', 'ZZ1'].map(isInformationRemark)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('appealWindow: a payer’s window before any remittance', () => {
  it.each([
    [{ profileId: 'medicare' }, 120, 'medicare-redetermination'],
    [{ profileId: 'uhc', claimFilingIndicator: 'MB' }, 120, 'medicare-redetermination'],
    [{ profileId: 'uhc', claimFilingIndicator: 'CI' }, 180, 'default'],
    [{ profileId: 'medicare', overrideDays: 90 }, 90, 'payer-setting'],
  ] as const)('%o → %i days', (input, days, basis) => {
    expect(appealWindow(input)).toEqual({ days, basis });
  });
});

// RARC MA130 "no appeal rights are afforded because the claim is unprocessable. Submit a new claim" (CMS
// IOM 100-04 ch. 1 §80.3), N517 "resubmit a new claim"; a corrected claim (837 frequency 7) is sent, not
// appealed; Medicare Part B takes no frequency 7: a processed claim is reopened or redetermined.
describe('hasAppealDeadline: a line answered by a new or corrected claim has none', () => {
  const line: ResubmissionFacts = {
    category: 'missing-information',
    queue: 'corrected-claim',
    carcs: ['CO-16'],
    remarks: ['N290'],
    claimFilingIndicator: 'CI',
  };
  it.each<[string, Partial<ResubmissionFacts>, Resubmission | null, boolean]>([
    ['a commercial corrected claim', {}, 'corrected-claim', false],
    ['MA130 (unprocessable, no appeal rights)', { remarks: ['MA130', 'N290'] }, 'new-claim', false],
    ['N517 (a new claim)', { remarks: ['N517'] }, 'new-claim', false],
    ['Medicare Part B CO-16 with only an N remark', { claimFilingIndicator: 'MB' }, 'new-claim', false],
    ['Medicare Part B CO-16, no remark: reopening', { claimFilingIndicator: 'MB', remarks: [] }, null, true],
    [
      'Medicare Part B CO-252 with an N remark: reopening',
      { claimFilingIndicator: 'MB', carcs: ['CO-252'] },
      null,
      true,
    ],
    [
      'traditional Medicare CO-197: reopening or redetermination',
      { category: 'authorization-denial', carcs: ['CO-197'], remarks: [], claimFilingIndicator: 'MA' },
      null,
      true,
    ],
    [
      'a commercial CO-15 with an authorization on file: corrected claim',
      { category: 'authorization-denial', carcs: ['CO-15'], remarks: [] },
      'corrected-claim',
      false,
    ],
    [
      'an appeal',
      { category: 'other-denial', queue: 'appeal', carcs: ['CO-50'], remarks: ['M80'] },
      null,
      true,
    ],
    [
      'a patient balance',
      { category: 'patient-responsibility', queue: 'bill-patient-or-secondary' },
      null,
      false,
    ],
  ])('%s', (_, change, claim, deadline) => {
    expect(resubmission({ ...line, ...change })).toBe(claim);
    expect(hasAppealDeadline({ ...line, ...change })).toBe(deadline);
  });
});
