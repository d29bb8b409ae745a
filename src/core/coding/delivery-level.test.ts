import { describe, expect, it } from 'vitest';
import { sessionFactsSchema, type SessionFacts, type SessionFactsInput } from '../model/session-facts.js';
import { deliveryLevel } from './delivery-level.js';

const BASE: SessionFactsInput = {
  dateOfService: '2026-03-02',
  placeOfService: '11',
  modality: 'photon',
  technique: '3D',
  isocenters: 1,
  motionManagement: null,
  imageGuidance: null,
};
const facts = (over: Partial<SessionFactsInput> = {}): SessionFacts =>
  sessionFactsSchema.parse({ ...BASE, ...over });

const AMM = {
  method: 'SGRT',
  system: 'AlignRT',
  phase: 'intrafraction',
  beamHold: true,
  thresholds: { translationCm: 0.3, rotationDeg: 3 },
} as const;
const SETUP = { method: 'SGRT', phase: 'setup-only', beamHold: true } as const;
const NO_HOLD = { method: 'gating', phase: 'intrafraction', beamHold: false } as const;

describe('deliveryLevel', () => {
  // prettier-ignore
  const LEVELS = [
    // name, overrides, code, rule, byMotionManagement, findings (ruleId:severity)
    ['single electron field', { modality: 'electron', technique: '2D' }, '77402', 'CODE-003', false, []],
    ['multiple electron fields', { modality: 'electron', technique: '3D', isocenters: 2 }, '77402', 'CODE-003', false, []],
    ['2D photons', { technique: '2D' }, '77402', 'CODE-003', false, []],
    ['2D photons + AMM', { technique: '2D', motionManagement: AMM }, '77402', 'CODE-003', false, ['CODE-006:info']],
    ['2D photons + AMM without hold', { technique: '2D', motionManagement: NO_HOLD }, '77402', 'CODE-003', false, ['CODE-006:info']],
    ['2D photons + set-up SGRT', { technique: '2D', motionManagement: SETUP }, '77402', 'CODE-003', false, []],
    ['3D', {}, '77407', 'CODE-004', false, []],
    ['IMRT', { technique: 'IMRT' }, '77407', 'CODE-004', false, []],
    ['VMAT', { technique: 'VMAT' }, '77407', 'CODE-004', false, []],
    ['3D + set-up SGRT (even with beamHold true)', { motionManagement: SETUP }, '77407', 'CODE-004', false, ['CODE-006:warning']],
    ['IMRT + intrafraction, no hold', { technique: 'IMRT', motionManagement: NO_HOLD }, '77407', 'CODE-004', false, ['CODE-006:warning']],
    ['3D + AMM', { motionManagement: AMM }, '77412', 'CODE-005', true, []],
    ['IMRT + AMM', { technique: 'IMRT', motionManagement: AMM }, '77412', 'CODE-005', true, []],
    ['VMAT + AMM', { technique: 'VMAT', motionManagement: AMM }, '77412', 'CODE-005', true, []],
    ['2D, 2 isocenters', { technique: '2D', isocenters: 2 }, '77412', 'CODE-005', false, []],
    ['3D, 2 isocenters', { isocenters: 2 }, '77412', 'CODE-005', false, []],
    ['IMRT, 4 isocenters + AMM', { technique: 'IMRT', isocenters: 4, motionManagement: AMM }, '77412', 'CODE-005', false, []],
    ['TSET', { modality: 'electron', technique: 'TSET' }, '77412', 'CODE-005', false, []],
    ['mixed electron/photon', { modality: 'mixed' }, '77412', 'CODE-005', false, []],
  ] as [string, Partial<SessionFactsInput>, string, string, boolean, string[]][];
  it.each(LEVELS)('%s → %s', (_name, over, code, ruleId, byMM, findings) => {
    const d = deliveryLevel(facts(over), 'f1');
    expect(d).toMatchObject({ code, ruleId, byMotionManagement: byMM });
    expect(d.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(findings);
    expect(d.findings.every((f) => f.subject === 'f1')).toBe(true);
  });

  it('a multi-isocenter reason names the isocenter count', () => {
    expect(deliveryLevel(facts({ isocenters: 3 }), 'f').reason).toContain('3 isocenters');
  });

  it('the shortfall warning carries method, phase and beam hold as evidence', () => {
    const [f] = deliveryLevel(facts({ motionManagement: NO_HOLD }), 'f').findings;
    expect(f?.evidence).toEqual({ method: 'gating', phase: 'intrafraction', beamHold: false });
    expect(f?.message).toMatch(/^Not 77412: gating monitored during delivery but could not hold the beam/);
  });
});
