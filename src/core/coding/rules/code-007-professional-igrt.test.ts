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
    ['robotic SBRT', { technique: 'SBRT', deliverySystem: 'robotic' }, 'G0340', false, 'SBRT'],
    ['brachytherapy', { technique: 'brachytherapy' }, null, false, 'brachytherapy'],
    ['linac SRS', { technique: 'SRS', deliverySystem: 'linac' }, '77372', false, 'radiosurgery'],
    ['cobalt SRS', { technique: 'SRS', deliverySystem: 'cobalt' }, '77371', false, 'radiosurgery'],
    ['robotic SRS', { technique: 'SRS', deliverySystem: 'robotic' }, 'G0339', false, 'robotic'],
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
