import { describe, expect, it } from 'vitest';
import { CLAIM_005, authorizationSplit } from './claim-005-prior-authorization.js';

describe('authorizationSplit (CLAIM-005)', () => {
  // prettier-ignore
  const CASES = [
    [['A1', 'A1'], null], [[null, null], null], [['A1'], null],
    [['A1', 'A2'], 'info'], [['A1', null], 'warning'], [['A1', 'A2', null], 'warning'],
  ] as [(string | null)[], string | null][];
  it.each(CASES)('%j → %s', (numbers, severity) => {
    const f = authorizationSplit(numbers, 'course k1');
    if (severity === null) return expect(f).toBeNull();
    expect(f).toMatchObject({ ruleId: CLAIM_005.id, severity, subject: 'course k1' });
  });
});
