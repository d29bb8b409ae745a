import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InputProblem, ReadResult } from '../../core/model/input-problem.js';
import type { Remittance } from '../../core/model/remittance.js';
import { readRemittances, readRemittancesFromBytes } from './read-835.js';

const DIR = 'test/fixtures/x12/linuxforhealth-x12/835_005010X221A1';
const enc = (s: string) => new TextEncoder().encode(s);
const ISA =
  'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260301*1200*^*00501*000000042*0*P*:~';

/** An 835 set around `body` segments, with SE01 counted. */
function set(control: string, body: string[]): string {
  const segs = [`ST*835*${control}`, ...body];
  return `${[...segs, `SE*${segs.length + 1}*${control}`].join('~\n')}~\n`;
}
const HEADER = [
  'BPR*I*578.65*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20260315',
  'TRN*1*EFT0001*1512345678',
  'N1*PR*ACME HEALTH PLAN',
  'REF*2U*60054',
  'N1*PE*SGRT CLINIC*XX*1234567893',
  'REF*TJ*123456789',
];
const CLAIM = [
  'LX*1',
  'CLP*PCN-1*1*1500.00*600.25*20.00*12*PAYERCLAIM1*11*1',
  'CAS*CO*45*100.00',
  'NM1*QC*1*DOE*JANE****MI*W123',
  'DTM*232*20260302',
  'DTM*233*20260306',
  'REF*G1*AUTH-2025-77',
  'SVC*HC:77407*1000.00*700.25**1*HC:77412:26*1',
  'DTM*472*20260302',
  'CAS*CO*150*200.00**45*99.75*2',
  'REF*6R*LINE-9',
  'AMT*B6*700.25',
  'LQ*HE*N115',
  'SVC*HC:77387:26*500.00*0*',
  'CAS*CO*97*500.00',
];
const file = (...sets: string[]) =>
  `${ISA}\nGS*HP*SENDER*RECEIVER*20260301*1200*7*X*005010X221A1~\n${sets.join('')}GE*${sets.length}*7~\nIEA*1*000000042~\n`;

const problemsOf = (rs: ReadResult<Remittance>[]): InputProblem[] =>
  rs.flatMap((r) => (r.ok ? [] : r.problems));

describe('readRemittances: the public 835 samples', () => {
  // tertiary-payment.835 prints `SVC*HC*24599.00*…`: the composite lost its separator, so every SVC
  // element is shifted by one (SVC02 would be the code). It is refused at SVC01/SVC06 (below).
  const files = readdirSync(DIR).filter((f) => f.endsWith('.835') && f !== 'tertiary-payment.835');

  it.each(files)('%s assembles without problems', async (name) => {
    const results: ReadResult<Remittance>[] = [];
    for await (const r of readRemittances(createReadStream(`${DIR}/${name}`), name)) results.push(r);
    expect(problemsOf(results)).toEqual([]);
    expect(results.length).toBeGreaterThan(0);
  });

  it('reads the values of the samples', () => {
    const read = (name: string) =>
      readRemittancesFromBytes(new Uint8Array(readFileSync(`${DIR}/${name}`)), name);
    const managed = read('managed-care.835').remittances[0]!;
    expect(managed.claims.map((c) => [c.patientControlNumber, c.chargeCents, c.paidCents])).toEqual([
      ['5554555444', 80000, 45000],
      ['8765432112', 120000, 49500],
    ]);
    expect(managed.payee).toEqual({ name: 'ACME MEDICAL CENTER', npi: '5544667733', taxId: '777667755' });
    expect(managed.claims[1]!.lines[0]!.adjustments).toEqual([
      { group: 'PR', reason: '1', amountCents: 60000, quantity: null },
      { group: 'CO', reason: '45', amountCents: 5000, quantity: null },
    ]);
    expect(managed.claims[0]!.lines[0]!.dateOfService).toBe('2002-03-01'); // DTM*150

    const partA = read('medicare-part-a.835').remittances[0]!;
    expect(partA.totalPaidCents).toBe(15000000);
    expect(partA.claims[0]!.chargeCents).toBe(21136697);
    expect(partA.payer.id).toBe('999');
    expect(partA.providerAdjustments).toEqual([{ reason: 'CV', reference: 'CP', amountCents: -127 }]);
    expect(partA.claims[1]!.remarks).toEqual(['MA02']);

    // The guide's printed examples write `HC>66543>26` under ISA16 `:`: read, with a warning.
    const secondary = read('secondary-payment.835');
    expect(secondary.remittances[0]!.claims[1]!.lines[1]!.procedure).toEqual({
      code: '66543',
      modifiers: ['26'],
    });
    expect(secondary.remittances[0]!.claims[1]!.lines[1]!.adjustments).toHaveLength(3);
    expect(secondary.warnings).toEqual([
      {
        location: 'secondary-payment.835:ISA[1]/GS[1]/ST[1]/2100[1]/CLP',
        message: 'claim has no SVC service line (adjudicated at claim level): read at claim level',
      },
      ...[1, 2].map((n) => ({
        location: `secondary-payment.835:ISA[1]/GS[1]/ST[1]/2100[2]/2110[${n}]/SVC01`,
        message: 'SVC01 does not use the component separator of ISA16; read with the separator it contains',
      })),
    ]);
    expect(read('tertiary-payment.835').problems).toEqual([
      {
        location: 'tertiary-payment.835:ISA[1]/GS[1]/ST[1]/2100[1]/2110[1]/SVC01',
        message: 'SVC01 has no procedure code',
      },
      {
        location: 'tertiary-payment.835:ISA[1]/GS[1]/ST[1]/2100[1]/2110[1]/SVC06',
        message: 'SVC06 has no procedure code',
      },
    ]);
    const cob = read('cob-contractural-adjustment.835').remittances[0]!;
    expect(cob.claims[0]!.lines[0]!.adjustments[1]!.amountCents).toBe(-900);
  });
});

describe('readRemittances: assembly', () => {
  it('assembles header, payer, payee, claims, lines with SVC06, CAS triplets, PLB', () => {
    // PLB: a positive WO recoupment reduces the payment, a negative L6 interest increases it.
    const text = file(set('0001', [...HEADER, ...CLAIM, 'PLB*1234567893*20261231*WO:CLAIM-X*25.10*L6*-3.5']));
    const { remittances, problems, warnings } = readRemittancesFromBytes(enc(text), 'r.835');
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    const r = remittances[0]!;
    expect(r).toMatchObject({
      traceNumber: 'EFT0001',
      payerTraceId: '1512345678',
      totalPaidCents: 57865,
      handling: 'I',
      creditDebit: 'C',
      paymentDate: '2026-03-15',
      payer: { name: 'ACME HEALTH PLAN', id: '60054' },
      payee: { name: 'SGRT CLINIC', npi: '1234567893', taxId: '123456789' },
      location: 'r.835:ISA[1]/GS[1]/ST[1]',
    });
    const claim = r.claims[0]!;
    expect(claim).toMatchObject({
      patientControlNumber: 'PCN-1',
      status: '1',
      chargeCents: 150000,
      paidCents: 60025,
      patientResponsibilityCents: 2000,
      payerClaimControlNumber: 'PAYERCLAIM1',
      filingIndicator: '12',
      facilityType: '11',
      memberId: 'W123',
      statementFrom: '2026-03-02',
      statementTo: '2026-03-06',
      priorAuthorization: 'AUTH-2025-77',
      crossoverPayer: null,
      adjustments: [{ group: 'CO', reason: '45', amountCents: 10000, quantity: null }],
      location: 'r.835:ISA[1]/GS[1]/ST[1]/2100[1]',
    });
    expect(claim.lines[0]).toEqual({
      procedure: { code: '77407', modifiers: [] },
      submitted: { code: '77412', modifiers: ['26'] },
      chargeCents: 100000,
      paidCents: 70025,
      units: 1,
      submittedUnits: 1,
      dateOfService: '2026-03-02',
      adjustments: [
        { group: 'CO', reason: '150', amountCents: 20000, quantity: null },
        { group: 'CO', reason: '45', amountCents: 9975, quantity: 2 },
      ],
      remarks: ['N115'],
      allowedCents: 70025,
      lineControlNumber: 'LINE-9',
      location: 'r.835:ISA[1]/GS[1]/ST[1]/2100[1]/2110[1]',
    });
    // No DTM*472: the claim's statement start.
    expect(claim.lines[1]).toMatchObject({ paidCents: 0, dateOfService: '2026-03-02', units: 1 });
    expect(r.providerAdjustments).toEqual([
      { reason: 'WO', reference: 'CLAIM-X', amountCents: 2510 },
      { reason: 'L6', reference: null, amountCents: -350 },
    ]);
  });

  it('makes claims, lines, adjustments and procedures with constructors (no literal for V8 to pretenure), fields in the same order', () => {
    const text = file(set('0001', [...HEADER, ...CLAIM]));
    const claim = readRemittancesFromBytes(enc(text), 'r.835').remittances[0]!.claims[0]!;
    const line = claim.lines[0]!;
    // An object literal's allocation site is pretenured when a collection finds its objects alive
    // (a set's claims live until the set is read): constructors and Array.of make no such site.
    for (const record of [claim, line, line.procedure, line.submitted!, line.adjustments[0]!])
      expect(Object.getPrototypeOf(record)).not.toBe(Object.prototype);
    expect(Object.keys(claim)).toEqual([
      'patientControlNumber',
      'status',
      'chargeCents',
      'paidCents',
      'patientResponsibilityCents',
      'filingIndicator',
      'payerClaimControlNumber',
      'facilityType',
      'memberId',
      'statementFrom',
      'statementTo',
      'adjustments',
      'remarks',
      'lines',
      'location',
      'priorAuthorization',
      'crossoverPayer',
    ]);
    expect(Object.keys(line)).toEqual([
      'procedure',
      'submitted',
      'chargeCents',
      'paidCents',
      'units',
      'submittedUnits',
      'dateOfService',
      'adjustments',
      'remarks',
      'allowedCents',
      'lineControlNumber',
      'location',
    ]);
  });

  it('reads a composite repeated on many lines once, and still locates its warning or problem on each line', () => {
    const guessed = ['SVC*HC>77412*100.00*100.00', 'SVC*HC>77412*200.00*200.00'];
    const text = file(
      set('0001', [...HEADER, 'LX*1', 'CLP*PCN-1*1*300.00*300.00', ...guessed]),
      set('0002', [
        ...HEADER,
        'LX*1',
        'CLP*PCN-2*1*100.00*100.00',
        'SVC*XX:77412*100.00*100.00',
        'CLP*PCN-3*1*100.00*100.00',
        'SVC*XX:77412*100.00*100.00',
      ]),
    );
    const { remittances, problems, warnings } = readRemittancesFromBytes(enc(text), 'r.835');
    const [a, b] = remittances[0]!.claims[0]!.lines;
    expect([a!.procedure, b!.procedure]).toEqual([
      { code: '77412', modifiers: [] },
      { code: '77412', modifiers: [] },
    ]);
    // (BPR02 of HEADER does not balance these claims: its warnings are not the point here.)
    expect(warnings.map((w) => w.location).filter((l) => l.endsWith('SVC01'))).toEqual([
      'r.835:ISA[1]/GS[1]/ST[1]/2100[1]/2110[1]/SVC01',
      'r.835:ISA[1]/GS[1]/ST[1]/2100[1]/2110[2]/SVC01',
    ]);
    expect(remittances[1]!.claims).toEqual([]);
    expect(problems.map((p) => p.location)).toEqual([
      'r.835:ISA[1]/GS[1]/ST[2]/2100[1]/2110[1]/SVC01',
      'r.835:ISA[1]/GS[1]/ST[2]/2100[2]/2110[1]/SVC01',
    ]);
  });

  it('reports a damaged claim with located problems and reads the other claims and sets', () => {
    const bad = [...CLAIM];
    bad[7] = 'SVC*HC:77407*1000.005*700.25';
    bad[8] = 'DTM*472*20260230';
    const text = file(set('0001', HEADER), set('0002', [...HEADER, ...CLAIM, ...bad]), set('0003', HEADER));
    const { remittances, problems } = readRemittancesFromBytes(enc(text), 'r.835');
    expect(remittances.map((r) => r.location)).toEqual([
      'r.835:ISA[1]/GS[1]/ST[1]',
      'r.835:ISA[1]/GS[1]/ST[2]',
      'r.835:ISA[1]/GS[1]/ST[3]',
    ]);
    // The damaged second claim of ST[2] is refused; its first claim is read.
    expect(remittances[1]!.claims.map((c) => c.location)).toEqual(['r.835:ISA[1]/GS[1]/ST[2]/2100[1]']);
    expect(problems).toEqual([
      {
        location: 'r.835:ISA[1]/GS[1]/ST[2]/2100[2]/2110[1]/SVC02',
        message: 'SVC02 has more than 2 decimals (not a whole number of cents)',
      },
      { location: 'r.835:ISA[1]/GS[1]/ST[2]/2100[2]/2110[1]/DTM02', message: 'DTM02 is not a calendar date' },
    ]);
  });

  it('validates the envelopes', () => {
    const one = set('0001', HEADER).replace('SE*8*0001', 'SE*9*0002');
    const text = `${file(one, set('0002', HEADER))}`
      .replace('GE*2*7', 'GE*3*8')
      .replace('IEA*1*000000042', 'IEA*2*000000043');
    const { problems } = readRemittancesFromBytes(enc(text), 'e.835');
    expect(problems.map((p) => p.location)).toEqual([
      'e.835:ISA[1]/GS[1]/ST[1]/SE01',
      'e.835:ISA[1]/GS[1]/ST[1]/SE02',
      'e.835:ISA[1]/GS[1]/GE01',
      'e.835:ISA[1]/GS[1]/GE02',
      'e.835:ISA[1]/IEA01',
      'e.835:ISA[1]/IEA02',
    ]);
  });

  it('reports missing trailers, sets of other types, a file that is not X12 and a failing source', async () => {
    const text = `${ISA}GS*HP*S*R*20260301*1200*7*X*005010X221A1~ST*837*1~BHT*0019~SE*3*1~${set('2', HEADER)}`;
    const { remittances, problems } = readRemittancesFromBytes(enc(text), 't.835');
    expect(remittances).toHaveLength(1);
    expect(problems).toEqual([
      {
        location: 't.835:ISA[1]/GS[1]/ST[1]',
        message: 'transaction set 837 is not an 835 remittance: skipped',
      },
      { location: 't.835:ISA[1]/GS[1]/GE', message: 'functional group has no GE trailer' },
      { location: 't.835:ISA[1]/IEA', message: 'interchange has no IEA trailer' },
    ]);
    expect(readRemittancesFromBytes(enc('Name,DOB\nJane,1961'), 'x.835').problems).toEqual([
      { location: 'x.835:byte 0', message: '18 bytes outside any interchange (not X12 segments): ignored' },
      { location: 'x.835', message: 'no ISA interchange header: this is not an X12 file (or it is empty)' },
    ]);
    const results: ReadResult<Remittance>[] = [];
    for await (const r of readRemittances(createReadStream('/nonexistent/file.835'), 'file.835'))
      results.push(r);
    expect(results).toEqual([
      { ok: false, problems: [{ location: 'file.835', message: 'cannot read the file (ENOENT)' }] },
    ]);
  });
});
