import { describe, expect, it } from 'vitest';
import type { Adjustment, Procedure, RemitClaim, RemitServiceLine, Remittance } from '../model/remittance.js';
import { claimLevelLine } from './claim-level-line.js';
import { classifyLine } from './classify-line.js';
import { coordinationKey, linkCoordination } from './link-coordination.js';
import { pairReversals, type RemitClaimEntry } from './pair-reversals.js';
import type { RemitCategory, RemitQueue } from './remit-category.js';
import type { ExpectedPayment, RemitLineInput, SentCharge } from './remit-line.js';
import { DEFAULT_REMIT_OPTIONS } from './remit-options.js';
import { summarizeLines } from './summarize-lines.js';

/*
 * Table tests from 835 segments written by hand in the X12 005010X221A1 TR3 layout (2100 CLP, CAS,
 * NM1*TT, MOA, REF*G1, DTM*232; 2110 SVC, DTM*472, CAS, AMT*B6, LQ*HE; BPR, PLB). The small reader
 * below only turns these segments into the model; it is not the product's reader.
 */

/** "-1,234.5" style X12 decimal → integer cents, without floating point. */
function cents(s: string | undefined): number {
  if (!s) return 0;
  const [whole = '0', frac = ''] = s.replace('-', '').split('.');
  const n = Number(whole) * 100 + Number((frac + '00').slice(0, 2));
  return s.startsWith('-') ? -n : n;
}
const date = (s: string | undefined) => (s ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : null);
const procedure = (s: string): Procedure => {
  const [, code = '', ...modifiers] = s.split(':');
  return { code, modifiers };
};

/** The claims (and payment, PLB) of segments `~`-separated, elements `*`, components `:`. */
function read835(text: string, location = 'test.835:ST[1]'): Remittance {
  const r: Remittance = {
    traceNumber: null,
    payerTraceId: null,
    totalPaidCents: 0,
    handling: null,
    creditDebit: 'C',
    paymentDate: null,
    payer: { name: null, id: null },
    payee: { name: null, npi: null, taxId: null },
    claims: [],
    providerAdjustments: [],
    location,
  };
  let claim: RemitClaim | null = null;
  let line: RemitServiceLine | null = null;
  for (const seg of text
    .split('~')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const e = seg.split('*');
    const adjustments = () => (line ?? claim)!.adjustments;
    switch (e[0]) {
      case 'BPR':
        r.totalPaidCents = cents(e[2]);
        r.creditDebit = e[3] ?? 'C';
        r.paymentDate = date(e[16]);
        break;
      case 'TRN':
        r.traceNumber = e[2] ?? null;
        break;
      case 'CLP':
        line = null;
        claim = {
          patientControlNumber: e[1]!,
          status: e[2]!,
          chargeCents: cents(e[3]),
          paidCents: cents(e[4]),
          patientResponsibilityCents: e[5] ? cents(e[5]) : null,
          payerClaimControlNumber: e[7] ?? null,
          facilityType: e[8] ?? null,
          memberId: null,
          priorAuthorization: null,
          crossoverPayer: null,
          statementFrom: null,
          statementTo: null,
          adjustments: [],
          remarks: [],
          lines: [],
          location: `${location}/2100[${r.claims.length + 1}]`,
        };
        r.claims.push(claim);
        break;
      case 'CAS':
        for (let i = 2; i + 1 < e.length; i += 3) {
          if (!e[i]) continue;
          const a: Adjustment = { group: e[1]!, reason: e[i]!, amountCents: cents(e[i + 1]), quantity: null };
          adjustments().push(a);
        }
        break;
      case 'NM1':
        if (e[1] === 'TT') claim!.crossoverPayer = e[3] || e[9] || null;
        break;
      case 'MOA':
        claim!.remarks.push(...e.slice(3, 8).filter(Boolean));
        break;
      case 'REF':
        if (e[1] === 'G1') claim!.priorAuthorization = e[2] ?? null;
        if (e[1] === '6R') line!.lineControlNumber = e[2] ?? null;
        break;
      case 'DTM':
        if (e[1] === '232') claim!.statementFrom = date(e[2]);
        if (e[1] === '472') line!.dateOfService = date(e[2]);
        break;
      case 'SVC':
        line = {
          procedure: procedure(e[1]!),
          submitted: e[6] ? procedure(e[6]) : null,
          chargeCents: cents(e[2]),
          paidCents: cents(e[3]),
          units: e[5] ? Number(e[5]) : 1,
          submittedUnits: e[7] ? Number(e[7]) : null,
          dateOfService: null,
          adjustments: [],
          remarks: [],
          allowedCents: null,
          lineControlNumber: null,
          location: `${claim!.location}/2110[${claim!.lines.length + 1}]`,
        };
        claim!.lines.push(line);
        break;
      case 'AMT':
        if (e[1] === 'B6') line!.allowedCents = cents(e[2]);
        break;
      case 'LQ':
        line!.remarks.push(e[2]!);
        break;
      case 'PLB':
        for (let i = 3; i + 1 < e.length; i += 2) {
          const [reason = '', reference = null] = e[i]!.split(':');
          r.providerAdjustments.push({ reason, reference, amountCents: cents(e[i + 1]) });
        }
        break;
    }
  }
  return r;
}

/** 2026 Medicare amounts in cents (MPFS, freestanding) the expectations use. */
const RATES: Record<string, { cents: number; lower: number | null }> = {
  '77402': { cents: 7949, lower: null },
  '77407': { cents: 31764, lower: 7949 },
  '77412': { cents: 39146, lower: 31764 },
  '77387': { cents: 3674, lower: null },
};

interface Context {
  charge?: Partial<SentCharge>;
  otherCoverage?: boolean;
}

function inputsOf(r: Remittance, ctx: Context = {}): RemitLineInput[] {
  return r.claims.flatMap((claim) =>
    (claim.lines.length ? claim.lines : [claimLevelLine(claim)]).map((line) => {
      const sent = line.submitted ?? line.procedure;
      const rate = RATES[sent.code];
      const expected: ExpectedPayment = rate
        ? { cents: rate.cents, basis: 'medicare', medicareCents: rate.cents, lowerLevelCents: rate.lower }
        : { cents: null, basis: null, medicareCents: null, lowerLevelCents: null };
      const charge: SentCharge = {
        code: sent.code,
        modifiers: sent.modifiers,
        units: line.submittedUnits ?? line.units,
        dateOfService: line.dateOfService ?? claim.statementFrom ?? '',
        placeOfService: '11',
        igrtModifierRule: 'required',
        authorization: null,
        ...ctx.charge,
      };
      return {
        claim,
        line,
        charge,
        expected,
        options: DEFAULT_REMIT_OPTIONS,
        ...(ctx.otherCoverage ? { otherCoverage: true } : {}),
      };
    }),
  );
}

const classify = (segments: string, ctx?: Context) => inputsOf(read835(segments), ctx).map(classifyLine);

const AUTH_2025: Context = {
  charge: { authorization: { number: 'PA-25', obtainedOn: '2025-11-20', validFrom: '2025-11-20' } },
};
const AUTH_2026: Context = {
  charge: { authorization: { number: 'PA-26', obtainedOn: '2026-01-05', validFrom: '2026-01-05' } },
};

type Case = [
  name: string,
  segments: string,
  ctx: Context,
  expected: {
    category: RemitCategory;
    queue: RemitQueue | null;
    ruleId: string | null;
    message?: RegExp;
    next?: RegExp;
  },
];

/** One claim of one line each (or the line named last); the last line is the one the case is about. */
const CASES: Case[] = [
  [
    '77412 paid in full under CO-45',
    'CLP*P1*1*600*391.46**12*ICN1~SVC*HC:77412*600*391.46**1~DTM*472*20260310~CAS*CO*45*208.54~AMT*B6*391.46',
    {},
    { category: 'paid-as-expected', queue: null, ruleId: null },
  ],
  [
    '77412: the whole allowed amount to the deductible',
    'CLP*P1*1*600*0*391.46*12*ICN1~SVC*HC:77412*600*0**1~DTM*472*20260310~CAS*CO*45*208.54~CAS*PR*1*391.46~AMT*B6*391.46',
    {},
    {
      category: 'patient-responsibility',
      queue: 'bill-patient-or-secondary',
      ruleId: 'REMIT-008',
      message: /went entirely to the deductible; bill the patient or the secondary payer/,
    },
  ],
  [
    '77412 deductible under CLP02 4 (a payer calling it denied)',
    'CLP*P1*4*600*0*391.46*12*ICN1~SVC*HC:77412*600*0**1~DTM*472*20260310~CAS*CO*45*208.54~CAS*PR*1*391.46',
    {},
    { category: 'patient-responsibility', queue: 'bill-patient-or-secondary', ruleId: 'REMIT-008' },
  ],
  [
    '77387-26: the whole allowed amount to the deductible',
    'CLP*P1*1*50*0*36.74*12*ICN1~SVC*HC:77387:26*50*0**1~DTM*472*20260310~CAS*CO*45*13.26~CAS*PR*1*36.74',
    {},
    {
      category: 'patient-responsibility',
      queue: 'bill-patient-or-secondary',
      ruleId: 'REMIT-008',
      message: /deductible/,
    },
  ],
  [
    'deductible with a secondary payer on file: the secondary claim is due',
    'CLP*P1*1*600*0*391.46*12*ICN1~SVC*HC:77412*600*0**1~DTM*472*20260310~CAS*CO*45*208.54~CAS*PR*1*391.46',
    { otherCoverage: true },
    { category: 'patient-responsibility', queue: 'secondary-claim', ruleId: 'REMIT-008' },
  ],
  [
    '77412 with 20 % coinsurance',
    'CLP*P1*1*600*313.17*78.29*12*ICN1~SVC*HC:77412*600*313.17**1~DTM*472*20260310~CAS*CO*45*208.54~CAS*PR*2*78.29',
    {},
    {
      category: 'patient-responsibility',
      queue: 'bill-patient-or-secondary',
      ruleId: 'REMIT-008',
      message: /coinsurance \$78\.29/,
    },
  ],
  [
    '77412 with a copay',
    'CLP*P1*1*600*351.46*40*12*ICN1~SVC*HC:77412*600*351.46**1~DTM*472*20260310~CAS*CO*45*208.54~CAS*PR*3*40',
    {},
    {
      category: 'patient-responsibility',
      queue: 'bill-patient-or-secondary',
      ruleId: 'REMIT-008',
      message: /copay \$40\.00/,
    },
  ],
  [
    'processed as primary and forwarded (CLP02 19): no secondary claim to send',
    'CLP*P1*19*600*313.17*78.29*12*ICN1~SVC*HC:77412*600*313.17**1~DTM*472*20260310~CAS*CO*45*208.54~CAS*PR*2*78.29',
    { otherCoverage: true },
    {
      category: 'patient-responsibility',
      queue: 'bill-patient-or-secondary',
      ruleId: 'REMIT-008',
      next: /forwarded/,
    },
  ],
  [
    'a crossover carrier (NM1*TT) named: no secondary claim to send',
    'CLP*P1*1*600*313.17*78.29*12*ICN1~NM1*TT*2*EXAMPLE MEDIGAP*****PI*MG01~SVC*HC:77412*600*313.17**1~DTM*472*20260310~CAS*CO*45*208.54~CAS*PR*2*78.29',
    { otherCoverage: true },
    {
      category: 'patient-responsibility',
      queue: 'bill-patient-or-secondary',
      ruleId: 'REMIT-008',
      next: /forwarded/,
    },
  ],
  [
    'secondary (CLP02 2) paying the rest after OA-23',
    'CLP*P1*2*600*78.29*0*12*ICN2~SVC*HC:77412*600*78.29**1~DTM*472*20260310~CAS*CO*45*208.54~CAS*OA*23*313.17',
    {},
    {
      category: 'coordination-of-benefits',
      queue: null,
      ruleId: 'REMIT-009',
      message: /secondary: the prior payer’s payment and adjustments account for \$313\.17.*nothing left/,
    },
  ],
  [
    'secondary (CLP02 2) leaving a balance, a tertiary on file',
    'CLP*P1*2*600*50*28.29*12*ICN2~SVC*HC:77412*600*50**1~DTM*472*20260310~CAS*CO*45*208.54~CAS*OA*23*313.17~CAS*PR*2*28.29',
    { otherCoverage: true },
    {
      category: 'coordination-of-benefits',
      queue: 'secondary-claim',
      ruleId: 'REMIT-009',
      message: /\$28\.29 left/,
    },
  ],
  [
    'secondary and forwarded (CLP02 20) leaving a balance',
    'CLP*P1*20*600*50*28.29*12*ICN2~SVC*HC:77412*600*50**1~DTM*472*20260310~CAS*CO*45*208.54~CAS*OA*23*313.17~CAS*PR*2*28.29',
    { otherCoverage: true },
    { category: 'coordination-of-benefits', queue: 'bill-patient-or-secondary', ruleId: 'REMIT-009' },
  ],
  [
    'an unpaired take-back (CLP02 22)',
    'CLP*P1*22*-600*-391.46**12*ICN1~SVC*HC:77412*-600*-391.46**-1~DTM*472*20260310~CAS*CO*45*-208.54',
    {},
    {
      category: 'reversal',
      queue: 'reversal-review',
      ruleId: 'REMIT-010',
      message: /no original payment found/,
    },
  ],
  [
    'CO-151 on the second 77412 of the day',
    'CLP*P1*1*1200*391.46**12*ICN1~SVC*HC:77412*600*391.46**1~DTM*472*20260310~CAS*CO*45*208.54~SVC*HC:77412:76*600*0**1~DTM*472*20260310~CAS*CO*151*600~LQ*HE*N640',
    {},
    {
      category: 'frequency-denial',
      queue: 'twice-daily-documentation',
      ruleId: 'REMIT-011',
      message: /Second 77412 session on 2026-03-10.*N640 \(exceeds the number or frequency/,
      next: /treatment times and the break between them \(the payer’s minimum, 6 hours/,
    },
  ],
  [
    'CO-151 on the second unit of a line billed with 2 units',
    'CLP*P1*1*1200*391.46**12*ICN1~SVC*HC:77412*1200*391.46**1**2~DTM*472*20260310~CAS*CO*45*208.54~CAS*CO*151*600',
    {},
    { category: 'frequency-denial', queue: 'twice-daily-documentation', ruleId: 'REMIT-011' },
  ],
  [
    'CO-119 on a single session (fraction limit)',
    'CLP*P1*1*600*0**12*ICN1~SVC*HC:77412*600*0**1~DTM*472*20260310~CAS*CO*119*600',
    {},
    { category: 'frequency-denial', queue: 'appeal', ruleId: 'REMIT-011' },
  ],
  [
    'CO-16 with N290 (rendering provider identifier)',
    'CLP*P1*4*600*0**12*ICN1~SVC*HC:77412*600*0**1~DTM*472*20260310~CAS*CO*16*600~LQ*HE*N290',
    {},
    {
      category: 'missing-information',
      queue: 'corrected-claim',
      ruleId: 'REMIT-012',
      message: /N290 \(rendering provider identifier missing, incomplete or invalid\)/,
      next: /corrected claim/,
    },
  ],
  [
    'A1 with an MA130 claim remark (MOA): a new claim',
    'CLP*P1*4*600*0**12*ICN1~MOA***MA130*M76~SVC*HC:77412*600*0**1~DTM*472*20260310~CAS*CO*A1*600',
    {},
    {
      category: 'missing-information',
      queue: 'corrected-claim',
      ruleId: 'REMIT-012',
      next: /new claim/,
      message: /M76/,
    },
  ],
  [
    'CO-197, no authorization on file',
    'CLP*P1*4*600*0**12*ICN1~SVC*HC:77412*600*0**1~DTM*472*20260310~CAS*CO*197*600',
    {},
    {
      category: 'authorization-denial',
      queue: 'retro-authorization',
      ruleId: 'REMIT-007',
      message: /no authorization on file/,
    },
  ],
  [
    'CO-197 with a 2026 authorization on file',
    'CLP*P1*4*600*0**12*ICN1~REF*G1*PA-26~SVC*HC:77412*600*0**1~DTM*472*20260310~CAS*CO*197*600',
    AUTH_2026,
    {
      category: 'authorization-denial',
      queue: 'appeal',
      ruleId: 'REMIT-007',
      message: /an authorization is on file/,
    },
  ],
  [
    'CO-15 with an authorization on file: send it',
    'CLP*P1*4*600*0**12*ICN1~SVC*HC:77412*600*0**1~DTM*472*20260310~CAS*CO*15*600',
    AUTH_2026,
    { category: 'authorization-denial', queue: 'corrected-claim', ruleId: 'REMIT-007', next: /REF\*G1/ },
  ],
  [
    'CO-197 on a 2026 date riding on a 2025 authorization',
    'CLP*P1*4*600*0**12*ICN1~REF*G1*PA-25~SVC*HC:77412*600*0**1~DTM*472*20260310~CAS*CO*197*600',
    AUTH_2025,
    {
      category: 'authorization-2025',
      queue: 'retro-authorization',
      ruleId: 'REMIT-001',
      next: /2026 authorization/,
    },
  ],
  [
    'hidden zero: 77412 paid 0 under CO-45 only, CLP02 4',
    'CLP*P1*4*600*0**12*ICN1~SVC*HC:77412*600*0**1~DTM*472*20260310~CAS*CO*45*600',
    {},
    {
      category: 'zero-paid-no-denial-code',
      queue: 'payer-reprocess',
      ruleId: 'REMIT-004',
      message: /claim status 4/,
    },
  ],
  [
    'hidden zero: 77407 paid 0 under CO-45 only, CLP02 1',
    'CLP*P1*1*500*0**12*ICN1~SVC*HC:77407*500*0**1~DTM*472*20260310~CAS*CO*45*500',
    {},
    { category: 'zero-paid-no-denial-code', queue: 'payer-reprocess', ruleId: 'REMIT-004' },
  ],
  [
    'CO-50 medical necessity',
    'CLP*P1*4*600*0**12*ICN1~SVC*HC:77412*600*0**1~DTM*472*20260310~CAS*CO*50*600~LQ*HE*N115',
    {},
    {
      category: 'other-denial',
      queue: 'appeal',
      ruleId: 'REMIT-005',
      message: /CO-50; remarks N115 \(decided under a local coverage determination/,
      next: /Medical-necessity appeal with the letter/,
    },
  ],
  [
    'CO-4 (modifier) on 77402: a corrected claim',
    'CLP*P1*4*150*0**12*ICN1~SVC*HC:77402*150*0**1~DTM*472*20260310~CAS*CO*4*150',
    {},
    { category: 'other-denial', queue: 'corrected-claim', ruleId: 'REMIT-005' },
  ],
  [
    '77387-26 denied as bundled (CO-97)',
    'CLP*P1*4*50*0**12*ICN1~SVC*HC:77387:26*50*0**1~DTM*472*20260310~CAS*CO*97*50',
    {},
    { category: 'igrt-professional-denied', queue: 'appeal', ruleId: 'REMIT-002' },
  ],
  [
    'SVC06 77412 adjudicated as 77407',
    'CLP*P1*1*600*317.64**12*ICN1~SVC*HC:77407*600*317.64**1*HC:77412~DTM*472*20260310~CAS*CO*45*282.36',
    {},
    {
      category: 'downcoded',
      queue: 'appeal',
      ruleId: 'REMIT-003',
      message: /Submitted 77412, adjudicated as 77407/,
    },
  ],
  [
    '77412 allowed at the 77407 rate under CARC 150',
    'CLP*P1*1*600*317.64**12*ICN1~SVC*HC:77412*600*317.64**1~DTM*472*20260310~CAS*CO*150*282.36',
    {},
    { category: 'downcoded', queue: 'appeal', ruleId: 'REMIT-003', message: /under CARC 150/ },
  ],
  [
    'CARC 150 with nothing allowed is a denial, not a downcode',
    'CLP*P1*4*600*0**12*ICN1~SVC*HC:77412*600*0**1~DTM*472*20260310~CAS*CO*150*600',
    {},
    { category: 'other-denial', queue: 'appeal', ruleId: 'REMIT-005' },
  ],
  [
    '77407 allowed at 80 % of Medicare',
    'CLP*P1*1*500*254.11**12*ICN1~SVC*HC:77407*500*254.11**1~DTM*472*20260310~CAS*CO*45*245.89',
    {},
    { category: 'underpaid', queue: 'underpayment-dispute', ruleId: 'REMIT-006' },
  ],
  [
    'a claim adjudicated at claim level (no SVC), CO-16 with an MOA N290',
    'CLP*P1*4*600*0**12*ICN1~MOA***N290~DTM*232*20260310~CAS*CO*16*600',
    {},
    { category: 'missing-information', queue: 'corrected-claim', ruleId: 'REMIT-012', message: /N290/ },
  ],
];

describe('classifyLine on 835 segment shapes: one category and queue per case', () => {
  it.each(CASES)('%s', (_name, segments, ctx, want) => {
    const c = classify(segments, ctx).at(-1)!;
    expect({ category: c.category, queue: c.queue, ruleId: c.ruleId }).toEqual({
      category: want.category,
      queue: want.queue,
      ruleId: want.ruleId,
    });
    if (want.message) expect(c.message).toMatch(want.message);
    if (want.next) expect(c.nextAction).toMatch(want.next);
    expect(c.nextAction === null).toBe(c.queue === null);
  });

  it('shows line and claim remarks each once, with their meaning', () => {
    const [c] = classify(
      'CLP*P1*4*600*0**12*ICN1~MOA***N290*MA01~SVC*HC:77412*600*0**1~CAS*CO*16*600~LQ*HE*N290~LQ*HE*ZZ99',
    );
    expect(c!.message).not.toMatch(/MA01/);
    expect(c!.remarks).toEqual([
      { code: 'N290', meaning: 'rendering provider identifier missing, incomplete or invalid' },
      { code: 'ZZ99', meaning: null },
      { code: 'MA01', meaning: 'the claim can be appealed (redetermination) if you disagree' },
    ]);
  });

  it('keeps the patient’s share with the line whatever the category', () => {
    const [c] = classify(
      'CLP*P1*1*600*313.17*78.29*12*ICN1~SVC*HC:77412*600*313.17**1~CAS*CO*45*208.54~CAS*PR*2*78.29',
    );
    expect(c).toMatchObject({
      patientResponsibilityCents: 7829,
      allowedCents: 39146,
      carcs: ['CO-45', 'PR-2'],
    });
  });
});

describe('reversals across remittances', () => {
  const ORIGINAL =
    'BPR*I*391.46*C*ACH************20260320~CLP*P1*1*600*391.46**12*ICN1~SVC*HC:77412*600*391.46**1~DTM*472*20260310~CAS*CO*45*208.54';
  const TAKE_BACK_AND_CORRECTION =
    'BPR*I*11.46*D*ACH************20260415~' +
    'CLP*P1*22*-600*-391.46**12*ICN1~SVC*HC:77412*-600*-391.46**-1~DTM*472*20260310~CAS*CO*45*-208.54~' +
    'CLP*P1*1*600*380**12*ICN9~SVC*HC:77412*600*380**1~DTM*472*20260310~CAS*CO*45*220';
  const files = [read835(ORIGINAL, 'march.835:ST[1]'), read835(TAKE_BACK_AND_CORRECTION, 'april.835:ST[1]')];
  const entries: RemitClaimEntry[] = files.flatMap((r) =>
    r.claims.map((claim) => ({
      id: claim.location,
      payerKey: 'EHP01',
      paymentDate: r.paymentDate,
      source: claim.location,
      claim,
    })),
  );
  const links = pairReversals(entries);

  it('pairs the take-back with the original by CLP07 and with the correction that follows', () => {
    expect(links.get('april.835:ST[1]/2100[1]')).toMatchObject({
      role: 'take-back',
      partner: { id: 'march.835:ST[1]/2100[1]' },
    });
    expect(links.get('march.835:ST[1]/2100[1]')).toMatchObject({
      role: 'reversed',
      partner: { id: 'april.835:ST[1]/2100[1]' },
    });
    expect(links.get('april.835:ST[1]/2100[2]')).toMatchObject({
      role: 'correction',
      partner: { id: 'march.835:ST[1]/2100[1]' },
    });
  });

  it('falls back to CLP01 and the charge when the take-back has no CLP07, and never across payers', () => {
    const noControl = entries.map((e) => ({ ...e, claim: { ...e.claim, payerClaimControlNumber: null } }));
    expect(pairReversals(noControl).get('april.835:ST[1]/2100[1]')?.partner?.id).toBe(
      'march.835:ST[1]/2100[1]',
    );
    const otherPayer = entries.map((e, i) => (i === 0 ? { ...e, payerKey: 'OTHER' } : e));
    expect(pairReversals(otherPayer).get('april.835:ST[1]/2100[1]')).toEqual({
      role: 'take-back',
      partner: null,
    });
  });

  // A clearinghouse may re-route a payer's 835s under another payer id (TRN03 / REF*2U): the take-back
  // still names the payment it reverses by CLP01 and CLP07 with the charge negated (TR3 1.10.2.8).
  it.each<[string, (e: RemitClaimEntry, i: number) => RemitClaimEntry, string | null]>([
    [
      'another payer id, same payer name, CLP01, CLP07 and charge: paired',
      (e, i) => ({ ...e, payerName: 'EXAMPLE HEALTH PLAN', payerKey: i === 0 ? 'EHP01' : '1999999905' }),
      'march.835:ST[1]/2100[1]',
    ],
    [
      'another payer id and another payer name: never paired',
      (e, i) => ({
        ...e,
        payerName: i === 0 ? 'EXAMPLE HEALTH PLAN' : 'OTHER PLAN',
        payerKey: i === 0 ? 'EHP01' : 'OTH',
      }),
      null,
    ],
    [
      'another payer id, same name, CLP07 differs: not paired',
      (e, i) => ({
        ...e,
        payerName: 'EXAMPLE HEALTH PLAN',
        payerKey: i === 0 ? 'EHP01' : '1999999905',
        claim: i === 0 ? { ...e.claim, payerClaimControlNumber: 'ICN0' } : e.claim,
      }),
      null,
    ],
    [
      'another payer id, same name, charge differs: not paired',
      (e, i) => ({
        ...e,
        payerName: 'EXAMPLE HEALTH PLAN',
        payerKey: i === 0 ? 'EHP01' : '1999999905',
        claim: i === 0 ? { ...e.claim, chargeCents: 50000 } : e.claim,
      }),
      null,
    ],
  ])('payer id fallback: %s', (_, edit, original) => {
    const links = pairReversals(entries.map(edit));
    expect(links.get('april.835:ST[1]/2100[1]')?.partner?.id ?? null).toBe(original);
    if (original)
      expect(links.get('april.835:ST[1]/2100[2]')).toMatchObject({
        role: 'correction',
        partner: { id: original },
      });
  });

  const classified = files.flatMap((r) =>
    inputsOf(r).map((input) => ({
      input,
      c: classifyLine({ ...input, reversal: links.get(input.claim.location) ?? null }),
    })),
  );

  it('nets the original and the take-back as reversals and classifies the correction on its own', () => {
    expect(classified.map(({ c }) => [c.category, c.queue])).toEqual([
      ['reversal', null],
      ['reversal', null],
      ['paid-as-expected', null],
    ]);
    expect(classified[2]!.c.message).toMatch(
      /Corrected claim: replaces the payment of 2026-03-20 \(march\.835/,
    );
  });

  it('never counts the reversal as income and reconciles each payment', () => {
    const s = summarizeLines(
      classified.map(({ c }) => c),
      files,
    );
    const reversal = s.categories.find((c) => c.category === 'reversal')!;
    expect(reversal).toMatchObject({ lines: 2, paidCents: 0 });
    expect(s.categories.find((c) => c.category === 'paid-as-expected')!.paidCents).toBe(38000);
    expect(s.takenBackCents).toBe(0);
    expect(s.payments.map((p) => p.differenceCents)).toEqual([0, 0]);
  });

  it('reports a take-back whose original is not among the lines as taken back, not as negative pay', () => {
    const april = classified.slice(1).map(({ c }) => c);
    const s = summarizeLines(april, [files[1]!]);
    expect(s.categories.every((c) => c.paidCents >= 0)).toBe(true);
    expect(s.takenBackCents).toBe(39146);
    expect(s.paidCents - s.takenBackCents).toBe(-1146);
  });
});

describe('coordination of benefits across payers (the same CLP01, the same service)', () => {
  const PRIMARY =
    'BPR*I*336*C*ACH************20260313~CLP*C-1*19*600*336*84*MB*ICN1~NM1*TT*2*EXAMPLE PPO*****PI*PPO01~' +
    'SVC*HC:77412*600*336**1~DTM*472*20260302~CAS*CO*45*180~CAS*PR*2*84~REF*6R*CH-1';
  const SECONDARY =
    'BPR*I*84*C*ACH************20260319~CLP*C-1*2*600*84**12*PPO1~SVC*HC:77412*600*84**1~DTM*472*20260302~CAS*OA*23*516~REF*6R*CH-1';
  const entriesOf = (files: [string, Remittance][]): RemitClaimEntry[] =>
    files.flatMap(([payer, r]) =>
      r.claims.map((claim) => ({
        id: claim.location,
        payerKey: payer,
        paymentDate: r.paymentDate,
        source: claim.location,
        claim,
      })),
    );
  const run = (files: [string, Remittance][]) => {
    const entries = entriesOf(files);
    const links = linkCoordination(entries, pairReversals(entries));
    // The patient has a secondary after the primary, nothing after the secondary.
    return files.flatMap(([payer, r]) =>
      inputsOf(r, { otherCoverage: payer === 'MCR' }).map((input) =>
        classifyLine({
          ...input,
          coordination:
            links.get(coordinationKey(input.claim.location, input.claim.lines.indexOf(input.line) + 1)) ??
            null,
        }),
      ),
    );
  };
  const primary = read835(PRIMARY, 'mcr.835:ST[1]');
  const secondary = read835(SECONDARY, 'ppo.835:ST[1]');

  it.each([
    [
      'the secondary paid the whole patient share',
      SECONDARY,
      null,
      'The secondary paid $84.00; $0.00 left for the patient.',
    ],
    [
      'the secondary paid part, leaving its own PR',
      'BPR*I*60*C*ACH************20260319~CLP*C-1*2*600*60*24*12*PPO1~SVC*HC:77412*600*60**1~DTM*472*20260302~CAS*OA*23*516~CAS*PR*3*24~REF*6R*CH-1',
      'bill-patient-or-secondary',
      'The secondary paid $60.00; $24.00 left for the patient.',
    ],
    [
      'matched by date and code when the secondary echoes no REF*6R',
      'BPR*I*84*C*ACH************20260319~CLP*C-1*2*600*84**12*PPO1~SVC*HC:77412*600*84**1~DTM*472*20260302~CAS*OA*23*516',
      null,
      'The secondary paid $84.00',
    ],
  ])('settles the primary’s PR line when %s', (_name, later, laterQueue, message) => {
    const [p, s] = run([
      ['MCR', primary],
      ['PPO', read835(later, 'ppo.835:ST[1]')],
    ]);
    expect({ category: p!.category, queue: p!.queue, nextAction: p!.nextAction }).toEqual({
      category: 'patient-responsibility',
      queue: null,
      nextAction: null,
    });
    expect(p!.message).toContain(message);
    expect(s!.queue).toBe(laterQueue);
  });

  it('counts what the primary paid toward the secondary’s expected amount', () => {
    const [, s] = run([
      ['MCR', primary],
      ['PPO', secondary],
    ]);
    expect(s).toMatchObject({
      category: 'coordination-of-benefits',
      queue: null,
      expectedCents: 39146 - 33600,
    });
    expect(s!.message).toMatch(/the prior payer paid \$336\.00/);
    // Prior paid + this paid ($336 + $84) covers the expected $391.46: nothing short.
    expect(s!.allowedCents).toBeGreaterThanOrEqual(s!.expectedCents!);
  });

  it('links nothing for another claim number, another service, the same payer, or a reversed answer', () => {
    const otherClaim = read835(SECONDARY.replace('C-1', 'C-2'), 'ppo.835:ST[1]');
    const otherService = read835(SECONDARY.replace('CH-1', 'CH-9'), 'ppo.835:ST[1]');
    for (const [payer, r] of [
      ['PPO', otherClaim],
      ['PPO', otherService],
      ['MCR', secondary],
    ] as const) {
      const [p] = run([
        ['MCR', primary],
        [payer, r],
      ]);
      expect(p!.queue).toBe('bill-patient-or-secondary');
    }
    const takeBack = read835(
      'BPR*I*0*C*ACH************20260325~CLP*C-1*22*-600*-84**12*PPO1~SVC*HC:77412*-600*-84**-1~DTM*472*20260302~CAS*OA*23*-516~REF*6R*CH-1',
      'ppo2.835:ST[1]',
    );
    const entries = entriesOf([
      ['MCR', primary],
      ['PPO', secondary],
      ['PPO', takeBack],
    ]);
    expect(linkCoordination(entries, pairReversals(entries)).size).toBe(0);
  });
});

describe('provider-level adjustments (PLB) per payment', () => {
  const CLAIM = 'CLP*P1*1*600*391.46**12*ICN1~SVC*HC:77412*600*391.46**1~CAS*CO*45*208.54';
  const cases: [string, string, string, number][] = [
    ['interest L6 adds to the payment', '401.46', 'PLB*1512345678*20261231*L6:ICN1*-10', 0],
    ['an overpayment recovery WO withholds', '291.46', 'PLB*1512345678*20261231*WO:ICN0*100', 0],
    ['an authorized return 72 withholds', '341.46', 'PLB*1512345678*20261231*72*50', 0],
    ['a forward balance FB carried out', '0', 'PLB*1512345678*20261231*FB:ICN0*391.46', 0],
    ['several PLB pairs in one segment', '381.46', 'PLB*1512345678*20261231*L6*-10*WO:ICN0*20', 0],
    ['a payment that does not balance', '400.00', 'PLB*1512345678*20261231*L6*-5', -354],
  ];
  it.each(cases)('%s', (_name, bpr02, plb, difference) => {
    const r = read835(`BPR*I*${bpr02}*C*ACH************20260410~${CLAIM}~${plb}`);
    const [p] = summarizeLines(inputsOf(r).map(classifyLine), [r]).payments;
    expect(p!.differenceCents).toBe(difference);
    expect(p!.message).toMatch(difference === 0 ? /^Payment .* = Σ CLP04/ : /does not balance/);
  });
});
