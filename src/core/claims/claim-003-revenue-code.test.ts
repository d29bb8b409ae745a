import { describe, expect, it } from 'vitest';
import { CLAIM_003, revenueCodeFor } from './claim-003-revenue-code.js';

describe('revenueCodeFor (CLAIM-003)', () => {
  // prettier-ignore
  const CASES = [
    ['77412', {}, '0333'], ['77407', {}, '0333'], ['77402', {}, '0333'], ['77387', {}, '0333'],
    ['77373', {}, '0333'], ['77372', {}, '0333'], ['77371', {}, '0333'],
    ['77300', { '77300': '0330' }, '0330'], ['77412', { '77412': '0330' }, '0330'], ['77300', {}, null],
  ] as [string, Record<string, string>, string | null][];
  it.each(CASES)('%s %j → %s', (code, table, rev) => {
    const r = revenueCodeFor(code, table, 'charge c1');
    expect(r.revenueCode).toBe(rev);
    if (rev === null) expect(r.finding).toMatchObject({ ruleId: CLAIM_003.id, severity: 'error' });
  });
});
