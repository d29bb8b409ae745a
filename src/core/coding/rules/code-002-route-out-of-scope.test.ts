import { describe, expect, it } from 'vitest';
import { sessionFactsSchema, type SessionFactsInput } from '../../model/session-facts.js';
import { CODE_002, routeOutOfScope } from './code-002-route-out-of-scope.js';

const facts = (over: Partial<SessionFactsInput>) =>
  sessionFactsSchema.parse({
    dateOfService: '2026-03-02',
    placeOfService: '11',
    modality: 'photon',
    technique: '3D',
    isocenters: 1,
    motionManagement: null,
    imageGuidance: null,
    ...over,
  });

describe('routeOutOfScope (CODE-002)', () => {
  // prettier-ignore
  const ROUTED = [
    // name, overrides, code (null: no code, warning naming the family), text in the warning
    ['SRS linac', { technique: 'SRS', deliverySystem: 'linac' }, '77372', null],
    ['SRS cobalt', { technique: 'SRS', deliverySystem: 'cobalt' }, '77371', null],
    ['SRS robotic fx 1', { technique: 'SRS', deliverySystem: 'robotic', fractionNumber: 1 }, 'G0339', null],
    ['SRS robotic fx 2', { technique: 'SRS', deliverySystem: 'robotic', fractionNumber: 2 }, 'G0340', null],
    ['SRS robotic, no fx', { technique: 'SRS', deliverySystem: 'robotic' }, null, 'G0339 first, G0340 subsequent'],
    ['SRS, no machine', { technique: 'SRS' }, null, '77371 cobalt, 77372 linac'],
    ['SBRT linac', { technique: 'SBRT', deliverySystem: 'linac' }, '77373', null],
    ['SBRT, no machine', { technique: 'SBRT' }, '77373', null],
    ['SBRT robotic fx 1', { technique: 'SBRT', deliverySystem: 'robotic', fractionNumber: 1 }, 'G0339', null],
    ['SBRT robotic fx 4', { technique: 'SBRT', deliverySystem: 'robotic', fractionNumber: 4 }, 'G0340', null],
    ['SBRT robotic, no fx', { technique: 'SBRT', deliverySystem: 'robotic' }, null, 'robotic SRS/SBRT'],
    ['protons', { modality: 'proton', technique: 'IMRT' }, null, 'proton (77520/77522/77523/77525)'],
    ['proton SRS', { modality: 'proton', technique: 'SRS', deliverySystem: 'linac' }, null, 'proton'],
    ['brachytherapy', { technique: 'brachytherapy' }, null, 'brachytherapy (77750–77799)'],
    ['superficial', { modality: 'superficial', technique: '2D' }, null, 'superficial/orthovoltage (77436–77439)'],
    ['orthovoltage', { modality: 'orthovoltage', technique: '2D' }, null, 'superficial/orthovoltage'],
  ] as [string, Partial<SessionFactsInput>, string | null, string | null][];
  it.each(ROUTED)('%s → %s', (_name, over, code, family) => {
    const r = routeOutOfScope(facts(over), 'f1');
    expect(r).not.toBeNull();
    expect(r?.code).toBe(code);
    if (code !== null) return expect(r?.finding).toBeNull();
    expect(r?.finding).toMatchObject({ ruleId: CODE_002.id, severity: 'warning', subject: 'f1' });
    expect(r?.finding?.message).toContain(family);
    expect(r?.finding?.message).toContain('not 77402/77407/77412');
  });

  // prettier-ignore
  const IN_FAMILY = [
    ['3D photons', {}],
    ['IMRT', { technique: 'IMRT' }],
    ['VMAT', { technique: 'VMAT' }],
    ['2D', { technique: '2D' }],
    ['electrons', { modality: 'electron', technique: '2D' }],
    ['TSET', { modality: 'electron', technique: 'TSET' }],
    ['mixed', { modality: 'mixed' }],
    ['linac named for a 3D course', { deliverySystem: 'linac' }],
  ] as [string, Partial<SessionFactsInput>][];
  it.each(IN_FAMILY)('%s stays in the three-level family', (_name, over) => {
    expect(routeOutOfScope(facts(over), 'f1')).toBeNull();
  });
});
