import { describe, expect, it } from 'vitest';
import type { Claim } from './claim-types.js';
import { readClaims837FromBytes } from './read-837.js';
import { write837i } from './write-837i.js';
import { write837p } from './write-837p.js';
import { exampleClaim, exampleClaimFile } from '../../../test/support/x12/claim-file-example.js';
import { splitX12 } from '../../../test/support/x12/split-x12.js';

const segments = (text: string) => splitX12(text).map((e) => e.join('*'));

/** A dependent patient's secondary claim, correcting the first one sent (CLM05-3 7, REF*F8). */
const secondary = (kind: '837P' | '837I'): Claim => {
  const c = exampleClaim(kind);
  return {
    ...c,
    lines: c.lines.slice(0, 2),
    responsibility: 'S',
    filingIndicator: 'CI',
    subscriber: { memberId: 'SEC998877', lastName: 'HOLDER', firstName: 'SAM', groupNumber: 'G77' },
    patient: {
      relationship: '01',
      lastName: 'TESTPATIENT',
      firstName: 'SYNTHIA',
      birthDate: '1961-07-04',
      sex: 'F',
      address: { line1: '1 ELM ST', city: 'SPRINGFIELD', state: 'IL', postalCode: '62702' },
    },
    frequencyCode: '7',
    payerClaimControlNumber: 'PAYER123',
    priorPayer: {
      responsibility: 'P',
      relationship: '01',
      filingIndicator: 'MB',
      subscriber: { lastName: 'HOLDER', firstName: 'SAM', memberId: 'MCR1234' },
      payer: { name: 'MEDICARE PART B', id: 'MCR01' },
      paidCents: 116_000,
      adjustments: [{ group: 'PR', reason: '1', amountCents: 10_000 }],
      lines: [
        {
          paidCents: 116_000,
          procedureCode: '77412',
          modifiers: [],
          units: 1,
          adjustments: [
            { group: 'CO', reason: '45', amountCents: 19_000 },
            { group: 'PR', reason: '2', amountCents: 10_000 },
          ],
          adjudicationDate: '2026-04-10',
        },
        null,
      ],
    },
  };
};

describe('837 coverage loops, written as the TR3 lays them out', () => {
  it('837P: 2000B subscriber without SBR02, 2000C patient, REF*F8, 2310B with PRV*PE, 2320/2330A/2330B, 2430', () => {
    const r = write837p(exampleClaimFile('837P', [secondary('837P')]));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const segs = segments(r.value);
    expect(segs.slice(segs.indexOf('HL*2*1*22*1'))).toEqual([
      'HL*2*1*22*1',
      'SBR*S**G77******CI',
      'NM1*IL*1*HOLDER*SAM****MI*SEC998877',
      'NM1*PR*2*EXAMPLE HEALTH PLAN*****PI*EHP01',
      'HL*3*2*23*0',
      'PAT*01',
      'NM1*QC*1*TESTPATIENT*SYNTHIA',
      'N3*1 ELM ST',
      'N4*SPRINGFIELD*IL*62702',
      'DMG*D8*19610704*F',
      'CLM*P00417-202603*1534.05***11:B:7*Y*A*Y*Y',
      'REF*G1*AUTH2026-0042',
      'REF*F8*PAYER123',
      'HI*ABK:C50911*ABF:Z170',
      'NM1*82*1*ONCOLOGIST*RITA****XX*1987654328',
      'PRV*PE*PXC*2085R0001X',
      'SBR*P*01*******MB',
      'CAS*PR*1*100.00',
      'AMT*D*1160.00',
      'OI***Y***Y',
      'NM1*IL*1*HOLDER*SAM****MI*MCR1234',
      'NM1*PR*2*MEDICARE PART B*****PI*MCR01',
      'LX*1',
      'SV1*HC:77412*1450.00*UN*1***1',
      'DTP*472*D8*20260302',
      'REF*6R*CH-1001',
      'SVD*MCR01*1160.00*HC:77412**1',
      'CAS*CO*45*190.00',
      'CAS*PR*2*100.00',
      'DTP*573*D8*20260410',
      'LX*2',
      'SV1*HC:77387:26*84.05*UN*1***1',
      'DTP*472*D8*20260302',
      'REF*6R*CH-1002',
      'SE*45*0001',
      'GE*1*17',
      'IEA*1*000000017',
    ]);
  });

  it('837I: 2310A attending with PRV*AT, SVD with the revenue code', () => {
    const r = write837i(exampleClaimFile('837I', [secondary('837I')]));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const segs = segments(r.value);
    expect(segs).toContain('NM1*71*1*ONCOLOGIST*RITA****XX*1987654328');
    expect(segs[segs.indexOf('NM1*71*1*ONCOLOGIST*RITA****XX*1987654328') + 1]).toBe('PRV*AT*PXC*2085R0001X');
    expect(segs).toContain('SVD*MCR01*1160.00*HC:77412*0333*1');
    expect(segs).toContain('CLM*P00417-202603*2900.00***13:A:7**A*Y*Y');
  });

  it('reads back: SBR01/SBR09, PAT01, rendering NPI, REF*F8, AMT*D and SVD02', () => {
    const r = write837p(exampleClaimFile('837P', [secondary('837P')]));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const back = readClaims837FromBytes(new TextEncoder().encode(r.value), 'sec.837');
    expect(back.problems).toEqual([]);
    expect(back.sets[0]!.claims[0]).toMatchObject({
      responsibility: 'S',
      filingIndicator: 'CI',
      patientRelationship: '01',
      memberId: 'SEC998877',
      providerNpi: '1987654328',
      frequency: '7',
      payerClaimControlNumber: 'PAYER123',
      priorPayerPaidCents: 116_000,
    });
    expect(back.sets[0]!.claims[0]!.lines.map((l) => l.priorPaidCents)).toEqual([116_000, null]);
  });

  it.each([
    [
      'a replacement without REF*F8',
      (c: Claim) => ({ ...c, payerClaimControlNumber: undefined }),
      'claims[0].payerClaimControlNumber',
    ],
    [
      'a secondary without the prior payer',
      (c: Claim) => ({ ...c, priorPayer: undefined }),
      'claims[0].priorPayer',
    ],
    [
      'a professional claim of an organization without its rendering provider',
      (c: Claim) => ({ ...c, provider: undefined }),
      'claims[0].provider',
    ],
    [
      'a rendering NPI with a wrong check digit',
      (c: Claim) => ({ ...c, provider: { ...c.provider!, npi: '1987654326' } }),
      'claims[0].provider.npi',
    ],
    [
      'a prior payer entry per line missing',
      (c: Claim) => ({ ...c, priorPayer: { ...c.priorPayer!, lines: [] } }),
      'claims[0].priorPayer.lines',
    ],
    [
      'a CAS group outside CO/PR/OA/PI',
      (c: Claim) => ({
        ...c,
        priorPayer: { ...c.priorPayer!, adjustments: [{ group: 'XX', reason: '1', amountCents: 1 }] },
      }),
      'claims[0].priorPayer.adjustments[0]',
    ],
    [
      'a dependent without a birth date',
      (c: Claim) => ({ ...c, patient: { ...c.patient!, birthDate: '1961-13-01' } }),
      'claims[0].patient.birthDate',
    ],
    [
      'a subscriber who is the patient without demographics',
      (c: Claim) => ({ ...c, patient: undefined }),
      'claims[0].subscriber.birthDate',
    ],
  ])('refuses %s, located', (_name, change, location) => {
    const r = write837p(exampleClaimFile('837P', [change(secondary('837P'))]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.location)).toContain(location);
  });
});
