import { describe, expect, it } from 'vitest';
import { BUNDLED_PROFILES } from '../bundled-profiles.js';
import { fractionLimitFinding, PAYER_003 } from './payer-003-fraction-limit.js';

const profile = (id: string) => BUNDLED_PROFILES.find((p) => p.id === id)!;

describe('fractionLimitFinding (PAYER-003)', () => {
  it.each([
    // profile, code, fraction number, warned
    ['commercial-omit-26', '77412', 26, true],
    ['commercial-omit-26', '77412', 35, true],
    ['commercial-omit-26', '77412', 25, false],
    ['commercial-omit-26', '77412', 1, false],
    ['commercial-omit-26', '77412', undefined, false],
    ['commercial-omit-26', '77407', 30, false],
    ['default', '77412', 40, false],
    ['evicore', '77412', 40, false],
  ] as [string, string, number | undefined, boolean][])('%s %s fraction %s → %s', (id, code, fx, warned) => {
    const f = fractionLimitFinding(profile(id), code, fx, 'f1');
    if (!warned) return expect(f).toBeNull();
    expect(f).toMatchObject({
      ruleId: PAYER_003.id,
      severity: 'warning',
      subject: 'f1',
      evidence: { fractionNumber: fx, maxFractions: 25, code },
    });
  });
});
