import { describe, expect, it } from 'vitest';
import { reviewedModality } from './fhir-documents.js';

describe('reviewedModality: the imaging an image review names in its type, description or text', () => {
  it.each<[string, string | undefined]>([
    ['Fraction 3: kV images reviewed.', 'kV'],
    ['Fraction 1: cone-beam CT reviewed.', 'CBCT'],
    ['kV CBCT matched to the planning CT', 'CBCT'],
    ['MV portal image approved', 'MV'],
    ['EPID review', 'MV'],
    ['SGRT surface imaging reviewed', 'surface'],
    // Nothing named, or two different imagings named: unknown, never a guess.
    ['IGRT review\nFraction 2: image guidance reviewed.', undefined],
    ['kV and MV images reviewed', undefined],
  ])('%j → %s', (text, modality) => {
    expect(reviewedModality(text)).toBe(modality);
  });
});
