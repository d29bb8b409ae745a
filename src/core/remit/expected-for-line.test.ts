import { describe, expect, it } from 'vitest';
import { SEED_2026 } from '../rates/seed-2026.js';
import { expectedForLine } from './expected-for-line.js';

describe('expectedForLine', () => {
  it.each([
    [
      '77412 freestanding',
      '11',
      '77412',
      [],
      1,
      null,
      { cents: 39146, basis: 'medicare', lowerLevelCents: 31764 },
    ],
    [
      '77412 hospital (OPPS)',
      '22',
      '77412',
      [],
      1,
      null,
      { cents: 56451, basis: 'medicare', lowerLevelCents: 39405 },
    ],
    ['77407 × 2 units', '11', '77407', [], 2, null, { cents: 63528, lowerLevelCents: 15898 }],
    ['77387-26 (MPFS everywhere)', '22', '77387', ['26'], 1, null, { cents: 3674, lowerLevelCents: null }],
    [
      'a contract rate replaces Medicare',
      '11',
      '77412',
      [],
      1,
      45000,
      { cents: 45000, basis: 'contract', medicareCents: 39146 },
    ],
    ['an unknown code', '11', '99999', [], 1, null, { cents: null, basis: null, medicareCents: null }],
  ] as const)('%s', (_n, pos, code, modifiers, units, contract, expected) => {
    expect(
      expectedForLine(SEED_2026, pos, { code, modifiers: [...modifiers] }, units, contract),
    ).toMatchObject(expected);
  });
});
