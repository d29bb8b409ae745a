import { describe, expect, it } from 'vitest';
import type { Adjustment, RemitClaim, RemitServiceLine } from '../model/remittance.js';
import { classifyLine } from './classify-line.js';
import type { RemitCategory } from './remit-category.js';
import type { ExpectedPayment, RemitLineInput, SentCharge } from './remit-line.js';
import { DEFAULT_REMIT_OPTIONS, remitOptionsSchema } from './remit-options.js';

const adj = (group: string, reason: string, amountCents: number): Adjustment => ({
  group,
  reason,
  amountCents,
  quantity: null,
});

function input(over: {
  code?: string;
  modifiers?: string[];
  submitted?: string | null;
  charge?: number;
  paid?: number;
  adjustments?: Adjustment[];
  claimAdjustments?: Adjustment[];
  claimStatus?: string;
  allowed?: number | null;
  dos?: string;
  sent?: Partial<SentCharge> | null;
  expected?: Partial<ExpectedPayment>;
  options?: Partial<typeof DEFAULT_REMIT_OPTIONS>;
  unbalanced?: boolean;
  coordination?: RemitLineInput['coordination'];
}): RemitLineInput {
  const code = over.code ?? '77412';
  const line: RemitServiceLine = {
    procedure: { code, modifiers: over.modifiers ?? [] },
    submitted: over.submitted ? { code: over.submitted, modifiers: over.modifiers ?? [] } : null,
    chargeCents: over.charge ?? 60000,
    paidCents: over.paid ?? 39146,
    units: 1,
    submittedUnits: null,
    dateOfService: over.dos ?? '2026-03-10',
    adjustments: over.adjustments ?? [],
    remarks: [],
    allowedCents: over.allowed ?? null,
    lineControlNumber: null,
    location: 'r.835:ST[1]/2100[1]/2110[1]',
  };
  const claim: RemitClaim = {
    patientControlNumber: 'PCN-1',
    status: over.claimStatus ?? '1',
    chargeCents: line.chargeCents,
    paidCents: line.paidCents,
    patientResponsibilityCents: null,
    payerClaimControlNumber: null,
    facilityType: null,
    memberId: null,
    statementFrom: null,
    statementTo: null,
    adjustments: over.claimAdjustments ?? [],
    remarks: [],
    lines: [line],
    location: 'r.835:ST[1]/2100[1]',
  };
  const charge: SentCharge | null =
    over.sent === null
      ? null
      : {
          code: over.submitted ?? code,
          modifiers: over.modifiers ?? [],
          units: 1,
          dateOfService: line.dateOfService!,
          placeOfService: '11',
          igrtModifierRule: 'required',
          authorization: null,
          ...over.sent,
        };
  return {
    claim,
    line,
    charge,
    expected: {
      cents: 39146,
      basis: 'medicare',
      medicareCents: 39146,
      lowerLevelCents: 31764,
      ...over.expected,
    },
    options: remitOptionsSchema.parse({ ...over.options }),
    amountsUnbalanced: over.unbalanced,
    coordination: over.coordination,
  };
}

const NO_RATE = { cents: null, basis: null, medicareCents: null, lowerLevelCents: null };

describe('classifyLine: the 2026 payer problems on an 835 line', () => {
  const cases: [string, Parameters<typeof input>[0], RemitCategory, string | null][] = [
    ['77412 paid in full', {}, 'paid-as-expected', null],
    [
      'paid + coinsurance meets the expectation: the patient’s share',
      { paid: 31000, adjustments: [adj('PR', '2', 8146)] },
      'patient-responsibility',
      'REMIT-008',
    ],
    [
      'SVC06 77412, SVC01 77407',
      { code: '77407', submitted: '77412', paid: 31764 },
      'downcoded',
      'REMIT-003',
    ],
    ['CARC 150 on 77412', { paid: 31764, adjustments: [adj('CO', '150', 28236)] }, 'downcoded', 'REMIT-003'],
    [
      '77412 paid at the 77407 rate',
      { paid: 31764, adjustments: [adj('CO', '45', 28236)] },
      'downcoded',
      'REMIT-003',
    ],
    [
      '77412 allowed far below the 77407 rate, all to the deductible: not a downcode',
      { paid: 0, adjustments: [adj('CO', '45', 48000), adj('PR', '1', 12000)] },
      'patient-responsibility',
      'REMIT-008',
    ],
    [
      '77412 paid well below the 77407 rate: underpaid, not a level change',
      { paid: 20000, adjustments: [adj('CO', '45', 40000)] },
      'underpaid',
      'REMIT-006',
    ],
    [
      'a claim answered without service lines, paid 0 under CO-45: the hidden zero, read like a line',
      { code: '', paid: 0, adjustments: [adj('CO', '45', 60000)] },
      'zero-paid-no-denial-code',
      'REMIT-004',
    ],
    [
      'the same under claim status 4 (CLP*…*4, claim CAS*CO*45 only): still the hidden zero',
      { code: '', paid: 0, claimStatus: '4', claimAdjustments: [adj('CO', '45', 60000)] },
      'zero-paid-no-denial-code',
      'REMIT-004',
    ],
    [
      'a claim without service lines paid part under CO-16: still missing information',
      { code: '', paid: 0, claimStatus: '4', claimAdjustments: [adj('CO', '16', 60000)] },
      'missing-information',
      'REMIT-012',
    ],
    ['a claim without service lines paid in full', { code: '', paid: 60000 }, 'paid-as-expected', null],
    [
      'CLP02 23, not our claim (forwarded): coordination of benefits, not an appeal',
      { paid: 0, claimStatus: '23', adjustments: [adj('OA', '109', 60000)] },
      'coordination-of-benefits',
      'REMIT-009',
    ],
    [
      '77387-26 paid 0 as bundled',
      { code: '77387', modifiers: ['26'], charge: 5000, paid: 0, adjustments: [adj('CO', '97', 5000)] },
      'igrt-professional-denied',
      'REMIT-002',
    ],
    [
      '77412 paid 0 under CO-45 only',
      { paid: 0, adjustments: [adj('CO', '45', 60000)] },
      'zero-paid-no-denial-code',
      'REMIT-004',
    ],
    [
      '77412 paid 0 under CO-45 at the claim level',
      { paid: 0, claimAdjustments: [adj('CO', '45', 60000)] },
      'zero-paid-no-denial-code',
      'REMIT-004',
    ],
    [
      '2026 DOS denied CO-197 on a 2025 authorization',
      {
        paid: 0,
        adjustments: [adj('CO', '197', 60000)],
        sent: { authorization: { number: 'A1', obtainedOn: '2025-12-15', validFrom: '2025-12-15' } },
      },
      'authorization-2025',
      'REMIT-001',
    ],
    [
      'CO-197 on a 2026 authorization is an authorization denial',
      {
        paid: 0,
        adjustments: [adj('CO', '197', 60000)],
        sent: { authorization: { number: 'A2', obtainedOn: '2026-01-05', validFrom: '2026-01-05' } },
      },
      'authorization-denial',
      'REMIT-007',
    ],
    [
      'CO-197 with no authorization on file is an authorization denial',
      { paid: 0, adjustments: [adj('CO', '197', 60000)] },
      'authorization-denial',
      'REMIT-007',
    ],
    [
      'PR-197 (group first): the patient’s, not a denial',
      { paid: 0, adjustments: [adj('PR', '197', 60000)] },
      'patient-responsibility',
      'REMIT-008',
    ],
    [
      '77412 paid 0 under CO-16',
      { paid: 0, adjustments: [adj('CO', '16', 60000)] },
      'missing-information',
      'REMIT-012',
    ],
    [
      '77412 paid 0 under CO-45, claim status 4: still the hidden zero',
      { paid: 0, adjustments: [adj('CO', '45', 60000)], claimStatus: '4' },
      'zero-paid-no-denial-code',
      'REMIT-004',
    ],
    ...(['2', '3', '20', '21', '23'] as const).map(
      (claimStatus): [string, Parameters<typeof input>[0], RemitCategory, string | null] => [
        `77412 paid 0 under CO-45 only, processed as CLP02 ${claimStatus}: the hidden zero, not COB`,
        { paid: 0, adjustments: [adj('CO', '45', 60000)], claimStatus },
        'zero-paid-no-denial-code',
        'REMIT-004',
      ],
    ),
    [
      'a secondary 77412 paid 0 with OA-23 (the primary’s adjudication): COB, not a hidden zero',
      { paid: 0, adjustments: [adj('OA', '23', 50000), adj('PR', '2', 10000)], claimStatus: '2' },
      'coordination-of-benefits',
      'REMIT-009',
    ],
    [
      '77412 paid 0, CO-151 on a single session: frequency, not a downcode',
      { paid: 0, adjustments: [adj('CO', '151', 60000)] },
      'frequency-denial',
      'REMIT-011',
    ],
    [
      'CO-151 on a 77412 paid at the 77407 rate: frequency, not a downcode',
      { paid: 31764, adjustments: [adj('CO', '151', 28236)] },
      'frequency-denial',
      'REMIT-011',
    ],
    [
      'claim denied (status 4) without a CAS',
      { code: '77300', paid: 0, claimStatus: '4' },
      'other-denial',
      'REMIT-005',
    ],
    [
      'take-back (CLP02 22), no pairing known',
      { paid: -39146, charge: -60000, claimStatus: '22' },
      'reversal',
      'REMIT-010',
    ],
    [
      '77407 paid 80% of expected',
      { code: '77407', paid: 25411, expected: { cents: 31764, lowerLevelCents: 7949 } },
      'underpaid',
      'REMIT-006',
    ],
    [
      '77407 paid 96% of expected (inside the margin)',
      { code: '77407', paid: 30500, expected: { cents: 31764, lowerLevelCents: 7949 } },
      'paid-as-expected',
      null,
    ],
    [
      'no rate known (77373), paid something without a denial: expected unknown, not paid as expected',
      {
        code: '77373',
        charge: 150000,
        paid: 5000,
        adjustments: [adj('CO', '45', 145000)],
        expected: NO_RATE,
      },
      'paid-rate-unknown',
      'REMIT-013',
    ],
    [
      'no rate known (G0339), a little paid: expected unknown',
      {
        code: 'G0339',
        charge: 250000,
        paid: 1000,
        adjustments: [adj('CO', '45', 249000)],
        expected: NO_RATE,
      },
      'paid-rate-unknown',
      'REMIT-013',
    ],
    [
      'no rate known but the whole charge allowed: nothing can be short',
      { code: '77407', charge: 100, paid: 100, expected: NO_RATE },
      'paid-as-expected',
      null,
    ],
    [
      'the payer’s amounts do not balance: not paid as expected',
      { paid: 40000, adjustments: [adj('CO', '45', 15000)], unbalanced: true },
      'unbalanced-amounts',
      'REMIT-014',
    ],
  ];
  it.each(cases)('%s', (_name, over, category, ruleId) => {
    const c = classifyLine(input(over));
    expect(c.category).toBe(category);
    expect(c.ruleId).toBe(ruleId);
    // A queue and a next action exactly when there is something to do.
    expect(c.queue === null).toBe(category === 'paid-as-expected');
    expect(c.nextAction === null).toBe(c.queue === null);
  });

  it('flags every line of an unbalanced claim, whatever its category', () => {
    const paid = classifyLine(
      input({ paid: 40000, adjustments: [adj('CO', '45', 15000)], unbalanced: true }),
    );
    expect(paid).toMatchObject({ queue: 'payer-reprocess', flags: ['amounts-do-not-balance'] });
    expect(paid.message).toMatch(/amounts do not balance/);
    const denied = classifyLine(input({ paid: 0, adjustments: [adj('CO', '16', 50000)], unbalanced: true }));
    expect(denied).toMatchObject({ category: 'missing-information', flags: ['amounts-do-not-balance'] });
    expect(denied.message).toMatch(/The payer’s amounts do not balance\.$/);
    expect(classifyLine(input({})).flags).toEqual([]);
  });

  it('a secondary whose primary’s payment is not on file claims no shortfall', () => {
    const secondary = { claimStatus: '2', paid: 6400, adjustments: [adj('OA', '23', 41600)], charge: 48000 };
    const alone = classifyLine(input(secondary));
    expect(alone).toMatchObject({ category: 'coordination-of-benefits', expectedCents: null });
    expect(alone.message).toMatch(/the prior payer’s payment is not on file/);
    // The primary's answer on file: expected less what it paid.
    const linked = classifyLine(
      input({ ...secondary, coordination: { priorPaidCents: 30000, laterPaidCents: null } }),
    );
    expect(linked).toMatchObject({ expectedCents: 9146 });
    expect(linked.message).toMatch(/the prior payer paid \$300\.00/);
    // CLP02 23 (not our claim, forwarded): no shortfall either.
    expect(classifyLine(input({ claimStatus: '23', paid: 0 })).expectedCents).toBeNull();
  });

  it('flags 77387-26 paid at about half of Medicare', () => {
    const c = classifyLine(
      input({
        code: '77387',
        modifiers: ['26'],
        charge: 5000,
        paid: 1800,
        expected: { cents: 3674, medicareCents: 3674, lowerLevelCents: null },
      }),
    );
    expect(c).toMatchObject({
      category: 'underpaid',
      flags: ['half-of-medicare'],
      expectedCents: 3674,
      allowedCents: 1800,
    });
  });

  it('flags a delivery payment near the pre-2015 amount the practice entered', () => {
    const c = classifyLine(
      input({
        code: '77407',
        paid: 20000,
        expected: { cents: 31764, lowerLevelCents: 7949 },
        options: { pre2015Cents: { '77407': 19500 } },
      }),
    );
    expect(c.flags).toEqual(['pre-2015-level']);
  });

  it('tells what to do about 77387 by the payer’s modifier rule', () => {
    const base = { code: '77387', charge: 5000, paid: 0, adjustments: [adj('CO', '4', 5000)] };
    expect(
      classifyLine(input({ ...base, modifiers: [], sent: { igrtModifierRule: 'required' } })),
    ).toMatchObject({ queue: 'corrected-claim', nextAction: expect.stringMatching(/requires modifier 26/) });
    expect(
      classifyLine(input({ ...base, modifiers: ['26'], sent: { igrtModifierRule: 'omit' } })),
    ).toMatchObject({ queue: 'corrected-claim', nextAction: expect.stringMatching(/without it/) });
    expect(
      classifyLine(input({ ...base, modifiers: ['26'], sent: { igrtModifierRule: 'required' } })),
    ).toMatchObject({ queue: 'appeal', nextAction: expect.stringMatching(/Appeal/) });
    // Traditional Medicare: a wrong modifier is a clerical error, processed as a reopening (42 CFR
    // 405.980(a)(3); CMS IOM 100-04 ch. 34 §10.4), the redetermination only if the claim was right.
    const medicare = input({ ...base, modifiers: ['26'], sent: { igrtModifierRule: 'required' } });
    medicare.claim.filingIndicator = 'MB';
    expect(classifyLine(medicare)).toMatchObject({
      category: 'igrt-professional-denied',
      queue: 'corrected-claim',
      nextAction: expect.stringMatching(
        /^Traditional Medicare denied 77387 over its modifier \(CO-4\): .*reopening .*405\.980\(a\)\(3\).*only if the claim was right, request a redetermination/,
      ),
    });
    medicare.line.adjustments = [adj('CO', '97', 5000)];
    expect(classifyLine(medicare)).toMatchObject({
      queue: 'appeal',
      nextAction: expect.stringMatching(/^Appeal/),
    });
  });

  // CARC 96/204 (not covered by the patient's benefit plan, CARC list; domain.md §6.1): under CO/PI/OA
  // the practice bears it (benefit check, benefit review/appeal, ABN + modifier GA); under PR the patient owes it.
  // prettier-ignore
  const NON_COVERED: [string, Adjustment[], RemitCategory, string, RegExp, RegExp][] = [
    ['PI-204', [adj('PI', '204', 60000)], 'other-denial', 'appeal', /^Denied under PI-204: not covered by the patient’s benefit plan\.$/, /^Check the patient’s benefits .*benefit review or appeal.*modifier GA/],
    ['CO-204', [adj('CO', '204', 60000)], 'other-denial', 'appeal', /CO-204: not covered/, /benefit review or appeal/],
    ['CO-96', [adj('CO', '96', 60000)], 'other-denial', 'appeal', /CO-96: not covered/, /benefit review or appeal/],
    ['PR-204', [adj('PR', '204', 60000)], 'patient-responsibility', 'bill-patient-or-secondary', /\(not covered by the plan \$600\.00\)/, /^Check the patient’s benefits .*then: Bill the patient \$600\.00/],
  ];
  it.each(NON_COVERED)('%s: a non-covered service', (_name, adjustments, category, queue, message, next) => {
    const c = classifyLine(input({ paid: 0, adjustments }));
    expect(c).toMatchObject({ category, queue });
    expect(c.message).toMatch(message);
    expect(c.nextAction).toMatch(next);
  });

  // PR beside an authorization denial (CARC 1 deductible with CARC 197; CAS group PR is the patient's,
  // domain.md §6.1): the denial decides the queue, and the patient's part is said, with its amount.
  it.each<[string, Partial<SentCharge> | null, RemitCategory, string]>([
    ['no authorization on file', null, 'authorization-denial', 'retro-authorization'],
    [
      'a 2025 authorization on file',
      { authorization: { number: 'A1', obtainedOn: '2025-12-15', validFrom: '2025-12-15' } },
      'authorization-2025',
      'retro-authorization',
    ],
    [
      'a 2026 authorization on file',
      { authorization: { number: 'A2', obtainedOn: '2026-01-05', validFrom: '2026-01-05' } },
      'authorization-denial',
      'appeal',
    ],
  ])(
    'PR-1 with CO-197, %s: the denial is the queue, the patient’s part is not lost',
    (_n, sent, category, queue) => {
      const c = classifyLine(
        input({ paid: 0, adjustments: [adj('PR', '1', 12000), adj('CO', '197', 48000)], sent: sent ?? {} }),
      );
      expect(c).toMatchObject({ category, queue, patientResponsibilityCents: 12000 });
      expect(c.message).toMatch(/The patient’s part is \$120\.00 \(deductible \$120\.00\)\.$/);
      expect(c.nextAction).toMatch(
        /Separately, the patient’s part of \$120\.00 \(deductible \$120\.00\) is not denied: bill the patient or the secondary payer for it\.$/,
      );
      // Without a patient's part nothing is added.
      const alone = classifyLine(
        input({ paid: 0, adjustments: [adj('CO', '197', 60000)], sent: sent ?? {} }),
      );
      expect(alone.nextAction).not.toMatch(/patient’s part/);
    },
  );

  // Medicare Part B (CLP06 MB) takes no frequency 7: unprocessable (CO-16 + MA130 or an N remark) → a new
  // claim (CMS IOM 100-04 ch. 1 §80.3); processed → a reopening (CMS IOM 100-04 ch. 34). Others: frequency 7.
  it.each<[string, string, string, string[], RegExp]>([
    [
      'Part B, CO-16 with MA130',
      'MB',
      '16',
      ['MA130'],
      /^Medicare Part B returned the claim unprocessable: send it as a new claim \(frequency 1, no REF\*F8\)/,
    ],
    [
      'Part B, CO-16 with N290 alone',
      'MB',
      '16',
      ['N290'],
      /^Medicare Part B returned the claim unprocessable: send it as a new claim/,
    ],
    [
      'Part B, CO-252 with an M remark',
      'MB',
      '252',
      ['M51'],
      /^Medicare Part B takes no corrected claim \(frequency 7\): request a reopening from the MAC/,
    ],
    [
      'Part B, A1 with an MA remark',
      'MB',
      'A1',
      ['MA04'],
      /^Medicare Part B takes no corrected claim \(frequency 7\): request a reopening/,
    ],
    ['Part B, CO-16 with no remark', 'MB', '16', [], /request a reopening from the MAC .*ask the payer/],
    [
      'a commercial plan, CO-16 with N290',
      '12',
      '16',
      ['N290'],
      /^Send a corrected claim \(frequency 7 with the payer’s claim number, REF\*F8\)/,
    ],
  ])('missing information, %s', (_name, filing, reason, remarks, next) => {
    const i = input({ paid: 0, adjustments: [adj('CO', reason, 60000)] });
    i.claim.filingIndicator = filing;
    i.line.remarks.push(...remarks);
    const c = classifyLine(i);
    expect(c).toMatchObject({ category: 'missing-information', queue: 'corrected-claim' });
    expect(c.nextAction).toMatch(next);
    if (filing === 'MB') expect(c.nextAction).not.toMatch(/frequency 7 with/);
  });

  it('reports the adjustments and the allowed amount', () => {
    const c = classifyLine(
      input({ paid: 30000, adjustments: [adj('CO', '45', 20000), adj('PR', '1', 9146)], allowed: null }),
    );
    expect(c).toMatchObject({
      carcs: ['CO-45', 'PR-1'],
      allowedCents: 39146,
      patientResponsibilityCents: 9146,
      billedCents: 60000,
      paidCents: 30000,
    });
  });
});

describe('the hidden zero names the service year of its date of service', () => {
  it.each([
    ['2026-03-10', /covered in 2026/],
    ['2025-09-05', /covered in 2025/],
  ])('%s', (dos, words) => {
    const c = classifyLine(input({ dos, paid: 0, adjustments: [adj('CO', '45', 60000)] }));
    expect(c.category).toBe('zero-paid-no-denial-code');
    expect(c.nextAction).toMatch(words);
  });
});

describe('sequestration (CO-253) is part of the allowed amount, not a shortfall', () => {
  it('a Medicare line paid the rate less 2 % sequestration, without AMT*B6, is paid as expected', () => {
    const c = classifyLine(
      input({ paid: 38363, adjustments: [adj('CO', '45', 20854), adj('CO', '253', 783)] }),
    );
    expect(c).toMatchObject({ category: 'paid-as-expected', allowedCents: 39146 });
  });
});

// The payer's stated reason wins over the code (CARC list: 50 not medically necessary, 55 experimental,
// 56 not proven effective, 167 diagnosis not covered; domain.md §6.1 medical-necessity family): a
// necessity denial of 77387-26 is a medical-necessity appeal with the chart, as for the delivery codes,
// whatever the payer (traditional Medicare MB, Medicare Advantage 16, commercial CI).
describe('a medical-necessity CARC decides the category, whatever the code and the payer', () => {
  const codes: [string, string[]][] = [
    ['77412', []],
    ['77407', []],
    ['77387', ['26']],
  ];
  const cases = ['50', '55', '56', '167'].flatMap((reason) =>
    codes.flatMap(([code, modifiers]) =>
      ['MB', '16', 'CI'].map(
        (filing) =>
          [
            `CO-${reason} on ${[code, ...modifiers].join('-')}, CLP06 ${filing}`,
            reason,
            code,
            modifiers,
            filing,
          ] as const,
      ),
    ),
  );
  it.each(cases)('%s', (_name, reason, code, modifiers, filing) => {
    const i = input({ code, modifiers, charge: 5000, paid: 0, adjustments: [adj('CO', reason, 5000)] });
    i.claim.filingIndicator = filing;
    const c = classifyLine(i);
    expect(c).toMatchObject({ category: 'other-denial', ruleId: 'REMIT-005', queue: 'appeal' });
    expect(c.nextAction).toMatch(/^Medical-necessity appeal with the letter/);
  });
});

// Traditional Medicare (CLP06 MA/MB) has no peer-to-peer: its first appeal is a redetermination
// (42 CFR 405.940); a 77387-26 denial is answered with the image guidance evidence (the image review),
// not motion management (CPT 77387: guidance for localization of target volume).
describe('the next action names the appeal the payer has and the evidence of the code', () => {
  it.each([
    ['a downcode, traditional Medicare', 'MB', '77412', [], '150', /^Redetermination \(no peer-to-peer/],
    ['a downcode, a commercial plan', 'CI', '77412', [], '150', /^Peer-to-peer and appeal/],
    ['CO-50 on 77387-26', 'MB', '77387', ['26'], '50', /the image guidance evidence/],
    ['CO-50 on 77412', 'MB', '77412', [], '50', /the motion-management evidence/],
  ])('%s', (_name, filing, code, modifiers, reason, next) => {
    const i = input({ code, modifiers, charge: 5000, paid: 0, adjustments: [adj('CO', reason, 5000)] });
    i.claim.filingIndicator = filing;
    const c = classifyLine(i);
    expect(c.nextAction).toMatch(next);
    if (filing === 'MB') expect(c.nextAction).not.toMatch(/[Pp]eer-to-peer and/);
    if (code === '77387') expect(c.nextAction).not.toMatch(/motion-management/);
  });

  it('a traditional Medicare line adjudicated at the lower level is a redetermination', () => {
    const i = input({ code: '77407', submitted: '77412', paid: 31764 });
    i.claim.filingIndicator = 'MB';
    const c = classifyLine(i);
    expect(c.category).toBe('downcoded');
    expect(c.nextAction).toMatch(/^Redetermination \(no peer-to-peer/);
  });
});
