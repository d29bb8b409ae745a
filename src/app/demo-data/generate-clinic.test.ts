import { beforeAll, describe, expect, it } from 'vitest';
import { courseHeaderSchema, courseSchema } from '../../core/model/course.js';
import { clinicFiles, type GeneratedClinic } from './clinic-files.js';
import {
  AMM_KINDS,
  COURSE_KINDS,
  DEFECT_KINDS,
  DEFECT_RULES,
  EVENING_SIGNER,
  FAMILY_NAMES,
  GIVEN_NAMES,
} from './clinic-model.js';
import { generateClinic } from './generate-demo-clinic.js';

async function files(g: GeneratedClinic): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for await (const f of clinicFiles(g)) out.set(f.path, Buffer.from(f.data));
  return out;
}

describe('demo clinic: determinism', () => {
  it('the same options give byte-identical files; another seed gives other files', async () => {
    const options = { patients: 6, days: 8, seed: 7 };
    const [a, b, c] = await Promise.all([
      generateClinic(options).then(files),
      generateClinic(options).then(files),
      generateClinic({ ...options, seed: 8 }).then(files),
    ]);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [path, bytes] of a) expect(bytes.equals(b.get(path)!), path).toBe(true);
    const outcome = (m: Map<string, Buffer>) => m.get('expected/outcome.json')!.toString();
    expect(outcome(c)).not.toBe(outcome(a));
    expect(a.get('courses.json')!.equals(c.get('courses.json')!)).toBe(false);
  });

  it('--now moves the export: fewer fractions delivered, the rest on the schedule', async () => {
    const full = await generateClinic({ patients: 6, days: 8, seed: 7 });
    const early = await generateClinic({
      patients: 6,
      days: 8,
      seed: 7,
      now: Date.parse('2026-03-05T12:00:00-05:00'),
    });
    expect(full.outcome.now).toBe('2026-03-11T12:00:00-04:00');
    expect(early.outcome.now).toBe('2026-03-05T12:00:00-05:00');
    const count = (g: GeneratedClinic) => g.courses.reduce((n, c) => n + c.fractions.length, 0);
    const planned = (g: GeneratedClinic) =>
      g.courses.reduce((n, c) => n + c.fractions.length + c.schedule.length, 0);
    expect(count(early)).toBeLessThan(count(full));
    expect(planned(early)).toBe(planned(full));
    for (const c of early.courses) for (const f of c.fractions) expect(f.date <= '2026-03-05').toBe(true);
  });
});

describe('demo clinic: 40 patients over 30 treatment days', () => {
  let g: GeneratedClinic;
  beforeAll(async () => {
    g = await generateClinic({ patients: 40, days: 30, seed: 1 });
  }, 30_000);

  it('spans the 2026-03-08 DST change from a Monday, exported the last day at noon', () => {
    expect(g.outcome.period).toEqual({ first: '2026-02-16', last: '2026-03-27' });
    expect(g.outcome.now).toBe('2026-03-27T12:00:00-04:00');
    const signed = g.courses.flatMap((c) =>
      c.fractions.flatMap((f) => (f.sgrtRecord?.signature ? [f.sgrtRecord.signature.signedAt] : [])),
    );
    expect(signed.some((s) => s.endsWith('-05:00'))).toBe(true);
    expect(signed.some((s) => s.endsWith('-04:00'))).toBe(true);
  });

  it('ground truth: valid course documents and headers, every kind of course, synthetic people', () => {
    for (const c of g.courses) {
      expect(courseSchema.parse(JSON.parse(JSON.stringify(c)))).toEqual(c);
      const { fractions: _f, orders: _o, necessity: _n, authorizations: _a, ...header } = c;
      expect(courseHeaderSchema.safeParse(header).success).toBe(true);
      expect(c.facility).toEqual({ timeZone: 'America/New_York', placeOfService: '11' });
      expect(c.patient.id).toMatch(/^SYN0\d{4}$/);
      const [family, given] = c.patient.name!.split(', ');
      expect(FAMILY_NAMES).toContain(family);
      expect([...GIVEN_NAMES.F, ...GIVEN_NAMES.M]).toContain(given);
      expect(Number(c.patient.birthDate!.slice(0, 4))).toBeGreaterThanOrEqual(1950);
      expect(Number(c.patient.birthDate!.slice(0, 4))).toBeLessThanOrEqual(1980);
    }
    expect(new Set(g.courses.map((c) => c.patient.id)).size).toBe(40);
    expect(new Set(g.outcome.courses.map((c) => c.kind))).toEqual(new Set(COURSE_KINDS));
    expect(new Set(g.courses.map((c) => c.payer.profile))).toEqual(
      new Set(['evicore', 'uhc', 'medicare', 'default', 'medicare-advantage']),
    );
    const sources = g.outcome.courses;
    expect(
      sources.some((c) => c.recordSource === 'csv') && sources.some((c) => c.recordSource === 'dicom'),
    ).toBe(true);
    expect(sources.some((c) => c.documentSource === 'fhir')).toBe(true);
  });

  it('payers: two Medicare Advantage patients with an authorization and no Medigap, one commercial course with none on file', () => {
    const advantage = g.courses.filter((c) => c.payer.profile === 'medicare-advantage');
    expect(advantage).toHaveLength(2);
    for (const c of advantage) {
      expect(Number(c.patient.birthDate!.slice(0, 4))).toBeLessThanOrEqual(1960);
      expect(c.authorizations).toHaveLength(1);
      expect(c.patient.otherCoverage ?? []).toEqual([]);
    }
    const unauthorized = g.courses.filter(
      (c) => c.authorizations.length === 0 && c.payer.profile !== 'medicare',
    );
    expect(unauthorized.map((c) => c.payer.profile)).toEqual([expect.stringMatching(/^(uhc|default)$/)]);
  });

  it("the evening signer's patients: records of the last morning await his signature, before the next beam-on", () => {
    const his = g.courses.filter((c) => c.physicianId === EVENING_SIGNER.id);
    expect(his.length).toBeGreaterThanOrEqual(2);
    expect(
      his.some((c) => AMM_KINDS.has(g.outcome.courses.find((o) => o.courseId === c.courseId)!.kind as never)),
    ).toBe(true);
    const lastDay = g.outcome.period.last;
    for (const c of his) {
      const last = c.fractions.find((f) => f.date === lastDay)!;
      expect(last.sgrtRecord?.signature ?? null, c.courseId).toBeNull();
      expect(last.imageGuidance?.review ?? null, c.courseId).toBeNull();
      expect(c.schedule.length, c.courseId).toBeGreaterThan(0);
    }
    const pending = g.outcome.defects.filter(
      (d) => his.some((c) => c.courseId === d.courseId) && /pending/.test(d.kind),
    );
    expect(pending.length).toBeGreaterThanOrEqual(his.length);
  });

  it('a realistic mix: 77407 the workhorse, 77412 about a third', () => {
    const delivery = g.outcome.fractions.flatMap((f) =>
      f.lines.filter((l) => /^774(02|07|12)/.test(l)).slice(0, 1),
    );
    const share = (code: string) =>
      delivery.filter((l) => l.startsWith(code)).length / g.outcome.fractions.length;
    expect(share('77407')).toBeGreaterThan(0.45);
    expect(share('77412')).toBeGreaterThan(0.2);
    expect(share('77412')).toBeLessThan(0.45);
  });

  it('every defect kind and every event kind appears', () => {
    expect(new Set(g.outcome.defects.map((d) => d.kind))).toEqual(new Set(DEFECT_KINDS));
    expect(new Set(g.outcome.events.map((e) => e.kind))).toEqual(
      new Set(['interrupted-beam', 'beam-hold', 'two-monitoring-sessions', 'alignrt-report']),
    );
  });

  it('each defect shows its rule on the fractions it concerns', () => {
    const fractions = new Map(g.outcome.fractions.map((f) => [`${f.courseId} ${f.fractionId}`, f]));
    const ammFraction = (courseId: string) =>
      AMM_KINDS.has(g.outcome.courses.find((c) => c.courseId === courseId)!.kind as never);
    for (const d of g.outcome.defects) {
      const rule = DEFECT_RULES[d.kind];
      const concerned =
        d.fractionId !== null
          ? [fractions.get(`${d.courseId} ${d.fractionId}`)!]
          : g.outcome.fractions.filter((f) => f.courseId === d.courseId);
      for (const f of concerned) {
        if (rule === null) {
          if (d.kind === 'brief-occlusion') expect(f.ruleIds, JSON.stringify(d)).not.toContain('DOC-005');
          continue;
        }
        if (d.fractionId === null && rule.startsWith('DOC') && !ammFraction(d.courseId)) continue;
        expect(f.ruleIds, JSON.stringify(d)).toContain(rule);
      }
    }
  });

  it('every held or downgraded fraction, and every rule it shows, is explained by a defect', () => {
    const STRUCTURAL = new Set(['CODE-007']); // SBRT: image guidance included in 77373
    for (const f of g.outcome.fractions) {
      const defects = g.outcome.defects.filter(
        (d) => d.courseId === f.courseId && (d.fractionId === null || d.fractionId === f.fractionId),
      );
      const explained = new Set(defects.map((d) => DEFECT_RULES[d.kind]));
      for (const rule of f.ruleIds) {
        if (STRUCTURAL.has(rule)) continue;
        expect(explained.has(rule), `${f.fractionId} ${rule}`).toBe(true);
      }
      if (f.status !== 'ready') expect(defects.length, f.fractionId).toBeGreaterThan(0);
    }
  });

  it('twice-daily lung: Medicare units, distinct sessions ~6.5 h apart, one day with a ~3 h break', () => {
    const bid = g.outcome.courses.filter((c) => c.kind === 'lung-bid');
    expect(bid.length).toBeGreaterThan(0);
    for (const c of bid) {
      expect(c.payerProfile).toBe('medicare');
      const defects = g.outcome.defects.filter((d) => d.courseId === c.courseId);
      const breaks = defects
        .filter((d) => d.kind === 'twice-daily')
        .map((d) => Number(/([\d.]+) h/.exec(d.detail)![1]));
      expect(breaks.every((h) => h > 6.2 && h < 7)).toBe(true);
      const short = defects.filter((d) => d.kind === 'twice-daily-short-break');
      if (c.fractionsDelivered >= 4) expect(short).toHaveLength(1);
      for (const d of short) {
        expect(Number(/([\d.]+) h/.exec(d.detail)![1])).toBeLessThan(3.3);
        expect(g.outcome.fractions.find((f) => f.fractionId === d.fractionId)!.lines).toEqual([]);
      }
    }
  });
});
