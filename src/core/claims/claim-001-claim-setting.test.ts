import { describe, expect, it } from 'vitest';
import { CLAIM_001, claimSetting } from './claim-001-claim-setting.js';

describe('claimSetting (CLAIM-001)', () => {
  // prettier-ignore
  const CASES = [['11', 'freestanding'], ['19', 'hospital'], ['22', 'hospital'], ['21', null], ['', null]] as const;
  it.each(CASES)('POS %s → %s', (pos, setting) => {
    const r = claimSetting(pos, 'charge c1');
    expect(r.setting).toBe(setting);
    if (r.setting === null)
      expect(r.finding).toMatchObject({ ruleId: CLAIM_001.id, severity: 'error', subject: 'charge c1' });
  });
});
