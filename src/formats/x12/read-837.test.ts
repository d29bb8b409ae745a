import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReadResult } from '../../core/model/input-problem.js';
import type { ClaimSet837 } from './read-837-types.js';
import { readClaims837, readClaims837FromBytes } from './read-837.js';

const ROOT = 'test/fixtures/x12/linuxforhealth-x12';
const FILES = ['837_005010X222A2', '837_005010X223A3'].flatMap((d) =>
  readdirSync(`${ROOT}/${d}`).map((f) => `${d}/${f}`),
);
const read = (path: string) => readClaims837FromBytes(new Uint8Array(readFileSync(`${ROOT}/${path}`)), path);

describe('readClaims837: the public 837 samples', () => {
  it('has the 22 samples', () => expect(FILES).toHaveLength(22));

  it.each(FILES)('%s parses with valid envelopes', async (path) => {
    const results: ReadResult<ClaimSet837>[] = [];
    for await (const r of readClaims837(createReadStream(`${ROOT}/${path}`), path)) results.push(r);
    expect(results.flatMap((r) => (r.ok ? [] : r.problems))).toEqual([]);
    const sets = results.flatMap((r) => (r.ok ? [r.value] : []));
    expect(sets.length).toBeGreaterThan(0);
    for (const s of sets) {
      expect(s.kind).toBe(path.includes('X222') ? 'professional' : 'institutional');
      expect(s.claims.length).toBeGreaterThan(0);
      for (const c of s.claims) expect(c.lines.length).toBeGreaterThan(0);
    }
  });

  it('reads the values of a professional claim', () => {
    const { sets } = read('837_005010X222A2/demo.example1.837');
    const claim = sets[0]!.claims[0]!;
    expect(claim).toMatchObject({
      patientControlNumber: '26463774',
      totalChargeCents: 10000,
      facilityCode: '11',
      facilityQualifier: 'B',
      frequency: '1',
      diagnosisCodes: ['0340', 'V7389'],
      memberId: 'JS00111223333',
      billingProviderNpi: '1912301953',
      location: '837_005010X222A2/demo.example1.837:ISA[1]/GS[1]/ST[1]/2300[1]',
    });
    expect(claim.lines.map((l) => [l.procedure?.code, l.chargeCents, l.units, l.dateOfService])).toEqual([
      ['99213', 4000, 1, '2006-10-03'],
      ['87070', 1500, 1, '2006-10-03'],
      ['99214', 3500, 1, '2006-10-10'],
      ['86663', 1000, 1, '2006-10-10'],
    ]);
  });

  it('reads the values of institutional claims', () => {
    const one = read('837_005010X223A3/institutional-claim.837i').sets[0]!.claims[0]!;
    expect(one).toMatchObject({
      patientControlNumber: '756048Q',
      totalChargeCents: 8993,
      facilityCode: '14',
    });
    expect(one.memberId).toBe('030005074A'); // the 2010BA subscriber, not the 2330A other subscriber
    expect(one.lines.map((l) => [l.revenueCode, l.procedure?.code, l.chargeCents, l.units])).toEqual([
      ['0305', '85025', 1339, 1],
      ['0730', '93005', 7654, 3],
    ]);
    expect(read('837_005010X223A3/two-claims-single-provider.837i').sets[0]!.claims).toHaveLength(2);
  });

  it('reads REF*G1, modifiers, REF*6R and a claim-level date', () => {
    const text = [
      'ISA*00*          *00*          *ZZ*S              *ZZ*R              *260301*1200*^*00501*000000001*0*P*:',
      'GS*HC*S*R*20260301*1200*1*X*005010X222A1',
      'ST*837*0001*005010X222A1',
      'HL*1**20*1',
      'NM1*85*2*SGRT CLINIC*****XX*1234567893',
      'HL*2*1*22*0',
      'NM1*IL*1*DOE*JANE****MI*W999',
      'CLM*PCN-7*250.00***11:B:1*Y*A*Y*Y',
      'DTP*472*RD8*20260302-20260306',
      'REF*G1*AUTH-1',
      'HI*ABK:C50911*ABF:Z9221',
      'LX*1',
      'SV1*HC:77412:76*150.00*UN*1***1',
      'REF*6R*L1',
      'LX*2',
      'SV1*HC:77387:26*100.00*UN*2***1',
      'DTP*472*D8*20260303',
      'SE*16*0001',
      'GE*1*1',
      'IEA*1*000000001',
    ].join('~\n');
    const { sets, problems } = readClaims837FromBytes(new TextEncoder().encode(`${text}~`), 'g.837');
    expect(problems).toEqual([]);
    const c = sets[0]!.claims[0]!;
    expect(c).toMatchObject({
      priorAuthorization: 'AUTH-1',
      diagnosisCodes: ['C50911', 'Z9221'],
      memberId: 'W999',
    });
    expect(c.lines).toEqual([
      expect.objectContaining({
        procedure: { code: '77412', modifiers: ['76'] },
        dateOfService: '2026-03-02',
        lineControlNumber: 'L1',
      }),
      expect.objectContaining({
        procedure: { code: '77387', modifiers: ['26'] },
        units: 2,
        dateOfService: '2026-03-03',
      }),
    ]);
  });
});
