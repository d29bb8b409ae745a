import { describe, expect, it } from 'vitest';
import { checkDiagnosisCodes } from '../../core/claims/diagnosis-checks.js';
import { readIcd10cm } from '../../formats/cms/read-icd10cm.js';
import { treatmentDays } from '../demo-data/clinic-time.js';
import { generateCourses } from '../demo-data/generate-courses.js';
import { DEMO_CLINIC } from './demo-practice.js';
import { DEMO_ICD10CM_FILE } from './demo-reference.js';

describe('the demo ICD-10-CM release', () => {
  const read = readIcd10cm(DEMO_ICD10CM_FILE.bytes, DEMO_ICD10CM_FILE.name);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  const release = {
    id: 'ICD10CM-FY2026',
    effectiveFrom: '2025-10-01',
    effectiveTo: '2026-09-30',
    codes: new Map(read.value.rows.map((r) => [r.code, r.billable])),
  };
  const courses = generateCourses(DEMO_CLINIC.seed, DEMO_CLINIC.patients, treatmentDays(DEMO_CLINIC.days));

  it('is an order file the reader takes whole', () => {
    expect(read.warnings).toEqual([]);
    expect(read.value.layout).toBe('order');
  });

  it("validates every demo course's diagnosis, and Z51.0, on every treatment day", () => {
    const items = courses.flatMap((c) =>
      c.fractions.flatMap((f, i) => [
        {
          location: `${c.courseId} fraction ${i + 1}`,
          code: c.diagnosis,
          dateOfService: f.date,
          site: c.site,
        },
        { location: `${c.courseId} fraction ${i + 1}`, code: 'Z51.0', dateOfService: f.date },
      ]),
    );
    expect(new Set(courses.map((c) => c.diagnosis)).size).toBeGreaterThan(5);
    const r = checkDiagnosisCodes(items, [release]);
    expect(r.problems).toEqual([]);
    // Warnings: only laterality, of the two bilateral lung courses coded C34.90 (never "not loaded").
    for (const w of r.warnings) expect(w.message).toMatch(/^C34\.\d+ .*I\.B\.13/);
  });
});
