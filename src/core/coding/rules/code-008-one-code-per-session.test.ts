import { describe, expect, it } from 'vitest';
import { sessionFactsSchema, type SessionFactsInput } from '../../model/session-facts.js';
import { BUNDLED_PROFILES } from '../../payers/bundled-profiles.js';
import type { PayerProfile } from '../../payers/payer-profile.js';
import { CODE_008, sessionRule } from './code-008-one-code-per-session.js';

const facts = (over: Partial<SessionFactsInput>) =>
  sessionFactsSchema.parse({
    dateOfService: '2026-03-02',
    placeOfService: '11',
    modality: 'photon',
    technique: 'IMRT',
    isocenters: 1,
    motionManagement: null,
    imageGuidance: null,
    ...over,
  });
const profile = (id: string): PayerProfile => BUNDLED_PROFILES.find((p) => p.id === id)!;

describe('sessionRule (CODE-008)', () => {
  // prettier-ignore
  const CASES = [
    // name, sessionsToday, hours since previous, profile, bill, modifiers, finding severity
    ['only session', 1, null, 'default', true, [], null],
    ['first of two', 2, null, 'default', true, [], null],
    ['one session, stray hours given', 1, 7, 'default', true, [], null],
    ['2nd, 7 h, default', 2, 7, 'default', true, ['76'], 'info'],
    ['2nd, 7 h, uhc', 2, 7, 'uhc', true, ['76'], 'info'],
    ['2nd, 7 h, medicare (units)', 2, 7, 'medicare', true, [], 'info'],
    ['2nd, exactly 6 h', 2, 6, 'default', true, ['76'], 'info'],
    ['2nd, 5.99 h', 2, 5.99, 'default', false, [], 'warning'],
    ['2nd, 3 h', 2, 3, 'default', false, [], 'warning'],
    ['2nd, 3 h, medicare', 2, 3, 'medicare', false, [], 'warning'],
    ['2nd, 0 h', 2, 0, 'default', false, [], 'warning'],
    ['3rd of three, 8 h', 3, 8, 'default', true, ['76'], 'info'],
  ] as [string, number, number | null, string, boolean, string[], string | null][];
  it.each(CASES)(
    '%s',
    (_name, sessionsToday, hoursSincePreviousSession, profileId, bill, modifiers, severity) => {
      const d = sessionRule(facts({ sessionsToday, hoursSincePreviousSession }), profile(profileId), 'f1');
      expect(d.bill).toBe(bill);
      expect(d.modifiers).toEqual(modifiers);
      if (severity === null) return expect(d.finding).toBeNull();
      expect(d.finding).toMatchObject({ ruleId: CODE_008.id, severity, subject: 'f1' });
    },
  );

  it('follows the profile break length', () => {
    const strict: PayerProfile = { ...profile('default'), id: 'eight-hours', breakHours: 8 };
    expect(sessionRule(facts({ sessionsToday: 2, hoursSincePreviousSession: 7 }), strict, 'f').bill).toBe(
      false,
    );
    expect(sessionRule(facts({ sessionsToday: 2, hoursSincePreviousSession: 8 }), strict, 'f').bill).toBe(
      true,
    );
  });

  it('the units message names the payer', () => {
    const d = sessionRule(
      facts({ sessionsToday: 2, hoursSincePreviousSession: 7 }),
      profile('medicare'),
      'f',
    );
    expect(d.finding?.message).toContain('Medicare');
    expect(d.finding?.message).toContain('7.0 h');
  });
});
