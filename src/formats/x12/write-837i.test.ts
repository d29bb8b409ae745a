import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { write837i } from './write-837i.js';
import { exampleClaim, exampleClaimFile } from '../../../test/support/x12/claim-file-example.js';
import { segmentKey, splitX12 } from '../../../test/support/x12/split-x12.js';

const SAMPLES = 'test/fixtures/x12/linuxforhealth-x12/837_005010X223A3';

const written = (file = exampleClaimFile('837I')) => {
  const r = write837i(file);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};

describe('write837i', () => {
  it('writes a hospital technical claim as the guide and the samples lay it out', () => {
    const segs = splitX12(written()).map((e) => e.join('*'));
    expect(segs[1]).toBe('GS*HC*SGRTCLINIC*CLEARHOUSE*20260320*0930*17*X*005010X223A2');
    expect(segs[2]).toBe('ST*837*0001*005010X223A2');
    expect(segs.slice(19)).toEqual([
      'CLM*P00417-202603*5800.00***13:A:1**A*Y*Y',
      'DTP*434*RD8*20260302-20260303',
      'CL1***01',
      'REF*G1*AUTH2026-0042',
      'HI*ABK:C50911',
      'HI*ABF:Z170',
      'NM1*71*1*ONCOLOGIST*RITA****XX*1987654328',
      'PRV*AT*PXC*2085R0001X',
      'LX*1',
      'SV2*0333*HC:77412*1450.00*UN*1',
      'DTP*472*D8*20260302',
      'REF*6R*CH-1001',
      'LX*2',
      'SV2*0333*HC:77412:76*1450.00*UN*1',
      'DTP*472*D8*20260302',
      'REF*6R*CH-1002',
      'LX*3',
      'SV2*0333*HC:77412*2900.00*UN*2',
      'DTP*472*D8*20260303',
      'REF*6R*CH-1003',
      'SE*38*0001',
      'GE*1*17',
      'IEA*1*000000017',
    ]);
  });

  it('orders segments as the public 837I samples do', () => {
    const ours = splitX12(written()).map(segmentKey);
    for (const name of ['institutional-claim.837i', 'two-claims-single-provider.837i']) {
      const sample = splitX12(readFileSync(`${SAMPLES}/${name}`, 'latin1')).map(segmentKey);
      // PRV*AT first appears in the sample's 2420 line loop; ours is 2310A's, after NM1*71 (TR3 2310A).
      const both = (k: string) => k !== 'PRV*AT';
      const a = [...new Set(ours)].filter((k) => sample.includes(k) && both(k));
      const b = [...new Set(sample)].filter((k) => ours.includes(k) && both(k));
      expect(a, name).toEqual(b);
      expect(a.length, name).toBeGreaterThan(15);
    }
  });

  it('takes the statement period, admission type and patient status when given; one HI without others', () => {
    const claim = {
      ...exampleClaim('837I'),
      diagnosisCodes: ['C61'],
      statementFrom: '2026-03-01',
      statementTo: '2026-03-31',
      admissionTypeCode: '3',
      patientStatusCode: '30',
      priorAuthorization: null,
    };
    const segs = splitX12(written(exampleClaimFile('837I', [claim]))).map((e) => e.join('*'));
    expect(segs).toContain('DTP*434*RD8*20260301-20260331');
    expect(segs).toContain('CL1*3**30');
    expect(segs.filter((s) => s.startsWith('HI*'))).toEqual(['HI*ABK:C61']);
    expect(segs.some((s) => s.startsWith('REF*G1'))).toBe(false);
  });

  it('refuses a line without a revenue code and a claim without a facility type', () => {
    const claim = exampleClaim('837I');
    delete claim.lines[2]!.revenueCode;
    delete claim.facilityTypeCode;
    const r = write837i(exampleClaimFile('837I', [claim]));
    expect(r.ok ? [] : r.problems.map((p) => p.location)).toEqual([
      'claims[0].facilityTypeCode',
      'claims[0].lines[2].revenueCode',
    ]);
  });
});
