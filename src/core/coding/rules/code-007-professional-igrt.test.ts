import { describe, expect, it } from 'vitest';
import { sessionFactsSchema, type SessionFactsInput } from '../../model/session-facts.js';
import { CODE_007, professionalIgrt } from './code-007-professional-igrt.js';

const facts = (over: Partial<SessionFactsInput>) =>
  sessionFactsSchema.parse({
    dateOfService: '2026-03-02',
    placeOfService: '11',
    modality: 'photon',
    technique: 'IMRT',
    isocenters: 1,
    motionManagement: null,
    imageGuidance: { performed: true, physicianReviewed: true },
    ...over,
  });

describe('professionalIgrt (CODE-007)', () => {
  // prettier-ignore
  const CASES = [
    // name, overrides, delivery code, bill, warning text (null: no finding)
    ['performed + reviewed', {}, '77407', true, null],
    ['performed + reviewed with 77412', {}, '77412', true, null],
    ['performed + reviewed with 77402', { technique: '2D' }, '77402', true, null],
    ['not reviewed', { imageGuidance: { performed: true, physicianReviewed: false } }, '77407', false, 'not reviewed'],
    ['not performed', { imageGuidance: { performed: false, physicianReviewed: true } }, '77407', false, null],
    ['no record', { imageGuidance: null }, '77407', false, null],
    ['SBRT technique', { technique: 'SBRT' }, '77373', false, '77373 includes image guidance'],
    ['77373 delivery code', { technique: 'SBRT', deliverySystem: 'linac' }, '77373', false, 'SBRT'],
    ['robotic SBRT, a later session', { technique: 'SBRT', deliverySystem: 'robotic' }, 'G0340', false, 'No 77387 with robotic stereotactic delivery: G0340 includes image guidance.'],
    ['robotic SBRT, the first session', { technique: 'SBRT', deliverySystem: 'robotic' }, 'G0339', false, ': G0339 includes image guidance.'],
    ['robotic SBRT past the course limit (no line)', { technique: 'SBRT', deliverySystem: 'robotic' }, null, false, ': G0339/G0340 includes image guidance.'],
    ['fractionated linac SRS (77373)', { technique: 'SRS', deliverySystem: 'linac' }, '77373', false, 'No 77387 with fractionated SRS: 77373 includes image guidance.'],
    ['brachytherapy', { technique: 'brachytherapy' }, null, false, 'brachytherapy'],
    ['linac SRS', { technique: 'SRS', deliverySystem: 'linac' }, '77372', false, 'radiosurgery: 77372 includes image guidance.'],
    ['cobalt SRS', { technique: 'SRS', deliverySystem: 'cobalt' }, '77371', false, 'radiosurgery: 77371 includes image guidance.'],
    ['robotic SRS', { technique: 'SRS', deliverySystem: 'robotic' }, 'G0339', false, 'robotic stereotactic delivery: G0339 includes'],
    ['SBRT not reviewed', { technique: 'SBRT', imageGuidance: { performed: true, physicianReviewed: false } }, '77373', false, 'SBRT'],
  ] as [string, Partial<SessionFactsInput>, string | null, boolean, string | null][];
  it.each(CASES)('%s', (_name, over, delivery, bill, warning) => {
    const d = professionalIgrt(facts(over), 'f1', delivery);
    expect(d.bill).toBe(bill);
    if (d.bill) return;
    if (warning === null) return expect(d.finding).toBeNull();
    expect(d.finding).toMatchObject({ ruleId: CODE_007.id, severity: 'warning', subject: 'f1' });
    expect(d.finding?.message).toContain(warning);
  });
});

describe('professionalIgrt (CODE-007): 77387-26 on surface-guided intrafraction tracking', () => {
  // Seed: 77387 "Guidance for localization of target volume …, includes intrafraction tracking, when performed".
  const SGRT = { method: 'DIBH', system: 'AlignRT', phase: 'intrafraction', beamHold: true } as const;
  // prettier-ignore
  const CASES = [
    // name, overrides, payer setting, delivery code, expected basis (null: not billed)
    ['SGRT tracking alone, setting on', { imageGuidance: null, motionManagement: SGRT }, true, '77412', ['sgrt-tracking']],
    ['SGRT tracking alone, setting off', { imageGuidance: null, motionManagement: SGRT }, false, '77412', null],
    ['SGRT tracking without beam hold (77407)', { imageGuidance: null, motionManagement: { ...SGRT, beamHold: false } }, true, '77407', ['sgrt-tracking']],
    ['"surface guidance" method, no system', { imageGuidance: null, motionManagement: { method: 'surface guidance', phase: 'intrafraction', beamHold: true } }, true, '77412', ['sgrt-tracking']],
    ['SGRT for set-up only', { imageGuidance: null, motionManagement: { ...SGRT, phase: 'setup-only' } }, true, '77407', null],
    ['RPM gating is not surface guidance', { imageGuidance: null, motionManagement: { method: 'gating', system: 'RPM', phase: 'intrafraction', beamHold: true } }, true, '77412', null],
    ['image review and SGRT tracking', { motionManagement: SGRT }, true, '77412', ['image-review', 'sgrt-tracking']],
    ['unreviewed imaging, SGRT tracking', { imageGuidance: { performed: true, physicianReviewed: false }, motionManagement: SGRT }, true, '77412', ['sgrt-tracking']],
    ['SGRT tracking with SBRT (77373 includes it)', { technique: 'SBRT', imageGuidance: null, motionManagement: SGRT }, true, '77373', null],
  ] as [string, Partial<SessionFactsInput>, boolean, string, string[] | null][];
  it.each(CASES)('%s', (_name, over, setting, delivery, basis) => {
    const d = professionalIgrt(facts(over), 'f1', delivery, setting);
    expect(d.bill ? d.basis : null).toEqual(basis);
    if (!d.bill) return;
    // The finding says which evidence supports the line when it is the tracking record alone.
    if (basis?.[0] === 'sgrt-tracking') {
      expect(d.finding).toMatchObject({
        ruleId: CODE_007.id,
        severity: 'info',
        evidence: { basis: 'sgrt-tracking' },
      });
    } else expect(d.finding).toBeNull();
  });
});

describe('professionalIgrt (CODE-007): a payer that does not accept SGRT tracking as image guidance', () => {
  // Payer profile sgrtTrackingSupportsIgrt false; seed: 77387 "includes intrafraction tracking, when performed".
  const SGRT = { method: 'DIBH', system: 'AlignRT', phase: 'intrafraction', beamHold: true } as const;
  const NOT_REVIEWED = { performed: true, physicianReviewed: false };
  // prettier-ignore
  const CASES = [
    // name, overrides, delivery code, expected finding (null: none), or the basis billed
    ['tracking alone', { imageGuidance: null, motionManagement: SGRT }, '77412', { severity: 'info', fix: 'An image review of the date' }],
    ['imaging not performed', { imageGuidance: { performed: false, physicianReviewed: false }, motionManagement: SGRT }, '77412', { severity: 'info', fix: 'An image review of the date' }],
    ['imaging not reviewed yet', { imageGuidance: NOT_REVIEWED, motionManagement: SGRT }, '77412', { severity: 'warning', fix: 'review and sign the image guidance' }],
    ['reviewed image supports it', { motionManagement: SGRT }, '77412', ['image-review']],
    ['SBRT: 77373 includes guidance, nothing to say', { technique: 'SBRT', imageGuidance: null, motionManagement: SGRT }, '77373', null],
    ['set-up SGRT is not tracking', { imageGuidance: null, motionManagement: { ...SGRT, phase: 'setup-only' } }, '77407', null],
  ] as [string, Partial<SessionFactsInput>, string, { severity: string; fix: string } | string[] | null][];
  it.each(CASES)('%s', (_name, over, delivery, expected) => {
    const d = professionalIgrt(facts(over), 'f1', delivery, false);
    if (Array.isArray(expected)) return expect(d.bill ? d.basis : null).toEqual(expected);
    expect(d.bill).toBe(false);
    if (expected === null) return expect(d.finding).toBeNull();
    expect(d.finding).toMatchObject({
      ruleId: CODE_007.id,
      severity: expected.severity,
      evidence: { basis: 'sgrt-tracking', payerSetting: 'sgrtTrackingSupportsIgrt: false' },
    });
    expect(d.finding?.message).toContain('does not accept surface-guided intrafraction tracking');
    expect(d.finding?.evidence?.source).toContain('seed');
    expect(d.finding?.fix).toContain(expected.fix);
  });
});
