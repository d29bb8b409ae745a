import { describe, expect, it } from 'vitest';
import { DEMO_CLINIC } from '../setup/demo-practice.js';
import { DEMO_HOSPITAL_CLINIC } from '../setup/demo-hospital.js';
import { buildClinic } from './build-clinic.js';
import { DIBH_ONLY } from './chart-texts.js';

/*
 * Every demo course's necessity statement agrees with its plan (issue "Demo necessity texts are internally
 * consistent"): the fraction count it states (the boost's included) is the plan's, each "X Gy in N
 * fractions" is a usual dose per fraction (1.8–3 Gy: conventional to moderate hypofractionation, as the
 * START B and Whelan schedules chart-texts.ts names), the thresholds are the plan's motion management, the
 * side is the course's. The two demo practices' clinics, as `practice demo` creates them.
 */
describe.each([
  ['the freestanding demo', DEMO_CLINIC],
  ['the hospital demo', DEMO_HOSPITAL_CLINIC],
])('%s: necessity statements match their plans', (_, options) => {
  const courses = buildClinic(options).courses.filter((c) => c.necessity && c.necessity.text !== DIBH_ONLY);

  it('has statements to check', () => expect(courses.length).toBeGreaterThan(0));

  it.each(courses.map((c) => [c.courseId, c] as const))('%s', (_id, c) => {
    const text = c.necessity!.text;
    const doses = [...text.matchAll(/([\d.]+) Gy (?:boost )?in (\d+) fractions/g)];
    const total = /\((\d+) fractions\)/.exec(text)?.[1];
    const stated = total
      ? Number(total)
      : doses.length
        ? doses.reduce((n, m) => n + Number(m[2]), 0)
        : Number(/(\d+) fractions/.exec(text)?.[1]);
    expect(stated).toBe(c.plan.fractionsPlanned);
    expect(doses.reduce((n, m) => n + Number(m[2]), 0)).toBe(doses.length ? c.plan.fractionsPlanned : 0);
    for (const [, gy, n] of doses) {
      expect(Number(gy) / Number(n)).toBeGreaterThanOrEqual(1.8);
      expect(Number(gy) / Number(n)).toBeLessThanOrEqual(3);
    }
    const t = c.plan.motionManagement?.thresholds;
    if (t)
      expect(text).toContain(`${t.translationCm! * 10} mm translation and ${t.rotationDeg} degree rotation`);
    if (c.site.laterality === 'left' || c.site.laterality === 'right')
      expect(text.toLowerCase()).toContain(`${c.site.laterality} breast`);
  });
});
