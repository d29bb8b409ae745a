import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DELIMITERS } from './claim-types.js';
import { write837p } from './write-837p.js';
import { exampleClaim, exampleClaimFile } from '../../../test/support/x12/claim-file-example.js';
import { segmentKey, splitX12 } from '../../../test/support/x12/split-x12.js';

const SAMPLES = 'test/fixtures/x12/linuxforhealth-x12/837_005010X222A2';

const written = (file = exampleClaimFile('837P')) => {
  const r = write837p(file);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};

/** Keys present in both, in first-appearance order, must come in the same order. */
function commonOrder(ours: string[], sample: string[]): [string[], string[]] {
  const first = (keys: string[]) => [...new Set(keys)];
  const a = first(ours).filter((k) => sample.includes(k));
  const b = first(sample).filter((k) => ours.includes(k));
  return [a, b];
}

describe('write837p', () => {
  it('writes a freestanding global claim as the guide and the samples lay it out', () => {
    const segs = splitX12(written()).map((e) => e.join('*'));
    expect(segs.slice(0, 4)).toEqual([
      'ISA*00*          *00*          *ZZ*SGRTCLINIC     *ZZ*CLEARHOUSE     *260320*0930*^*00501*000000017*0*T*:',
      'GS*HC*SGRTCLINIC*CLEARHOUSE*20260320*0930*17*X*005010X222A1',
      'ST*837*0001*005010X222A1',
      'BHT*0019*00*B20260320-1*20260320*0930*CH',
    ]);
    expect(segs.slice(19)).toEqual([
      'CLM*P00417-202603*4434.05***11:B:1*Y*A*Y*Y',
      'REF*G1*AUTH2026-0042',
      'HI*ABK:C50911*ABF:Z170',
      'NM1*82*1*ONCOLOGIST*RITA****XX*1987654328',
      'PRV*PE*PXC*2085R0001X',
      'LX*1',
      'SV1*HC:77412*1450.00*UN*1***1',
      'DTP*472*D8*20260302',
      'REF*6R*CH-1001',
      'LX*2',
      'SV1*HC:77387:26*84.05*UN*1***1',
      'DTP*472*D8*20260302',
      'REF*6R*CH-1002',
      'LX*3',
      'SV1*HC:77412*2900.00*UN*2***1',
      'DTP*472*D8*20260303',
      'REF*6R*CH-1003',
      'SE*35*0001',
      'GE*1*17',
      'IEA*1*000000017',
    ]);
  });

  it('counts segments and repeats control numbers in SE, GE and IEA', () => {
    const claims = [exampleClaim('837P'), { ...exampleClaim('837P'), patientControlNumber: 'P2' }];
    const file = exampleClaimFile('837P', claims);
    file.envelope.interchangeControlNumber = 123456789;
    file.envelope.groupControlNumber = 42;
    file.envelope.transactionSetControlNumber = '000777';
    const segs = splitX12(written(file));
    const st = segs.findIndex((e) => e[0] === 'ST');
    const se = segs.findIndex((e) => e[0] === 'SE');
    expect(segs[se]).toEqual(['SE', String(se - st + 1), '000777']);
    expect(segs[st]?.[2]).toBe('000777');
    expect(segs.at(-2)).toEqual(['GE', '1', '42']);
    expect(segs.at(-1)).toEqual(['IEA', '1', '123456789']);
    expect(segs[0]?.[13]).toBe('123456789');
    expect(segs.filter((e) => e[0] === 'HL').map((e) => e.slice(1).join('*'))).toEqual([
      '1**20*1',
      '2*1*22*0',
      '3*1*22*0',
    ]);
    expect(segs.filter((e) => e[0] === 'CLM').map((e) => e[1])).toEqual(['P00417-202603', 'P2']);
  });

  it('orders segments as the public 837P samples do', () => {
    const ours = splitX12(written()).map(segmentKey);
    for (const name of [
      'demo.example11.837',
      'demo.example6.837',
      'demo.example9.837',
      'demo.example2.837',
    ]) {
      const sample = splitX12(readFileSync(`${SAMPLES}/${name}`, 'latin1')).map(segmentKey);
      const [a, b] = commonOrder(ours, sample);
      expect(a, name).toEqual(b);
      expect(a.length, name).toBeGreaterThan(15);
    }
  });

  it('writes amounts as decimal strings from integer cents', () => {
    const claim = exampleClaim('837P');
    claim.lines = [
      { ...claim.lines[0]!, chargeCents: 1 },
      { ...claim.lines[0]!, chargeCents: 100 },
      { ...claim.lines[0]!, chargeCents: 9_007_199_254_740 },
    ];
    const segs = splitX12(written(exampleClaimFile('837P', [claim])));
    expect(segs.filter((e) => e[0] === 'SV1').map((e) => e[2])).toEqual(['0.01', '1.00', '90071992547.40']);
    expect(segs.find((e) => e[0] === 'CLM')?.[2]).toBe('90071992548.41');
  });

  it('uses the configured delimiters and no suffix', () => {
    const file = exampleClaimFile('837P');
    file.envelope.delimiters = {
      element: '|',
      component: '>',
      repetition: '!',
      segment: "'",
      segmentSuffix: '',
    };
    const text = written(file);
    expect(text).not.toContain('\n');
    expect(text.slice(0, 4)).toBe('ISA|');
    expect(text).toContain('|!|00501|');
    expect(text).toContain("SV1|HC>77387>26|84.05|UN|1|||1'");
    expect(text.endsWith("IEA|1|000000017'")).toBe(true);
  });

  it('rejects values holding a delimiter, with the location and without the value', () => {
    const claim = exampleClaim('837P');
    claim.subscriber.lastName = "O'BRIEN*SMITH";
    claim.lines[1]!.lineControlNumber = 'CH:1002';
    claim.subscriber.firstName = 'JOSÉ';
    const r = write837p(exampleClaimFile('837P', [claim]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.location)).toEqual([
      'claims[0].subscriber.lastName',
      'claims[0].subscriber.firstName',
      'claims[0].lines[1].lineControlNumber',
    ]);
    expect(r.problems[0]?.message).toContain('element separator');
    expect(r.problems[1]?.message).toContain('X12 character set');
    expect(r.problems[2]?.message).toContain('component separator');
    for (const p of r.problems) expect(p.message).not.toMatch(/BRIEN|JOS|1002/);
  });

  // prettier-ignore
  const SHAPES = [
    ['no place of service', (f) => { delete f.claims[0]!.placeOfService; }, 'claims[0].placeOfService'],
    ['bad NPI', (f) => { f.billingProvider.npi = '123'; }, 'billingProvider.npi'],
    ['negative charge', (f) => { f.claims[0]!.lines[0]!.chargeCents = -1; }, 'claims[0].lines[0].chargeCents'],
    ['fractional cents', (f) => { f.claims[0]!.lines[0]!.chargeCents = 1.5; }, 'claims[0].lines[0].chargeCents'],
    ['zero units', (f) => { f.claims[0]!.lines[0]!.units = 0; }, 'claims[0].lines[0].units'],
    ['five modifiers', (f) => { f.claims[0]!.lines[0]!.modifiers = ['26', '76', 'GT', 'KX', 'XS']; }, 'claims[0].lines[0].modifiers'],
    ['bad date', (f) => { f.claims[0]!.lines[0]!.dateOfService = '2026-02-30x'; }, 'claims[0].lines[0].dateOfService'],
    ['no lines', (f) => { f.claims[0]!.lines = []; }, 'claims[0].lines'],
    ['51 lines', (f) => { f.claims[0]!.lines = Array(51).fill(f.claims[0]!.lines[0]); }, 'claims[0].lines'],
    ['no diagnosis', (f) => { f.claims[0]!.diagnosisCodes = []; }, 'claims[0].diagnosisCodes'],
    ['dotted ICD-10', (f) => { f.claims[0]!.diagnosisCodes = ['C50.911']; }, 'claims[0].diagnosisCodes[0]'],
    ['pointer past the diagnoses', (f) => { f.claims[0]!.lines[0]!.diagnosisPointers = [3]; }, 'claims[0].lines[0].diagnosisPointers'],
    ['long control number', (f) => { f.claims[0]!.patientControlNumber = 'X'.repeat(21); }, 'claims[0].patientControlNumber'],
    ['ISA13 out of range', (f) => { f.envelope.interchangeControlNumber = 1e9; }, 'envelope.interchangeControlNumber'],
    ['short ST02', (f) => { f.envelope.transactionSetControlNumber = '1'; }, 'envelope.transactionSetControlNumber'],
    ['created with seconds', (f) => { f.envelope.created = '2026-03-20T09:30:00'; }, 'envelope.created'],
    ['sender id too long', (f) => { f.envelope.sender.id = 'X'.repeat(16); }, 'envelope.sender.id'],
    ['delimiters not distinct', (f) => { f.envelope.delimiters = { ...DEFAULT_DELIMITERS, component: '*' }; }, 'envelope.delimiters'],
    ['letter as delimiter', (f) => { f.envelope.delimiters = { ...DEFAULT_DELIMITERS, segment: 'X' }; }, 'envelope.delimiters'],
    ['padded value', (f) => { f.payer.name = ' PLAN'; }, 'payer.name'],
  ] as [string, (f: ReturnType<typeof exampleClaimFile>) => void, string][];
  it.each(SHAPES)('refuses %s', (_name, change, location) => {
    const file = exampleClaimFile('837P');
    change(file);
    const r = write837p(file);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.location)).toContain(location);
  });
});
