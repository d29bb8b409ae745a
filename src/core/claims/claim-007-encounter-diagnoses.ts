/**
 * CLAIM-007: the diagnoses a claim lists and the order it lists them in. A facility (837I) claim for
 * radiation therapy delivery is an encounter chiefly for external beam radiation therapy: Z51.0
 * (encounter for antineoplastic radiation therapy) is the first-listed diagnosis and the cancer codes
 * follow [ICD-10-CM Official Guidelines for Coding and Reporting FY2026, section I.C.2.e.2; domain.md §6.2].
 * The professional claim lists the cancer codes. Codes are written without the dot.
 */
import type { RuleMeta } from '../model/rule.js';

export const CLAIM_007: RuleMeta = {
  id: 'CLAIM-007',
  title:
    'The 837I of a radiation therapy encounter lists Z51.0 first and the cancer codes after it; the 837P lists the cancer codes, each line pointing at its course’s',
  severity: 'error',
  source:
    'ICD-10-CM Official Guidelines for Coding and Reporting FY2026, I.C.2.e.2 [C]; 837I/837P TR3 HI, SV107 [S]',
};

export const RADIATION_THERAPY_ENCOUNTER = 'Z510';

export function encounterDiagnoses(format: '837P' | '837I', cancerCodes: readonly string[]): string[] {
  const codes = [...new Set(cancerCodes.map((c) => c.replace('.', '').toUpperCase()))];
  if (format === '837P') return codes;
  return [RADIATION_THERAPY_ENCOUNTER, ...codes.filter((c) => c !== RADIATION_THERAPY_ENCOUNTER)];
}
