import { describe, expect, it } from 'vitest';
import { buildClaims } from '../../core/claims/build-claims.js';
import type { ClaimDraft, ReleasedCharge } from '../../core/claims/claim-input.js';
import { BUNDLED_PROFILES } from '../../core/payers/bundled-profiles.js';
import type { Claim } from './claim-types.js';
import { write837i } from './write-837i.js';
import { write837p } from './write-837p.js';
import { exampleClaim, exampleClaimFile } from '../../../test/support/x12/claim-file-example.js';
import { splitX12 } from '../../../test/support/x12/split-x12.js';

// The mapping the app does: a draft plus the patient's demographics and the providers → a claim.
const toClaim = (d: ClaimDraft, i: number): Claim => ({
  ...exampleClaim(d.format),
  patientControlNumber: `PCN${i + 1}`,
  ...(d.format === '837P'
    ? { placeOfService: d.placeOfService }
    : { facilityTypeCode: d.facilityTypeCode ?? '' }),
  statementFrom: d.statementFrom,
  statementTo: d.statementTo,
  priorAuthorization: d.authorizationNumber,
  lines: d.lines.map((l) => ({
    procedureCode: l.code,
    modifiers: l.modifiers,
    units: l.units,
    chargeCents: l.chargeCents,
    dateOfService: l.dateOfService,
    lineControlNumber: l.chargeId,
    ...(l.revenueCode ? { revenueCode: l.revenueCode } : {}),
  })),
});

const hospital = (over: Partial<ReleasedCharge>): ReleasedCharge => ({
  chargeId: 'c1',
  patientKey: 'p1',
  courseId: 'k1',
  dateOfService: '2026-03-02',
  code: '77412',
  modifiers: [],
  units: 1,
  chargeCents: 145_000,
  expectedCents: null,
  placeOfService: '22',
  payerProfileId: 'uhc',
  authorizationNumber: 'AUTH9',
  ...over,
});

describe('claim drafts written as 837P and 837I', () => {
  it('splits a hospital course into a professional 837P and a technical 837I', () => {
    const { claims } = buildClaims(
      [
        hospital({ chargeId: 'CH-1' }),
        hospital({ chargeId: 'CH-2', code: '77387', chargeCents: 8_405 }),
        hospital({ chargeId: 'CH-3', modifiers: ['76'] }),
      ],
      { period: 'month', profiles: BUNDLED_PROFILES },
    );
    const p = write837p(exampleClaimFile('837P', claims.filter((c) => c.format === '837P').map(toClaim)));
    const i = write837i(exampleClaimFile('837I', claims.filter((c) => c.format === '837I').map(toClaim)));
    if (!p.ok || !i.ok) throw new Error('not written');
    const ps = splitX12(p.value).map((e) => e.join('*'));
    const is = splitX12(i.value).map((e) => e.join('*'));
    expect(ps.filter((s) => /^(CLM|REF|SV1)\*/.test(s))).toEqual([
      'REF*EI*123456789',
      'CLM*PCN1*84.05***22:B:1*Y*A*Y*Y',
      'REF*G1*AUTH9',
      'SV1*HC:77387:26*84.05*UN*1***1',
      'REF*6R*CH-2',
    ]);
    expect(is.filter((s) => /^(CLM|SV2|DTP\*434)/.test(s))).toEqual([
      'CLM*PCN1*2900.00***13:A:1**A*Y*Y',
      'DTP*434*RD8*20260302-20260302',
      'SV2*0333*HC:77412*1450.00*UN*1',
      'SV2*0333*HC:77412:76*1450.00*UN*1',
    ]);
  });
});
