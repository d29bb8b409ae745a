import { describe, expect, it } from 'vitest';
import { type Coverage, hasLaterCoverage } from './later-coverage.js';

const secondary: Coverage = {
  order: 'secondary',
  payerName: 'SECOND MUTUAL',
  payerId: 'SM01',
  memberId: 'M1',
};
const tertiary: Coverage = { order: 'tertiary', payerName: 'THIRD PLAN', memberId: 'M2' };
const payer = (name: string | null, id: string | null = null) => ({ name, id });

/** Coordination of benefits (domain.md §6.1; CLP02 2/3/20/21): is there a payer after this one? */
describe('hasLaterCoverage', () => {
  it.each([
    ['no other coverage', [], '1', payer('PRIMARY'), false],
    ['the primary answered, a secondary exists', [secondary], '1', payer('PRIMARY'), true],
    ['the secondary answered (CLP02 2), no tertiary', [secondary], '2', payer('SECOND MUTUAL'), false],
    ['the secondary answered (CLP02 2), a tertiary exists', [secondary, tertiary], '2', payer('X'), true],
    ['the secondary payer named, status 1: by its place', [secondary], '1', payer(null, 'sm01'), false],
    ['the tertiary answered (CLP02 21)', [secondary, tertiary], '21', payer('THIRD PLAN'), false],
  ] as const)('%s', (_, coverage, status, p, expected) => {
    expect(hasLaterCoverage(coverage, status, p)).toBe(expected);
  });
});
