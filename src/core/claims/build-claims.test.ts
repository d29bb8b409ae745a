import { describe, expect, it } from 'vitest';
import { BUNDLED_PROFILES } from '../payers/bundled-profiles.js';
import { buildClaims } from './build-claims.js';
import type { ReleasedCharge } from './claim-input.js';

let n = 0;
const charge = (over: Partial<ReleasedCharge>): ReleasedCharge => ({
  chargeId: `c${++n}`,
  patientKey: 'p1',
  courseId: 'k1',
  dateOfService: '2026-03-02',
  code: '77412',
  modifiers: [],
  units: 1,
  chargeCents: 145_000,
  expectedCents: 62_512,
  placeOfService: '11',
  payerProfileId: 'default',
  authorizationNumber: 'A1',
  ...over,
});
const opts = { period: 'week' as const, profiles: BUNDLED_PROFILES };
const shape = (r: ReturnType<typeof buildClaims>) =>
  r.claims.map((c) => ({
    claim: `${c.format} ${c.component} ${c.placeOfService} ${c.statementFrom}..${c.statementTo} ${c.authorizationNumber ?? '-'}`,
    lines: c.lines.map((l) =>
      `${l.dateOfService} ${[l.code, ...l.modifiers].join('-')} x${l.units} ${l.revenueCode ?? ''}`.trim(),
    ),
  }));

describe('buildClaims', () => {
  it('freestanding: one global 837P per patient and week, 77387 with -26, 76 line kept', () => {
    const r = buildClaims(
      [
        charge({ chargeId: 'a' }),
        charge({ chargeId: 'b', code: '77387', modifiers: [], chargeCents: 8_405 }),
        charge({ chargeId: 'c', modifiers: ['76'] }),
        charge({ chargeId: 'd', dateOfService: '2026-03-03', modifiers: ['26'] }),
        charge({ chargeId: 'e', dateOfService: '2026-03-09' }),
        charge({ chargeId: 'f', patientKey: 'p2', courseId: 'k2' }),
      ],
      opts,
    );
    expect(shape(r)).toEqual([
      {
        claim: '837P global 11 2026-03-02..2026-03-03 A1',
        lines: [
          '2026-03-02 77412 x1',
          '2026-03-02 77387-26 x1',
          '2026-03-02 77412-76 x1',
          '2026-03-03 77412 x1',
        ],
      },
      { claim: '837P global 11 2026-03-09..2026-03-09 A1', lines: ['2026-03-09 77412 x1'] },
      { claim: '837P global 11 2026-03-02..2026-03-02 A1', lines: ['2026-03-02 77412 x1'] },
    ]);
    expect(r.claims[0]?.lines.map((l) => l.chargeId)).toEqual(['a', 'b', 'c', 'd']);
    expect(r.claims[0]?.period).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(r.findings.map((f) => `${f.ruleId} ${f.subject}`)).toEqual(['CLAIM-002 charge d']);
    expect(r.unbilled).toEqual([]);
  });

  it('hospital: professional 837P with -26 and technical 837I with 0333, two sessions as units for Medicare', () => {
    const r = buildClaims(
      [
        charge({ chargeId: 'a', placeOfService: '22', payerProfileId: 'medicare', units: 2 }),
        charge({
          chargeId: 'b',
          placeOfService: '22',
          payerProfileId: 'medicare',
          code: '77387',
          modifiers: ['26'],
        }),
        charge({
          chargeId: 'c',
          placeOfService: '22',
          payerProfileId: 'medicare',
          dateOfService: '2026-03-20',
        }),
      ],
      { ...opts, period: 'month' },
    );
    expect(shape(r)).toEqual([
      {
        claim: '837I technical 22 2026-03-02..2026-03-20 A1',
        lines: ['2026-03-02 77412 x2 0333', '2026-03-20 77412 x1 0333'],
      },
      { claim: '837P professional 22 2026-03-02..2026-03-02 A1', lines: ['2026-03-02 77387-26 x1'] },
    ]);
    expect(r.claims[0]?.facilityTypeCode).toBe('13');
    expect(r.claims[1]?.facilityTypeCode).toBeNull();
    expect(r.findings).toEqual([]);
  });

  it('hospital SBRT (77373, no 26/TC): the facility bills it on the 837I, nothing left unbilled', () => {
    const sbrt = (chargeId: string, dateOfService: string) =>
      charge({ chargeId, dateOfService, placeOfService: '22', code: '77373', chargeCents: 150_000 });
    const r = buildClaims([sbrt('a', '2026-03-02'), sbrt('b', '2026-03-04')], opts);
    expect(shape(r)).toEqual([
      {
        claim: '837I technical 22 2026-03-02..2026-03-04 A1',
        lines: ['2026-03-02 77373 x1 0333', '2026-03-04 77373 x1 0333'],
      },
    ]);
    expect(r.unbilled).toEqual([]);
    expect(r.findings).toEqual([]);
  });

  it('one claim per date of service when configured; a different authorization makes another claim', () => {
    const r = buildClaims(
      [
        charge({ chargeId: 'a' }),
        charge({ chargeId: 'b', dateOfService: '2026-03-03' }),
        charge({ chargeId: 'c', dateOfService: '2026-03-03', code: '77387', authorizationNumber: 'A2' }),
      ],
      { ...opts, period: 'date' },
    );
    expect(shape(r).map((c) => c.claim)).toEqual([
      '837P global 11 2026-03-02..2026-03-02 A1',
      '837P global 11 2026-03-03..2026-03-03 A1',
      '837P global 11 2026-03-03..2026-03-03 A2',
    ]);
    expect(r.findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['CLAIM-005 info']);
  });

  it('keeps charges it cannot bill visible with the rule', () => {
    const r = buildClaims(
      [
        charge({ chargeId: 'a', placeOfService: '21' }),
        charge({ chargeId: 'b', placeOfService: '19', code: '77300' }),
        charge({ chargeId: 'c', placeOfService: '19', code: '77470', modifiers: ['TC'] }),
        charge({ chargeId: 'd', payerProfileId: 'nobody' }),
        charge({ chargeId: 'e', payerProfileId: 'nobody' }),
      ],
      opts,
    );
    // Each with its rule and the reason the "not billed" list shows.
    expect(r.unbilled).toEqual([
      { chargeId: 'a', ruleId: 'CLAIM-001', reason: expect.stringMatching(/^Place of service 21 /) },
      { chargeId: 'b', ruleId: 'CLAIM-002', reason: expect.stringMatching(/^77300 .* neither 26 nor TC/) },
      { chargeId: 'c', ruleId: 'CLAIM-003', reason: expect.stringMatching(/^No revenue code for 77470/) },
    ]);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['CLAIM-001', 'CLAIM-002', 'CLAIM-003', 'PAYER-004']);
    expect(shape(r).map((c) => c.claim)).toEqual(['837P global 11 2026-03-02..2026-03-02 A1']);
    expect(r.claims[0]?.lines.map((l) => l.chargeId)).toEqual(['d', 'e']);
  });

  it('gives the same claims whatever the input order (lines of a date keep their release order)', () => {
    const charges = [
      charge({ chargeId: 'a', dateOfService: '2026-03-04' }),
      charge({ chargeId: 'b', placeOfService: '19', code: '77387' }),
      charge({ chargeId: 'c', placeOfService: '19' }),
      charge({ chargeId: 'd', patientKey: 'p0' }),
    ];
    const keys = (cs: ReleasedCharge[]) =>
      buildClaims(cs, opts).claims.map((c) => [c.key, c.lines.map((l) => l.chargeId)]);
    expect(keys([...charges].reverse())).toEqual(keys(charges));
  });
});
