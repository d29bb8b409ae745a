import { describe, expect, it } from 'vitest';
import type { ClaimDraft } from '../../core/claims/claim-input.js';
import { write837p } from '../../formats/x12/write-837p.js';
import { DEMO_BILLING } from '../setup/demo-billing.js';
import { billingSettingsSchema } from './billing-settings.js';
import { type ClaimSubject, claimFiles, claimVersionFile } from './claim-files.js';

const settings = billingSettingsSchema.parse(DEMO_BILLING);

const course = (courseKey: string, diagnosis: string | undefined) => ({
  courseKey,
  diagnosis,
  physicianId: 'DR-SYN-01',
  site: { region: 'breast', laterality: 'right' as const },
});

type SubjectOverrides = Partial<ClaimSubject> & { diagnosis?: string | undefined };

const subject = ({ diagnosis = 'C50.912', ...over }: SubjectOverrides = {}): ClaimSubject => ({
  patientId: 'patient-row-1',
  name: 'Testpatient, Ada',
  birthDate: '1961-07-04',
  demographics: {
    sex: 'F',
    memberId: 'SYNM0001',
    groupNumber: 'GRP1',
    address: { line1: '1 SYNTHETIC AVE', city: 'TESTVILLE', state: 'NY', postalCode: '10001' },
  },
  coverage: {},
  courses: new Map([['course-1', course('C-5001', diagnosis)]]),
  ...over,
});

const draft = (over: Partial<ClaimDraft> = {}): ClaimDraft => ({
  key: 'k',
  format: '837P',
  component: 'global',
  patientKey: 'patient-row-1',
  payerProfileId: 'uhc',
  placeOfService: '11',
  facilityTypeCode: null,
  period: { from: '2026-03-01', to: '2026-03-31' },
  statementFrom: '2026-03-02',
  statementTo: '2026-03-02',
  authorizationNumber: 'AUTH-1',
  lines: [
    {
      chargeId: 'ch-1',
      courseId: 'course-1',
      dateOfService: '2026-03-02',
      code: '77412',
      modifiers: [],
      units: 1,
      chargeCents: 58_719,
      expectedCents: 39_146,
      revenueCode: null,
    },
    {
      chargeId: 'ch-2',
      courseId: 'course-1',
      dateOfService: '2026-03-02',
      code: '77412',
      modifiers: ['76'],
      units: 1,
      chargeCents: 58_719,
      expectedCents: 39_146,
      revenueCode: null,
    },
    {
      chargeId: 'ch-3',
      courseId: 'course-1',
      dateOfService: '2026-03-02',
      code: '77387',
      modifiers: ['26'],
      units: 1,
      chargeCents: 5_511,
      expectedCents: 3_674,
      revenueCode: null,
    },
  ],
  ...over,
});

const input = (drafts: ClaimDraft[], subjects = new Map([['patient-row-1', subject()]])) => ({
  format: '837P' as const,
  drafts,
  settings,
  subjects,
  firstClaimNumber: 41,
  firstControlNumber: 7,
  created: '2026-03-20T12:00',
});

describe('claimFiles: drafts → one 837 file per payer', () => {
  it('maps a draft to a claim: number, subscriber, diagnosis without the dot, lines with charge ids', () => {
    const r = claimFiles(input([draft()]));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.files).toHaveLength(1);
    const { file, payerProfileId } = r.files[0]!;
    expect(payerProfileId).toBe('uhc');
    expect(file.envelope).toMatchObject({ interchangeControlNumber: 7, groupControlNumber: 7, usage: 'T' });
    expect(file.payer).toEqual({ name: 'UNITEDHEALTHCARE SYNTHETIC', id: 'SYNUHC01', filingIndicator: 'CI' });
    expect(file.billingProvider).toMatchObject({
      npi: '1999999984',
      taxId: '999999999',
      taxonomy: '261QX0203X',
    });
    const claim = file.claims[0]!;
    expect(claim).toMatchObject({
      patientControlNumber: 'C-5001-41',
      diagnosisCodes: ['C50912'],
      placeOfService: '11',
      priorAuthorization: 'AUTH-1',
      statementFrom: '2026-03-02',
      subscriber: {
        lastName: 'Testpatient',
        firstName: 'Ada',
        memberId: 'SYNM0001',
        sex: 'F',
        groupNumber: 'GRP1',
      },
    });
    expect(claim.lines.map((l) => [l.procedureCode, l.modifiers.join(','), l.lineControlNumber])).toEqual([
      ['77412', '', 'ch-1'],
      ['77412', '76', 'ch-2'],
      ['77387', '26', 'ch-3'],
    ]);
    expect(claim.lines.map((l) => l.diagnosisPointers)).toEqual([[1], [1], [1]]);
    // The course physician is the rendering provider (2310B) with the radiation oncologist taxonomy.
    expect(claim.provider).toEqual({
      npi: '1999000015',
      lastName: 'DOCTORFAKE',
      firstName: 'RITA',
      taxonomy: '2085R0001X',
    });
    expect(claim.responsibility).toBe('P');
    expect(claim.patient).toBeUndefined();
    expect(write837p(file).ok).toBe(true);
  });

  it('names a course physician missing from the settings (the rendering provider)', () => {
    const s = subject();
    s.courses.set('course-1', { ...course('C-5001', 'C50.912'), physicianId: 'DR-NEW' });
    const r = claimFiles(input([draft()], new Map([['patient-row-1', s]])));
    expect(r.ok ? [] : r.problems).toEqual([
      {
        location: 'billing.physicians.DR-NEW',
        message: 'add physician DR-NEW (name, NPI, taxonomy): the rendering provider of the claims',
      },
    ]);
  });

  it('a dependent: the subscriber in 2010BA, the patient in 2000C with PAT01; SBR09 from the coverage', () => {
    const dependent = subject({
      coverage: {
        subscriber: {
          relationship: 'spouse',
          name: 'Holder, Sam',
          memberId: 'SYNH0001',
          birthDate: '1958-01-02',
        },
        claimFilingIndicator: 'BL',
      },
    });
    const r = claimFiles(input([draft()], new Map([['patient-row-1', dependent]])));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const claim = r.files[0]!.file.claims[0]!;
    expect(claim.subscriber).toEqual({
      memberId: 'SYNH0001',
      lastName: 'Holder',
      firstName: 'Sam',
      birthDate: '1958-01-02',
      groupNumber: 'GRP1',
    });
    expect(claim.patient).toMatchObject({ relationship: '01', lastName: 'Testpatient', firstName: 'Ada' });
    expect(claim.filingIndicator).toBe('BL');
    const text = write837p(r.files[0]!.file);
    if (!text.ok) throw new Error(JSON.stringify(text.problems));
    expect(text.value).toContain('SBR*P**GRP1******BL~');
    expect(text.value).toContain('PAT*01~');
  });

  it('837I: Z51.0 first-listed, the cancer code after it, no line pointers (ICD-10-CM I.C.2.e.2)', () => {
    const d = draft({ format: '837I', facilityTypeCode: '13' });
    const lines = d.lines.map((l) => ({ ...l, revenueCode: '0333' }));
    const r = claimFiles({ ...input([{ ...d, lines }]), format: '837I' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const claim = r.files[0]!.file.claims[0]!;
    expect(claim.diagnosisCodes).toEqual(['Z510', 'C50912']);
    expect(claim.lines.every((l) => l.diagnosisPointers === undefined)).toBe(true);
  });

  it('a replacement keeps the claim number and carries CLM05-3 7 and REF*F8', () => {
    const r = claimVersionFile(
      { ...input([]), draft: draft() },
      { claimNumber: 'C-5001-41', frequencyCode: '7', payerClaimControlNumber: 'PCN-77' },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const text = write837p(r.file.file);
    if (!text.ok) throw new Error(JSON.stringify(text.problems));
    expect(text.value).toContain('CLM*C-5001-41*1229.49***11:B:7*Y*A*Y*Y~');
    expect(text.value).toContain('REF*F8*PCN-77~');
  });

  it("a secondary claim goes to the coverage's payer with SBR01 S and the primary's adjudication", () => {
    const covered = subject({
      coverage: {
        otherCoverage: [
          { order: 'secondary', payerName: 'SECONDARY PLAN', payerProfile: 'default', memberId: 'SYNS0001' },
        ],
      },
    });
    const r = claimVersionFile(
      { ...input([], new Map([['patient-row-1', covered]])), draft: draft() },
      {
        claimNumber: 'C-5001-41',
        secondary: {
          paidCents: 50_000,
          adjustments: [{ group: 'PR', reason: '1', amountCents: 10_000 }],
          lines: new Map([
            [
              'ch-1',
              {
                paidCents: 50_000,
                adjustments: [{ group: 'CO', reason: '45', amountCents: 8_719 }],
                adjudicationDate: '2026-03-27',
              },
            ],
          ]),
        },
      },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const { file } = r.file;
    expect(file.payer).toEqual({ name: 'SECONDARY PLAN', id: 'SYNPPO01', filingIndicator: 'CI' });
    const claim = file.claims[0]!;
    expect(claim.responsibility).toBe('S');
    expect(claim.subscriber.memberId).toBe('SYNS0001');
    expect(claim.priorPayer).toMatchObject({
      responsibility: 'P',
      relationship: '18',
      filingIndicator: 'CI',
      payer: { name: 'UNITEDHEALTHCARE SYNTHETIC', id: 'SYNUHC01' },
      subscriber: { memberId: 'SYNM0001' },
      paidCents: 50_000,
    });
    expect(claim.priorPayer?.lines.map((l) => l?.paidCents ?? null)).toEqual([50_000, null, null]);
    expect(write837p(file).ok).toBe(true);
  });

  /** The primary's adjudication of line ch-1, as a secondary claim carries it. */
  const primaryPaid = {
    claimNumber: 'C-5001-41',
    secondary: {
      paidCents: 50_000,
      adjustments: [{ group: 'PR', reason: '1', amountCents: 10_000 }],
      lines: new Map([['ch-1', { paidCents: 50_000, adjustments: [], adjudicationDate: '2026-03-27' }]]),
    },
  };
  const secondaryTo = (coverage: Record<string, string>, primaryProfile = 'default') =>
    claimVersionFile(
      {
        ...input(
          [],
          new Map([
            [
              'patient-row-1',
              subject({
                coverage: {
                  otherCoverage: [{ order: 'secondary', memberId: 'SYNS0001', payerName: 'X', ...coverage }],
                },
              }),
            ],
          ]),
        ),
        draft: draft({ payerProfileId: primaryProfile }),
      },
      primaryPaid,
    );

  it.each([
    [
      "the coverage's own payer id and name over its profile's",
      { payerProfile: 'default', payerId: 'SYNMGAP1', payerName: 'Synthetic Medigap Plan G' },
      { name: 'Synthetic Medigap Plan G', id: 'SYNMGAP1', filingIndicator: 'CI' },
    ],
    [
      'a payer named only by its ids',
      { payerId: 'SYNMGAP1', payerName: 'Synthetic Medigap Plan G', claimFilingIndicator: 'CI' },
      { name: 'Synthetic Medigap Plan G', id: 'SYNMGAP1', filingIndicator: 'CI' },
    ],
  ])("a secondary claim's 2010BB is the secondary coverage's payer: %s", (_name, coverage, payer) => {
    const r = secondaryTo(coverage);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.file.file.payer).toEqual(payer);
    expect(r.file.file.claims[0]!.priorPayer?.payer).toEqual({
      name: 'SYNTHETIC COMMERCIAL PPO',
      id: 'SYNPPO01',
    });
  });

  it.each([
    ["the primary's profile", { payerProfile: 'default', payerName: 'Synthetic Commercial PPO' }],
    ["the primary's payer id", { payerId: 'SYNPPO01', payerName: 'PPO', claimFilingIndicator: 'CI' }],
  ])('refuses a secondary claim whose coverage names the primary payer: %s', (_name, coverage) => {
    const r = secondaryTo(coverage);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      {
        location: 'patient patient-row-1',
        message: expect.stringMatching(/secondary coverage names the primary payer \(SYNPPO01\)/),
      },
    ]);
  });

  it("puts a patient's two courses on one claim: both diagnoses, each line pointing at its course's", () => {
    const two = subject();
    two.courses.set('course-2', course('C-5002', 'C61'));
    const d = draft();
    const lines = [d.lines[0]!, { ...d.lines[2]!, courseId: 'course-2', chargeId: 'ch-9' }];
    const r = claimFiles(input([{ ...d, lines }], new Map([['patient-row-1', two]])));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const claim = r.files[0]!.file.claims[0]!;
    expect(claim.patientControlNumber).toBe('C-5001-41');
    expect(claim.diagnosisCodes).toEqual(['C50912', 'C61']);
    expect(claim.lines.map((l) => [l.lineControlNumber, l.diagnosisPointers])).toEqual([
      ['ch-1', [1]],
      ['ch-9', [2]],
    ]);
  });

  it('numbers claims on and gives each payer its own interchange', () => {
    const r = claimFiles(
      input([draft(), draft({ payerProfileId: 'medicare', authorizationNumber: null }), draft()]),
    );
    if (!r.ok) throw new Error('not mapped');
    expect(r.files.map((f) => [f.payerProfileId, f.file.envelope.interchangeControlNumber])).toEqual([
      ['uhc', 7],
      ['medicare', 8],
    ]);
    expect(r.files.flatMap((f) => f.file.claims.map((c) => c.patientControlNumber))).toEqual([
      'C-5001-41',
      'C-5001-43',
      'C-5001-42',
    ]);
    expect(r.files[1]!.file.payer.filingIndicator).toBe('MB');
  });

  it.each([
    ['no demographics', { demographics: null }, "add the patient's sex, memberId, address"],
    ['a name without a comma', { name: 'Ada Testpatient' }, "add the patient's name (Last, First)"],
    ['no birth date', { birthDate: null }, "add the patient's birthDate"],
    ['no diagnosis', { diagnosis: '' }, 'add the ICD-10-CM diagnosis'],
    ['a diagnosis that is not ICD-10', { diagnosis: 'breast' }, 'not an ICD-10-CM code'],
  ] as const)('%s: a problem naming the course or patient id, never the values', (_name, over, message) => {
    const r = claimFiles(input([draft()], new Map([['patient-row-1', subject(over)]])));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.message).toContain(message);
    expect(r.problems[0]!.location).toMatch(/^(course C-5001|patient patient-row-1)$/);
    expect(JSON.stringify(r.problems)).not.toMatch(/Testpatient|Ada|1961|SYNM|breast/);
  });

  it('names a payer profile without settings', () => {
    const r = claimFiles(input([draft({ payerProfileId: 'bcbs' })]));
    expect(r.ok ? [] : r.problems).toEqual([
      {
        location: 'billing.payers.bcbs',
        message: "add the payer's name, payer id and claim filing indicator (SBR09) for payer profile bcbs",
      },
    ]);
  });
});
