import { describe, expect, it } from 'vitest';
import { sessionFactsSchema } from '../../model/session-facts.js';
import { checkCodeSetYear, CODE_001 } from './code-001-code-set-year.js';

const facts = (dateOfService: string) =>
  sessionFactsSchema.parse({
    dateOfService,
    placeOfService: '11',
    modality: 'photon',
    technique: '3D',
    isocenters: 1,
    motionManagement: null,
    imageGuidance: null,
  });

describe('checkCodeSetYear (CODE-001)', () => {
  // prettier-ignore
  const DATES: [name: string, dateOfService: string, error: boolean][] = [
    ['last day of 2025', '2025-12-31', true],
    ['mid 2025', '2025-07-15', true],
    ['first day of 2026', '2026-01-01', false],
    ['last day of 2026', '2026-12-31', false],
  ];
  it.each(DATES)('%s (%s) → error %s', (_name, dateOfService, error) => {
    const f = checkCodeSetYear(facts(dateOfService), 'f1');
    if (!error) return expect(f).toBeNull();
    expect(f).toMatchObject({
      ruleId: CODE_001.id,
      severity: 'error',
      subject: 'f1',
      evidence: { dateOfService },
    });
    expect(f?.fix).toMatch(/2025 code set/);
  });
});
