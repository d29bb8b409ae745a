import { describe, expect, it } from 'vitest';
import { mpfsData, type ReferenceRelease } from '../../core/rates/mpfs-payment.js';
import { oppsData } from '../../core/rates/opps-payment.js';
import { SEED_2026 } from '../../core/rates/seed-2026.js';
import {
  type ContractRate,
  expectedPayment,
  expectedRate,
  type PracticeRates,
  type RateQuery,
} from './expected-rate.js';

const release = (id: string, effectiveFrom: string, effectiveTo: string | null = null): ReferenceRelease => ({
  id,
  year: 2026,
  quarter: 1,
  effectiveFrom,
  effectiveTo,
  source: 'synthetic',
});

const rvu = (hcpcs: string, modifier: string, work: number, pe: number, mp: number) => ({
  hcpcs,
  modifier,
  status: 'A',
  workRvu: work,
  nonFacilityPeRvu: pe,
  facilityPeRvu: pe,
  mpRvu: mp,
  pctcIndicator: null,
  conversionFactor: 334009,
  location: 'test',
});

const gpci = {
  carrier: '99901',
  locality: '01',
  state: null,
  localityName: null,
  workGpci: 1000,
  peGpci: 1000,
  mpGpci: 1000,
  location: 'test',
};

/** 77412: 10.000 RVUs × $33.4009 = $334.01; 77387-26: 1.000 RVU = $33.40 (synthetic). */
const MPFS = mpfsData(
  release('RVU26A', '2026-01-01'),
  [rvu('77412', '', 0, 10000, 0), rvu('77387', '26', 1000, 0, 0), rvu('77407', '', 0, 5000, 0)],
  [gpci],
);
const OPPS = oppsData(release('OPPS26A', '2026-01-01'), [
  {
    hcpcs: '77412',
    statusIndicator: 'S',
    apc: '5623',
    relativeWeight: null,
    paymentRateCents: 60000,
    nationalCopaymentCents: null,
    minimumCopaymentCents: null,
    location: 'test',
  },
]);

const contract = (c: Partial<ContractRate>): ContractRate => ({
  id: 'c1',
  payer: 'UnitedHealthcare (synthetic)',
  code: '77412',
  modifier: '',
  cents: 45000,
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  ...c,
});

const rates = (over: Partial<PracticeRates> = {}): PracticeRates => ({
  locality: { carrier: '99901', locality: '01' },
  mpfs: [MPFS],
  opps: [OPPS],
  national: SEED_2026,
  contracts: [],
  ...over,
});

const q = (over: Partial<RateQuery> = {}): RateQuery => ({
  payers: ['UnitedHealthcare (synthetic)'],
  code: '77412',
  modifiers: [],
  placeOfService: '11',
  dateOfService: '2026-03-02',
  ...over,
});

describe('expectedRate: contract > Medicare locality > national table', () => {
  it.each([
    [
      'contract in force',
      rates({ contracts: [contract({})] }),
      q(),
      45000,
      'contract (UnitedHealthcare (synthetic))',
    ],
    [
      'contract of another payer',
      rates({ contracts: [contract({ payer: 'Other' })] }),
      q(),
      33401,
      'medicare locality 99901-01 (RVU26A)',
    ],
    [
      'payer name compared without case',
      rates({ contracts: [contract({ payer: 'unitedhealthcare (SYNTHETIC)' })] }),
      q(),
      45000,
      'contract (unitedhealthcare (SYNTHETIC))',
    ],
    [
      'contract not yet in force',
      rates({ contracts: [contract({ effectiveFrom: '2026-04-01' })] }),
      q(),
      33401,
      'medicare locality 99901-01 (RVU26A)',
    ],
    [
      'contract ended the day before',
      rates({ contracts: [contract({ effectiveTo: '2026-03-01' })] }),
      q(),
      33401,
      'medicare locality 99901-01 (RVU26A)',
    ],
    [
      'contract ending on the date of service',
      rates({ contracts: [contract({ effectiveTo: '2026-03-02' })] }),
      q(),
      45000,
      'contract (UnitedHealthcare (synthetic))',
    ],
    [
      'the later of two contracts',
      rates({ contracts: [contract({}), contract({ id: 'c2', effectiveFrom: '2026-02-01', cents: 47000 })] }),
      q(),
      47000,
      'contract (UnitedHealthcare (synthetic))',
    ],
    [
      'a global contract does not price -26',
      rates({ contracts: [contract({ code: '77387' })] }),
      q({ code: '77387', modifiers: ['26'] }),
      3340,
      'medicare locality 99901-01 (RVU26A)',
    ],
    [
      'a -26 contract prices -26',
      rates({ contracts: [contract({ code: '77387', modifier: '26', cents: 4000 })] }),
      q({ code: '77387', modifiers: ['26'] }),
      4000,
      'contract (UnitedHealthcare (synthetic))',
    ],
    ['no locality: national table', rates({ locality: null }), q(), 39146, 'national table (seed-2026)'],
    [
      'no release covering the date: national table',
      rates(),
      q({ dateOfService: '2025-12-31' }),
      39146,
      'national table (seed-2026)',
    ],
    [
      'a release that ended: national table',
      rates({
        mpfs: [
          mpfsData(release('RVU25D', '2025-10-01', '2025-12-31'), [rvu('77412', '', 0, 10000, 0)], [gpci]),
        ],
      }),
      q(),
      39146,
      'national table (seed-2026)',
    ],
    [
      'code not in the release: national table',
      rates(),
      q({ code: '77402' }),
      7949,
      'national table (seed-2026)',
    ],
    [
      'hospital technical: OPPS Addendum B',
      rates(),
      q({ placeOfService: '22' }),
      60000,
      'medicare OPPS (OPPS26A)',
    ],
    [
      'hospital professional: MPFS locality',
      rates(),
      q({ placeOfService: '22', code: '77387', modifiers: ['26'] }),
      3340,
      'medicare locality 99901-01 (RVU26A)',
    ],
    [
      'hospital without OPPS release: national OPPS',
      rates({ opps: [] }),
      q({ placeOfService: '19' }),
      56451,
      'national table (seed-2026)',
    ],
  ])('%s', (_name, r, query, cents, label) => {
    expect(expectedRate(r, query)).toMatchObject({ cents, label });
  });

  it('is null when nothing prices the code', () => {
    expect(expectedRate(rates(), q({ code: '99999' }))).toBeNull();
  });
});

describe('expectedPayment (remittances)', () => {
  it('multiplies by units, keeps the Medicare amount beside a contract and prices the lower level on the same basis', () => {
    const r = rates({ contracts: [contract({}), contract({ id: 'c2', code: '77407', cents: 30000 })] });
    expect(expectedPayment(r, q(), 2)).toEqual({
      cents: 90000,
      basis: 'contract',
      medicareCents: 66802,
      lowerLevelCents: 60000,
      label: 'contract (UnitedHealthcare (synthetic))',
    });
  });

  it('is Medicare without a contract', () => {
    expect(expectedPayment(rates(), q(), 1)).toMatchObject({
      cents: 33401,
      basis: 'medicare',
      medicareCents: 33401,
      lowerLevelCents: 16700,
    });
  });
});
