import { describe, expect, it } from 'vitest';
import { sessionFactsSchema, type SessionFactsInput } from '../../model/session-facts.js';
import { BUNDLED_PROFILES } from '../../payers/bundled-profiles.js';
import { SEED_2026 } from '../../rates/seed-2026.js';
import { selectCodes } from '../select-codes.js';
import { CODE_012 } from './code-012-thresholds-stated.js';

const MM = { method: 'SGRT', system: 'AlignRT', phase: 'intrafraction', beamHold: true } as const;
const run = (mm: SessionFactsInput['motionManagement']) =>
  selectCodes(
    sessionFactsSchema.parse({
      dateOfService: '2026-03-02',
      placeOfService: '11',
      modality: 'photon',
      technique: 'VMAT',
      isocenters: 1,
      motionManagement: mm,
      imageGuidance: null,
    }),
    { profile: BUNDLED_PROFILES[0]!, rates: SEED_2026 },
    'fraction 1',
  );

// Seed: paused when out of tolerance; domain.md §3.3 elements 3 and 5 (thresholds; what triggers a hold).
describe(`${CODE_012.id} ${CODE_012.title}`, () => {
  // prettier-ignore
  const CASES = [
    ['beam hold, thresholds given', { ...MM, thresholds: { translationCm: 0.3, rotationDeg: 3 } }, false],
    ['beam hold, rotation threshold only', { ...MM, thresholds: { rotationDeg: 3 } }, false],
    ['beam hold, no thresholds field', MM, true],
    ['beam hold, thresholds null', { ...MM, thresholds: null }, true],
    ['beam hold, thresholds both null', { ...MM, thresholds: { translationCm: null, rotationDeg: null } }, true],
    ['no beam hold (not 77412 anyway)', { ...MM, beamHold: false }, false],
    ['set-up only', { ...MM, phase: 'setup-only' }, false],
  ] as [string, SessionFactsInput['motionManagement'], boolean][];
  it.each(CASES)('%s', (_name, mm, warns) => {
    const r = run(mm);
    expect(r.findings.filter((f) => f.ruleId === CODE_012.id).map((f) => f.severity)).toEqual(
      warns ? ['warning'] : [],
    );
    // A warning, not a recode: the line stays what the criteria give.
    if (warns) expect(r.lines.map((l) => l.code)).toEqual(['77412', '77387']);
  });
});
