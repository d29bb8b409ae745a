import { describe, expect, it } from 'vitest';
import { BUNDLED_PROFILES } from '../bundled-profiles.js';
import { igrtModifiers, PAYER_001 } from './payer-001-igrt-modifier.js';

const profile = (id: string) => BUNDLED_PROFILES.find((p) => p.id === id)!;

describe('igrtModifiers (PAYER-001)', () => {
  it.each([
    // profile, date of service, modifiers, finding
    ['default', '2026-01-05', ['26'], false],
    ['medicare', '2026-01-05', ['26'], false],
    ['evicore', '2026-01-05', ['26'], false],
    ['uhc', '2026-02-15', ['26'], false], // 'either': 26 is accepted, so keep it
    ['uhc', '2026-03-01', ['26'], false], // 'required'
    ['commercial-omit-26', '2026-01-05', [], true],
    ['commercial-omit-26', '2026-11-30', [], true],
  ] as [string, string, string[], boolean][])('%s on %s → %j', (id, date, modifiers, finding) => {
    const r = igrtModifiers(profile(id), date, 'f1');
    expect(r.modifiers).toEqual(modifiers);
    if (!finding) return expect(r.finding).toBeNull();
    expect(r.finding).toMatchObject({
      ruleId: PAYER_001.id,
      severity: 'info',
      subject: 'f1',
      evidence: { payer: id, rule: 'omit' },
    });
  });
});
