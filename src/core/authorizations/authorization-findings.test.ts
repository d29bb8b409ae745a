import { describe, expect, it } from 'vitest';
import type { BillingLine } from '../model/billing-line.js';
import type { Authorization } from '../model/course.js';
import { authorizationFindings, type AuthorizedFraction } from './authorization-findings.js';

const line = (code: string, modifiers: string[] = []): BillingLine => ({
  code,
  modifiers,
  units: 1,
  ruleId: 'CODE-005',
  reason: '',
  expectedCents: null,
  rateSource: null,
});
const auth = (over: Partial<Authorization> = {}): Authorization => ({
  number: 'A-26-1',
  codes: ['77412', '77387-26'],
  fractionsAuthorized: 3,
  validFrom: '2026-03-01',
  validTo: '2026-06-30',
  obtainedOn: '2026-02-25',
  ...over,
});
const fractions = (n: number, code = '77412', from = 2): AuthorizedFraction[] =>
  Array.from({ length: n }, (_, i) => ({
    fractionId: `F${i + 1}`,
    number: i + 1,
    date: `2026-03-${String(from + i).padStart(2, '0')}`,
    lines: [line(code), line('77387', ['26'])],
  }));
const rules = (m: Map<string, { ruleId: string }[]>) =>
  Object.fromEntries([...m].map(([k, v]) => [k, v.map((f) => f.ruleId)]));

describe('authorization findings before the claim goes out', () => {
  it.each([
    ['no authorization on file: nothing (the payer may not require one)', [], fractions(2), {}],
    ['a 2026 authorization that covers everything', [auth()], fractions(3), {}],
    [
      'a 2025 authorization carried into 2026 (AUTH-001)',
      [auth({ number: 'A-25-9', obtainedOn: '2025-12-10', validFrom: '2025-12-12' })],
      fractions(2),
      { F1: ['AUTH-001'], F2: ['AUTH-001'] },
    ],
    [
      'a 2025 and a 2026 authorization: the 2026 one covers',
      [auth({ number: 'A-25-9', obtainedOn: '2025-12-10', validFrom: '2025-12-12' }), auth()],
      fractions(2),
      {},
    ],
    [
      '77407 authorized, 77412 planned (AUTH-002)',
      [auth({ codes: ['77407', '77387-26'] })],
      fractions(1),
      { F1: ['AUTH-002'] },
    ],
    ['77412 authorized, 77407 billed: no warning', [auth()], fractions(1, '77407'), {}],
    ['the fourth fraction of three authorized (AUTH-003)', [auth()], fractions(4), { F4: ['AUTH-003'] }],
    [
      'a date after the authorization ends (AUTH-004)',
      [auth({ validTo: '2026-03-02' })],
      fractions(2),
      { F2: ['AUTH-004'] },
    ],
    [
      'a pending authorization does not cover (AUTH-004)',
      [auth({ status: 'pending' })],
      fractions(1),
      { F1: ['AUTH-004'] },
    ],
  ] as const)('%s', (_name, auths, fx, expected) => {
    expect(rules(authorizationFindings([...auths], fx))).toEqual(expected);
  });
});
