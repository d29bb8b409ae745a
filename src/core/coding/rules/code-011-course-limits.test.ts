import { describe, expect, it } from 'vitest';
import { sessionFactsSchema, type SessionFactsInput } from '../../model/session-facts.js';
import { BUNDLED_PROFILES } from '../../payers/bundled-profiles.js';
import { SEED_2026 } from '../../rates/seed-2026.js';
import { selectCodes } from '../select-codes.js';
import { CODE_011 } from './code-011-course-limits.js';

const run = (over: Partial<SessionFactsInput>) =>
  selectCodes(
    sessionFactsSchema.parse({
      dateOfService: '2026-03-02',
      placeOfService: '11',
      modality: 'photon',
      technique: 'SBRT',
      isocenters: 1,
      motionManagement: null,
      imageGuidance: null,
      deliverySystem: 'linac',
      ...over,
    }),
    { profile: BUNDLED_PROFILES[0]!, rates: SEED_2026 },
    'fraction n',
  );

// CPT 77373 "entire course not to exceed 5 fractions"; CPT 77371/77372 a course of one session (cranial SRS
// in 2–5 fractions is 77373); HCPCS G0339 first session, G0340 each additional up to 5 sessions.
describe(`${CODE_011.id} ${CODE_011.title}`, () => {
  // prettier-ignore
  const CASES = [
    // name, facts, lines, CODE-011 severity (null: no finding)
    ['SBRT fraction 5 of 5', { fractionNumber: 5, fractionsPlanned: 5 }, ['77373'], null],
    ['SBRT fraction 6: past the limit, no line', { fractionNumber: 6, fractionsPlanned: 6 }, [], 'error'],
    ['SBRT fraction 6, plan says 5', { fractionNumber: 6, fractionsPlanned: 5 }, [], 'error'],
    ['SBRT fraction 2 of a plan for 8', { fractionNumber: 2, fractionsPlanned: 8 }, ['77373'], 'warning'],
    ['SBRT machine not given, fraction 6', { deliverySystem: undefined, fractionNumber: 6 }, [], 'error'],
    ['linac SRS, one session', { technique: 'SRS', fractionNumber: 1, fractionsPlanned: 1 }, ['77372'], null],
    ['linac SRS fraction 1 of 3: 77373', { technique: 'SRS', fractionNumber: 1, fractionsPlanned: 3 }, ['77373'], null],
    ['linac SRS fraction 2, plan not given: 77373', { technique: 'SRS', fractionNumber: 2 }, ['77373'], null],
    ['cobalt SRS fraction 3 of 3: 77373', { technique: 'SRS', deliverySystem: 'cobalt', fractionNumber: 3, fractionsPlanned: 3 }, ['77373'], null],
    ['linac SRS fraction 6: past the limit', { technique: 'SRS', fractionNumber: 6, fractionsPlanned: 6 }, [], 'error'],
    ['robotic fraction 1: G0339', { deliverySystem: 'robotic', fractionNumber: 1, fractionsPlanned: 5 }, ['G0339'], null],
    ['robotic fraction 5: G0340', { deliverySystem: 'robotic', fractionNumber: 5, fractionsPlanned: 5 }, ['G0340'], null],
    ['robotic fraction 6: past the limit', { deliverySystem: 'robotic', fractionNumber: 6 }, [], 'error'],
    ['robotic SRS fraction 6: past the limit', { technique: 'SRS', deliverySystem: 'robotic', fractionNumber: 6 }, [], 'error'],
  ] as [string, Partial<SessionFactsInput>, string[], 'error' | 'warning' | null][];
  it.each(CASES)('%s', (_name, over, lines, severity) => {
    const r = run(over);
    expect(r.lines.map((l) => l.code)).toEqual(lines);
    const f = r.findings.filter((x) => x.ruleId === CODE_011.id);
    expect(f.map((x) => x.severity)).toEqual(severity ? [severity] : []);
    if (severity === 'error') {
      // The finding names the limit and where it comes from.
      expect(f[0]!.message).toMatch(/course limit of 5 sessions \((CPT 77373|HCPCS G0340)/);
      expect(r.delivery.code).toBeNull();
    }
  });
});
