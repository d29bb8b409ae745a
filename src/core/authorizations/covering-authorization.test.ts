import { describe, expect, it } from 'vitest';
import type { Authorization } from '../model/course.js';
import { coveringAuthorization } from './covering-authorization.js';

const auth = (number: string, over: Partial<Authorization> = {}): Authorization => ({
  number,
  codes: ['77412'],
  fractionsAuthorized: 25,
  validFrom: '2026-01-01',
  validTo: '2026-03-31',
  obtainedOn: '2025-12-20',
  ...over,
});

describe('coveringAuthorization', () => {
  it.each([
    ['none', [], '2026-03-02', null],
    ['one covering', [auth('A1')], '2026-03-02', 'A1'],
    ['outside the dates', [auth('A1')], '2026-04-01', null],
    ['denied is not used', [auth('A1', { status: 'denied' })], '2026-03-02', null],
    [
      'the latest obtained wins',
      [auth('A25'), auth('A26', { obtainedOn: '2026-02-01' })],
      '2026-03-02',
      'A26',
    ],
  ] as const)('%s', (_name, list, date, expected) => {
    expect(coveringAuthorization(list, date)?.number ?? null).toBe(expected);
  });
});
