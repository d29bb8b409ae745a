import { describe, expect, it } from 'vitest';
import { encounterDiagnoses } from './claim-007-encounter-diagnoses.js';

// ICD-10-CM guideline I.C.2.e.2: Z51.0 first-listed on the facility's radiation therapy encounter.
describe('CLAIM-007 encounter diagnoses', () => {
  it.each([
    ['837I', ['C50.911'], ['Z510', 'C50911']],
    ['837I', ['C50.911', 'C61'], ['Z510', 'C50911', 'C61']],
    ['837I', ['Z51.0', 'C61'], ['Z510', 'C61']],
    ['837P', ['C50.911', 'C61'], ['C50911', 'C61']],
    ['837P', ['C61', 'C61'], ['C61']],
  ] as const)('%s %j → %j', (format, codes, expected) => {
    expect(encounterDiagnoses(format, codes)).toEqual(expected);
  });
});
