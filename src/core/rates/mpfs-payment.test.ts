import { describe, expect, it } from 'vitest';
import {
  expectedMpfsPayment,
  type Gpci,
  inForce,
  mpfsData,
  type MpfsQuery,
  type PfsRvu,
  type ReferenceRelease,
  roundHalfUp,
} from './mpfs-payment.js';

const release = (id: string, effectiveFrom: string, effectiveTo: string | null): ReferenceRelease => ({
  id,
  year: 2026,
  quarter: 1,
  effectiveFrom,
  effectiveTo,
  source: `${id} (synthetic)`,
});
const rvu = (hcpcs: string, modifier: string, status: string, w: number, nf: number | null, f: number | null, mp: number, cf: number | null = 334009): PfsRvu =>
  ({ hcpcs, modifier, status, workRvu: w, nonFacilityPeRvu: nf, facilityPeRvu: f, mpRvu: mp, pctcIndicator: null, conversionFactor: cf, location: `pprrvu:${hcpcs}${modifier}` }); // prettier-ignore
const gpci = (carrier: string, locality: string, w: number, pe: number, mp: number): Gpci =>
  ({ carrier, locality, state: null, localityName: null, workGpci: w, peGpci: pe, mpGpci: mp, location: `gpci:${carrier}/${locality}` }); // prettier-ignore

const RVUS = [
  rvu('77412', '', 'A', 0, 13600, 13600, 80),
  rvu('77387', '', 'B', 580, 220, 220, 30),
  rvu('77387', '26', 'A', 580, 220, 220, 30),
  rvu('77387', 'TC', 'B', 0, 0, 0, 0),
  rvu('77301', '', 'A', 7990, 45000, null, 400),
  rvu('77280', '26', 'A', 700, 270, 270, 30),
  rvu('77280', 'TC', 'A', 0, 4830, null, 0),
  rvu('99999', '', 'A', 1000, 0, 0, 0, null),
];
const GPCIS = [
  gpci('99901', '01', 1050, 1120, 950),
  gpci('99901', '99', 1000, 900, 800),
  gpci('99902', '00', 1000, 1000, 1000),
  gpci('99902', '05', 1000, 1015, 1250),
];
const Q1 = mpfsData(release('RVU26A', '2026-01-01', '2026-03-31'), RVUS, GPCIS);
// A later quarter with a changed PE RVU for 77412 (synthetic): the date of service picks the release.
const Q2 = mpfsData(
  release('RVU26B', '2026-04-01', null),
  [rvu('77412', '', 'A', 0, 14000, 14000, 80)],
  GPCIS,
);

const q = (code: string, modifiers: string[], pos: string, carrier: string, locality: string, extra: Partial<MpfsQuery> = {}): MpfsQuery =>
  ({ code, modifiers, placeOfService: pos, dateOfService: '2026-03-02', carrier, locality, ...extra }); // prettier-ignore

describe('expectedMpfsPayment', () => {
  it.each([
    // label, query, cents, component, setting
    ['77412 office, metro locality', q('77412', [], '11', '99901', '01'), 51130, 'global', 'non-facility'],
    ['77412 office, GPCIs 1.000', q('77412', [], '11', '99902', '00'), 45692, 'global', 'non-facility'],
    [
      '77412 with modifier 76 (not a pricing modifier)',
      q('77412', ['76'], '11', '99902', '00'),
      45692,
      'global',
      'non-facility',
    ],
    [
      '77387-26 in a hospital (POS 22): facility PE',
      q('77387', ['26'], '22', '99901', '01'),
      2952,
      'professional',
      'facility',
    ],
    ['77387-26 in POS 19', q('77387', ['26'], '19', '99901', '99'), 2679, 'professional', 'facility'],
    [
      '77387-26 with the qualifying-APM CF',
      q('77387', ['26'], '11', '99902', '00', { conversionFactor: 335675 }),
      2786,
      'professional',
      'non-facility',
    ],
    [
      '77301 global, one-digit locality',
      q('77301', [], '11', '99902', '5'),
      180916,
      'global',
      'non-facility',
    ],
    ['77280-TC office', q('77280', ['TC'], '11', '99901', '01'), 18069, 'technical', 'non-facility'],
    ['77280-26 hospital', q('77280', ['26'], '22', '99901', '01'), 3560, 'professional', 'facility'],
    [
      '77412 in the second quarter',
      q('77412', [], '11', '99902', '00', { dateOfService: '2026-04-01' }),
      47028,
      'global',
      'non-facility',
    ],
  ] as const)('%s', (_label, query, cents, component, setting) => {
    const r = expectedMpfsPayment([Q1, Q2], query);
    expect(r).toMatchObject({ ok: true, cents, component, setting });
  });

  it('carries the numbers and sources it used', () => {
    const r = expectedMpfsPayment([Q1, Q2], q('77387', ['26'], '22', '99901', '01'));
    expect(r).toEqual({
      ok: true,
      cents: 2952,
      component: 'professional',
      setting: 'facility',
      rvus: { work: 580, pe: 220, mp: 30 },
      gpci: { work: 1050, pe: 1120, mp: 950 },
      conversionFactor: 334009,
      release: 'RVU26A',
      source: 'RVU26A (synthetic); pprrvu:7738726; gpci:99901/01',
    });
  });

  it.each([
    [
      'no release for 2025',
      q('77412', [], '11', '99902', '00', { dateOfService: '2025-12-31' }),
      'no-release',
    ],
    ['no 26 row for a technical-only code', q('77412', ['26'], '22', '99902', '00'), 'no-rvu'],
    ['global 77387 is bundled (status B)', q('77387', [], '11', '99902', '00'), 'not-paid'],
    ['77387-TC is bundled', q('77387', ['TC'], '11', '99902', '00'), 'not-paid'],
    ['no facility PE RVU (NA)', q('77301', [], '22', '99902', '00'), 'no-pe-rvu'],
    ['unknown locality', q('77412', [], '11', '99901', '02'), 'no-locality'],
    ['locality of another contractor', q('77412', [], '11', '99902', '01'), 'no-locality'],
    ['no conversion factor anywhere', q('99999', [], '11', '99902', '00'), 'no-conversion-factor'],
  ] as const)('%s', (_label, query, reason) => {
    expect(expectedMpfsPayment([Q1, Q2], query)).toMatchObject({ ok: false, reason });
  });

  it('uses the release conversion factor when the row has none', () => {
    const data = mpfsData(release('X', '2026-01-01', null), RVUS, GPCIS, 100000);
    expect(expectedMpfsPayment([data], q('99999', [], '11', '99902', '00'))).toMatchObject({
      ok: true,
      cents: 1000,
    });
  });

  it('rounds once, half up, to cents', () => {
    const data = (cf: number) =>
      mpfsData(release('X', '2026-01-01', null), [rvu('99999', '', 'A', 1000, 0, 0, 0, cf)], GPCIS);
    const cents = (cf: number) => {
      const r = expectedMpfsPayment([data(cf)], q('99999', [], '11', '99902', '00'));
      return r.ok ? r.cents : null;
    };
    expect(cents(100050)).toBe(1001); // $10.0050 → 1000.5 cents → 1001
    expect(cents(100049)).toBe(1000);
    expect(cents(100005)).toBe(1000);
  });
});

describe('inForce and roundHalfUp', () => {
  it('picks the release covering the date; the latest start wins on overlap', () => {
    const a = { release: release('A', '2026-01-01', null) };
    const b = { release: release('B', '2026-04-01', '2026-06-30') };
    const fix = { release: release('A-fix', '2026-01-01', '2026-03-31') };
    expect(inForce([a, b], '2026-05-01')).toBe(b);
    expect(inForce([a, b], '2026-07-01')).toBe(a);
    expect(inForce([a, fix], '2026-02-01')).toBe(fix);
    expect(inForce([b], '2026-01-01')).toBeNull();
  });

  it.each([
    [15n, 10n, 2],
    [14n, 10n, 1],
    [25n, 10n, 3],
    [-15n, 10n, -2],
    [5n, 3n, 2],
    [4n, 3n, 1],
    [0n, 7n, 0],
  ])('%i / %i → %i', (n, d, r) => expect(roundHalfUp(n, d)).toBe(r));
});
