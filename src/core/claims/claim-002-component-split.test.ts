import { describe, expect, it } from 'vitest';
import { BUNDLED_PROFILES } from '../payers/bundled-profiles.js';
import type { PayerProfile } from '../payers/payer-profile.js';
import { CLAIM_002, componentParts } from './claim-002-component-split.js';

const profile = (id: string): PayerProfile => BUNDLED_PROFILES.find((p) => p.id === id)!;

describe('componentParts (CLAIM-002)', () => {
  // prettier-ignore
  const CASES = [
    // name, code, modifiers, setting, profile, DOS, parts as "format/component/mods", finding severity or null
    ['freestanding delivery: global', '77412', [], 'freestanding', 'default', '2026-03-02', ['837P/global/'], null],
    ['freestanding delivery keeps 76', '77412', ['76'], 'freestanding', 'default', '2026-03-02', ['837P/global/76'], null],
    ['freestanding delivery drops 26', '77407', ['26'], 'freestanding', 'default', '2026-03-02', ['837P/global/'], 'warning'],
    ['freestanding 77387, -26 required', '77387', [], 'freestanding', 'default', '2026-03-02', ['837P/global/26'], null],
    ['freestanding 77387, payer omits -26', '77387', ['26'], 'freestanding', 'commercial-omit-26', '2026-03-02', ['837P/global/'], 'info'],
    ['freestanding 77387, UHC either before March', '77387', [], 'freestanding', 'uhc', '2026-02-27', ['837P/global/'], null],
    ['freestanding 77387, UHC required from March', '77387', [], 'freestanding', 'uhc', '2026-03-02', ['837P/global/26'], null],
    ['hospital delivery: technical 837I', '77412', [], 'hospital', 'default', '2026-03-02', ['837I/technical/'], null],
    ['hospital delivery 76 kept, 26 dropped', '77412', ['26', '76'], 'hospital', 'default', '2026-03-02', ['837I/technical/76'], 'warning'],
    ['hospital SBRT 77373: technical 837I', '77373', [], 'hospital', 'default', '2026-03-02', ['837I/technical/'], null],
    ['hospital SRS 77372 26 dropped', '77372', ['26'], 'hospital', 'default', '2026-03-02', ['837I/technical/'], 'warning'],
    ['freestanding SBRT 77373: global', '77373', [], 'freestanding', 'default', '2026-03-02', ['837P/global/'], null],
    ['hospital 77387: professional -26', '77387', [], 'hospital', 'commercial-omit-26', '2026-03-02', ['837P/professional/26'], null],
    ['hospital 77387 TC: technical IGRT', '77387', ['TC'], 'hospital', 'default', '2026-03-02', ['837I/technical/'], null],
    ['hospital other code with 26', '77300', ['26'], 'hospital', 'default', '2026-03-02', ['837P/professional/26'], null],
    ['hospital other code with TC', '77300', ['TC'], 'hospital', 'default', '2026-03-02', ['837I/technical/'], null],
    ['hospital other code without either', '77300', [], 'hospital', 'default', '2026-03-02', [], 'error'],
    ['freestanding other code', '77300', [], 'freestanding', 'default', '2026-03-02', ['837P/global/'], null],
  ] as [string, string, string[], 'freestanding' | 'hospital', string, string, string[], string | null][];
  it.each(CASES)('%s', (_name, code, mods, setting, payer, dos, parts, severity) => {
    const r = componentParts(code, mods, setting, profile(payer), dos, 'charge c1');
    expect(r.parts.map((p) => `${p.format}/${p.component}/${p.modifiers.join(',')}`)).toEqual(parts);
    if (severity === null) return expect(r.findings).toEqual([]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: CLAIM_002.id, severity, subject: 'charge c1' });
  });
});
