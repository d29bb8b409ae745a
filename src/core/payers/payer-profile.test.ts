import { describe, expect, it } from 'vitest';
import { BUNDLED_PROFILES } from './bundled-profiles.js';
import { modifier26RuleOn, type PayerProfile, payerProfileSchema } from './payer-profile.js';

const profile = (id: string): PayerProfile => BUNDLED_PROFILES.find((p) => p.id === id)!;

describe('bundled profiles', () => {
  it.each(BUNDLED_PROFILES.map((p) => [p.id, p] as const))('%s parses with the profile schema', (_id, p) => {
    expect(payerProfileSchema.parse(p)).toEqual(p);
  });

  it('ids are unique and include the default profile', () => {
    const ids = BUNDLED_PROFILES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(['default', 'medicare', 'uhc', 'evicore', 'commercial-omit-26']),
    );
  });

  // prettier-ignore
  const PROFILE_SHAPES: [id: string, twiceDaily: string, criteria: string, limits: PayerProfile['fractionLimits']][] = [
    // id, twiceDaily, amm77412Criteria, fraction limits
    ['default', 'modifier-76', 'cpt', []],
    ['medicare', 'units', 'cpt', []],
    ['uhc', 'modifier-76', 'cpt', []],
    ['evicore', 'modifier-76', 'evicore-breast', []],
    ['commercial-omit-26', 'modifier-76', 'cpt', [{ code: '77412', maxFractions: 25 }]],
  ];
  it.each(PROFILE_SHAPES)(
    '%s: twice daily %s, 77412 criteria %s',
    (id, twiceDaily, amm77412Criteria, fractionLimits) => {
      expect(profile(id)).toMatchObject({ twiceDaily, amm77412Criteria, fractionLimits, breakHours: 6 });
    },
  );

  it('rejects a profile with an unknown modifier rule or no modifier rule', () => {
    const bad = { ...profile('default'), igrtModifier26: [{ from: '2026-01-01', rule: 'sometimes' }] };
    expect(payerProfileSchema.safeParse(bad).success).toBe(false);
    expect(payerProfileSchema.safeParse({ ...profile('default'), igrtModifier26: [] }).success).toBe(false);
    expect(payerProfileSchema.safeParse({ ...profile('default'), id: 'Has Spaces' }).success).toBe(false);
  });
});

describe('modifier26RuleOn', () => {
  const custom: PayerProfile = {
    ...profile('default'),
    id: 'custom',
    // Deliberately out of order: the latest `from` on or before the date wins.
    igrtModifier26: [
      { from: '2026-07-01', rule: 'required' },
      { from: '2026-01-01', rule: 'either' },
      { from: '2026-04-01', rule: 'omit' },
    ],
  };
  const profiles = [...BUNDLED_PROFILES, custom];

  // prettier-ignore
  const RULES_ON = [
    ['uhc', '2026-01-01', 'either'],
    ['uhc', '2026-02-15', 'either'],
    ['uhc', '2026-02-28', 'either'],
    ['uhc', '2026-03-01', 'required'],
    ['uhc', '2026-12-31', 'required'],
    ['uhc', '2025-12-31', 'required'],
    ['default', '2026-02-15', 'required'],
    ['medicare', '2026-02-15', 'required'],
    ['evicore', '2026-05-01', 'required'],
    ['commercial-omit-26', '2026-01-01', 'omit'],
    ['commercial-omit-26', '2026-12-31', 'omit'],
    ['custom', '2026-03-31', 'either'],
    ['custom', '2026-04-01', 'omit'],
    ['custom', '2026-06-30', 'omit'],
    ['custom', '2026-07-01', 'required'],
  ];
  it.each(RULES_ON)('%s on %s → %s', (id, date, rule) => {
    expect(
      modifier26RuleOn(
        profiles.find((p) => p.id === id)!,
        date,
      ),
    ).toBe(rule);
  });

  it('on the same `from`, the later entry wins', () => {
    const twice: PayerProfile = {
      ...profile('default'),
      igrtModifier26: [
        { from: '2026-01-01', rule: 'required' },
        { from: '2026-01-01', rule: 'omit' },
      ],
    };
    expect(modifier26RuleOn(twice, '2026-01-02')).toBe('omit');
  });
});
