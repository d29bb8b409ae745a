import { describe, expect, it } from 'vitest';
import type { Adjustment, RemitServiceLine, Remittance } from '../../core/model/remittance.js';
import { readRemittancesFromBytes } from './read-835.js';
import type { InterchangeHeader } from './write-envelope.js';
import { type Claim835, type Remittance835, write835 } from './write-835.js';

const ENVELOPE: InterchangeHeader = {
  sender: { qualifier: 'ZZ', id: 'SYNPAYER01', name: 'SYNTHETIC PLAN' },
  receiver: { qualifier: 'ZZ', id: 'DEMOPRACTICE', name: 'DEMO PRACTICE' },
  created: '2026-03-18T09:30',
  interchangeControlNumber: 42,
  groupControlNumber: 42,
  transactionSetControlNumber: '0001',
};

const PAYER_PARTY: Remittance835['payerParty'] = {
  idIn: 'N1*XV',
  address: { line1: '1 SAMPLE WAY', city: 'TESTVILLE', state: 'NY', postalCode: '10001' },
  technicalContact: { name: 'EDI HELP DESK', phone: '5555550111' },
};

const cas = (group: string, reason: string, amountCents: number, quantity: number | null = null) =>
  ({ group, reason, amountCents, quantity }) satisfies Adjustment;

const line = (over: Partial<RemitServiceLine>): RemitServiceLine => ({
  procedure: { code: '77407', modifiers: [] },
  submitted: null,
  chargeCents: 60000,
  paidCents: 40000,
  units: 1,
  submittedUnits: null,
  dateOfService: '2026-03-02',
  adjustments: [cas('CO', '45', 20000)],
  remarks: [],
  allowedCents: null,
  lineControlNumber: null,
  location: '',
  ...over,
});

const claim = (over: Partial<Claim835> & Pick<Claim835, 'lines'>): Claim835 => ({
  patientControlNumber: 'C-5001-1',
  status: '1',
  chargeCents: over.lines.reduce((n, l) => n + l.chargeCents, 0),
  paidCents: over.lines.reduce((n, l) => n + l.paidCents, 0),
  patientResponsibilityCents: null,
  payerClaimControlNumber: 'ICN-1',
  facilityType: '11',
  memberId: 'SYNM0001',
  priorAuthorization: null,
  crossoverPayer: null,
  statementFrom: '2026-03-02',
  statementTo: '2026-03-02',
  adjustments: [],
  remarks: [],
  location: '',
  ...over,
});

/**
 * Every case the demo remittance needs, balanced (TR3 1.10.2.1): processed as primary and forwarded
 * (19, NM1*TT, MOA), secondary (2, OA-23), denied (4, CO-45 only), a reversal (22, negative amounts)
 * and its correction with a claim-level CAS, processed as secondary and forwarded (20) on an
 * institutional claim (MIA) with a downcode (SVC06/07) and seven CAS triplets, and seven PLB pairs.
 */
const remittance: Remittance835 = {
  traceNumber: 'EFT-1',
  payerTraceId: '1999999999',
  totalPaidCents: 82273,
  handling: 'I',
  creditDebit: 'C',
  paymentDate: '2026-03-18',
  payer: { name: 'SYNTHETIC MEDICARE', id: 'SYNMCR01' },
  payee: { name: 'DEMO PRACTICE', npi: '1999999984', taxId: '999999999' },
  payerParty: PAYER_PARTY,
  claims: [
    claim({
      status: '19',
      patientResponsibilityCents: 16000,
      filingIndicator: 'MB',
      patientName: { last: 'TESTPATIENT', first: 'ADA' },
      crossoverPayer: 'SYNTHETIC COMMERCIAL PPO',
      crossoverPayerId: 'SYNPPO01',
      remarks: ['MA18'],
      lines: [
        line({
          procedure: { code: '77412', modifiers: [] },
          chargeCents: 90000,
          paidCents: 48000,
          adjustments: [cas('CO', '45', 30000), cas('PR', '2', 12000)],
          allowedCents: 60000,
          lineControlNumber: 'CH-1',
        }),
        line({
          procedure: { code: '77387', modifiers: ['26'] },
          chargeCents: 6000,
          paidCents: 0,
          adjustments: [cas('CO', '45', 2000), cas('PR', '1', 4000)],
          lineControlNumber: 'CH-2',
        }),
      ],
    }),
    claim({
      patientControlNumber: 'C-5002-2',
      status: '2',
      payerClaimControlNumber: 'ICN-2',
      lines: [line({ paidCents: 8000, adjustments: [cas('OA', '23', 52000)] })],
    }),
    claim({
      patientControlNumber: 'C-5003-3',
      status: '4',
      payerClaimControlNumber: 'ICN-3',
      lines: [
        line({
          procedure: { code: '77402', modifiers: [] },
          paidCents: 0,
          adjustments: [cas('CO', '45', 60000)],
        }),
      ],
    }),
    claim({
      patientControlNumber: 'C-5004-4',
      status: '22',
      payerClaimControlNumber: 'ICN-4',
      lines: [line({ chargeCents: -60000, paidCents: -40000, adjustments: [cas('CO', '45', -20000)] })],
    }),
    {
      ...claim({
        patientControlNumber: 'C-5004-4',
        payerClaimControlNumber: 'ICN-5',
        frequency: '1',
        lines: [line({ paidCents: 45000, adjustments: [cas('CO', '45', 15000)] })],
      }),
      paidCents: 40000,
      adjustments: [cas('CO', 'A2', 5000)],
    },
    claim({
      patientControlNumber: 'C-5005-5',
      status: '20',
      payerClaimControlNumber: 'ICN-6',
      facilityType: '13',
      institutional: true,
      remarks: ['MA01', 'N290', 'N381'],
      priorAuthorization: 'EV-25-123456',
      lines: [
        line({
          submitted: { code: '77412', modifiers: [] },
          submittedUnits: 2,
          chargeCents: 90000,
          paidCents: 30000,
          adjustments: [
            cas('CO', '45', 10000),
            cas('CO', '150', 20000, 1),
            cas('CO', '253', 600),
            cas('CO', '59', 1000),
            cas('CO', '94', 2000),
            cas('CO', '131', 400),
            cas('CO', '237', 26000),
          ],
          remarks: ['N381', 'M86'],
        }),
      ],
    }),
  ],
  providerAdjustments: [
    { reason: 'L6', reference: 'C-5001-1', amountCents: -123 },
    { reason: 'WO', reference: 'ICN-0', amountCents: 5000 },
    { reason: '72', reference: null, amountCents: 1000 },
    { reason: 'FB', reference: 'FB-1', amountCents: -2000 },
    { reason: 'CS', reference: 'ADJ-1', amountCents: 50 },
    { reason: 'IP', reference: null, amountCents: -300 },
    { reason: 'J1', reference: 'C-5003-3', amountCents: 100 },
  ],
  location: '',
};

const read = (text: string) => readRemittancesFromBytes(new TextEncoder().encode(text), 'demo.835');

/** Segments between ST and SE, one per line. */
const body = (text: string) => {
  const segments = text.split('~\n');
  return segments.slice(
    segments.findIndex((s) => s.startsWith('ST*')),
    segments.findIndex((s) => s.startsWith('SE*')) + 1,
  );
};

/** The model part of a written remittance, as the reader keeps it. */
function modelOf(r: Remittance835): Remittance {
  const { payerParty: _p, fiscalPeriodEnd: _f, claims, ...rest } = r;
  return {
    ...rest,
    claims: claims.map(
      // CLP06 as written: 12 when the claim gives none.
      ({ patientName: _n, frequency: _q, crossoverPayerId: _c, institutional: _s, ...c }) => ({
        ...c,
        filingIndicator: c.filingIndicator ?? '12',
      }),
    ),
    refusedClaims: [],
  };
}

describe('write835', () => {
  it('writes statuses 1/2/4/19/20/22, crossover, MOA/MIA, SVC06, CAS triplets and PLB pairs that the reader reads back balanced', () => {
    const text = write835(ENVELOPE, remittance);
    expect(text).toMatch(/^ISA\*/);
    expect(text).toContain('GS*HP*SYNPAYER01');
    const result = read(text);
    expect(result.problems).toEqual([]);
    expect(result.warnings ?? []).toEqual([]);
    const [r] = result.remittances;
    const strip = <T extends { location: string }>(x: T) => ({ ...x, location: '' });
    expect({
      ...strip(r!),
      claims: r!.claims.map((c) => ({ ...strip(c), lines: c.lines.map(strip) })),
    }).toEqual(modelOf(remittance));
  });

  it('lays out a forwarded claim as the TR3 orders its segments', () => {
    const forwarded: Remittance835 = {
      ...remittance,
      totalPaidCents: 48400,
      claims: [
        {
          ...remittance.claims[0]!,
          lines: remittance.claims[0]!.lines.slice(0, 1),
          chargeCents: 90000,
          paidCents: 48000,
          patientResponsibilityCents: 12000,
        },
      ],
      providerAdjustments: [{ reason: 'L6', reference: 'C-5001-1', amountCents: -400 }],
    };
    expect(body(write835(ENVELOPE, forwarded))).toEqual([
      'ST*835*0001*005010X221A1',
      'BPR*I*484.00*C*ACH*CCP*01*999999992*DA*000111*1999999999**01*999999993*DA*000222*20260318',
      'TRN*1*EFT-1*1999999999',
      'DTM*405*20260318',
      'N1*PR*SYNTHETIC MEDICARE*XV*SYNMCR01',
      'N3*1 SAMPLE WAY',
      'N4*TESTVILLE*NY*10001',
      'PER*BL*EDI HELP DESK*TE*5555550111',
      'N1*PE*DEMO PRACTICE*XX*1999999984',
      'REF*TJ*999999999',
      'LX*1',
      'CLP*C-5001-1*19*900.00*480.00*120.00*MB*ICN-1*11',
      'NM1*QC*1*TESTPATIENT*ADA****MI*SYNM0001',
      'NM1*TT*2*SYNTHETIC COMMERCIAL PPO*****PI*SYNPPO01',
      'MOA***MA18',
      'DTM*232*20260302',
      'DTM*233*20260302',
      'SVC*HC:77412*900.00*480.00',
      'DTM*472*20260302',
      'CAS*CO*45*300.00',
      'CAS*PR*2*120.00',
      'REF*6R*CH-1',
      'AMT*B6*600.00',
      'PLB*1999999984*20261231*L6:C-5001-1*-4.00',
      'SE*25*0001',
    ]);
  });

  it.each([
    [
      'institutional remarks in MIA05 and MIA20–23, a downcode in SVC06 with SVC07 units, CAS over two segments',
      5,
      [
        'CLP*C-5005-5*20*900.00*300.00**12*ICN-6*13',
        'NM1*QC*1******MI*SYNM0001',
        'MIA*0****MA01***************N290*N381',
        'REF*G1*EV-25-123456',
        'DTM*232*20260302',
        'DTM*233*20260302',
        'SVC*HC:77407*900.00*300.00***HC:77412*2',
        'DTM*472*20260302',
        'CAS*CO*45*100.00**150*200.00*1*253*6.00**59*10.00**94*20.00**131*4.00',
        'CAS*CO*237*260.00',
        'LQ*HE*N381',
        'LQ*HE*M86',
      ],
    ],
    [
      'a reversal with negative amounts',
      3,
      [
        'CLP*C-5004-4*22*-600.00*-400.00**12*ICN-4*11',
        'NM1*QC*1******MI*SYNM0001',
        'DTM*232*20260302',
        'DTM*233*20260302',
        'SVC*HC:77407*-600.00*-400.00',
        'DTM*472*20260302',
        'CAS*CO*45*-200.00',
      ],
    ],
    [
      'a correction with a claim-level CAS and CLP09',
      4,
      [
        'CLP*C-5004-4*1*600.00*400.00**12*ICN-5*11*1',
        'CAS*CO*A2*50.00',
        'NM1*QC*1******MI*SYNM0001',
        'DTM*232*20260302',
        'DTM*233*20260302',
        'SVC*HC:77407*600.00*450.00',
        'DTM*472*20260302',
        'CAS*CO*45*150.00',
      ],
    ],
  ])('writes %s', (_name, index, expected) => {
    const segments = body(write835(ENVELOPE, remittance));
    const starts = segments.flatMap((s, i) => (s.startsWith('CLP*') ? [i] : []));
    const end = starts[index + 1] ?? segments.findIndex((s) => s.startsWith('PLB*'));
    expect(segments.slice(starts[index], end)).toEqual(expected);
  });

  it('writes PLB pairs six to a segment', () => {
    const plb = body(write835(ENVELOPE, remittance)).filter((s) => s.startsWith('PLB*'));
    expect(plb).toEqual([
      'PLB*1999999984*20261231*L6:C-5001-1*-1.23*WO:ICN-0*50.00*72*10.00*FB:FB-1*-20.00*CS:ADJ-1*0.50*IP*-3.00',
      'PLB*1999999984*20261231*J1:C-5003-3*1.00',
    ]);
  });

  it('writes a remittance that pays nothing as a notification without bank details (BPR01 H, BPR04 NON)', () => {
    const nothing: Remittance835 = {
      ...remittance,
      totalPaidCents: 0,
      claims: [remittance.claims[2]!],
      providerAdjustments: [],
    };
    const text = write835(ENVELOPE, nothing);
    expect(body(text)[1]).toBe('BPR*H*0.00*C*NON************20260318');
    expect(read(text).problems).toEqual([]);
  });

  it('names the payer by REF*2U when it does not use the national plan id', () => {
    const text = write835(ENVELOPE, { ...remittance, payerParty: { ...PAYER_PARTY, idIn: 'REF*2U' } });
    const segments = body(text);
    expect(segments.slice(4, 9)).toEqual([
      'N1*PR*SYNTHETIC MEDICARE',
      'N3*1 SAMPLE WAY',
      'N4*TESTVILLE*NY*10001',
      'REF*2U*SYNMCR01',
      'PER*BL*EDI HELP DESK*TE*5555550111',
    ]);
    expect(read(text).remittances[0]!.payer).toEqual(remittance.payer);
  });
});
