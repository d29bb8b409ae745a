import { describe, expect, it } from 'vitest';
import { BUNDLED_PROFILES } from '../payers/bundled-profiles.js';
import type { PayerProfile } from '../payers/payer-profile.js';
import { CLAIM_006, twiceDailyShape } from './claim-006-twice-daily.js';

const profile = (id: string): PayerProfile => BUNDLED_PROFILES.find((p) => p.id === id)!;

describe('twiceDailyShape (CLAIM-006)', () => {
  // prettier-ignore
  const CASES = [
    ['76 line, payer wants 76', '77412', ['76'], 1, 'default', false],
    ['2 units, payer counts units', '77412', [], 2, 'medicare', false],
    ['76 line, payer counts units', '77412', ['76'], 1, 'medicare', true],
    ['2 units, payer wants 76', '77407', [], 2, 'default', true],
    ['not a delivery code', '77387', ['26', '76'], 1, 'medicare', false],
    ['one session', '77412', [], 1, 'medicare', false],
  ] as [string, string, string[], number, string, boolean][];
  it.each(CASES)('%s', (_name, code, modifiers, units, payer, flagged) => {
    const f = twiceDailyShape({ code, modifiers, units }, profile(payer), 'charge c1');
    if (!flagged) return expect(f).toBeNull();
    expect(f).toMatchObject({ ruleId: CLAIM_006.id, severity: 'warning' });
  });
});
