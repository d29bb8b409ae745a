import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  additionsFor,
  type CourseSpec,
  courseFromSpec,
  courseSpecArb,
} from '../../../test/support/course-arbitrary.js';
import { epochAt, PROFILES, runAudit, type Course } from '../../../test/support/course-builder.js';
import type { CourseAudit } from './audit-course.js';
import { STATUS_RANK } from './outcome.js';
import { clockFor, withUtcOffset } from '../time/local-clock.js';

// FC_RUNS=5000 for a longer hunt; the default keeps the file to a few seconds.
const NUM_RUNS = Number(process.env.FC_RUNS ?? 200);
const TIMEOUT_MS = Math.max(60_000, NUM_RUNS * 100);
const DELIVERY_CODES = new Set(['77402', '77407', '77412', '77371', '77372', '77373', 'G0339', 'G0340']);

/** A seeded permutation (mulberry32), so a failing shuffle replays from fast-check's seed. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The same course with every list the engine must order itself shuffled. */
function shuffled(course: Course, seed: number): Course {
  let s = seed;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) | 0);
  return {
    ...course,
    orders: shuffle(course.orders, next()),
    schedule: shuffle(course.schedule, next()),
    fractions: shuffle(
      course.fractions.map((f) => ({
        ...f,
        beams: shuffle(f.beams, next()),
        monitoring: shuffle(
          f.monitoring.map((m) => ({
            ...m,
            gaps: shuffle(m.gaps, next()),
            excursions: shuffle(m.excursions, next()),
          })),
          next(),
        ),
      })),
      next(),
    ),
  };
}

/**
 * The same course with every readable beam, monitoring, gap and excursion time given with the offset the
 * facility has at it (as a record stating (0008,0201) would give it): the same instants.
 */
function withOffsets(course: Course): Course {
  const clock = clockFor(course.facility.timeZone);
  const exact = (t: string): string => {
    const r = clock.toInstant(t);
    return r.ok ? withUtcOffset(t, r.epochMs) : t;
  };
  const span = <T extends { start: string; end: string }>(x: T): T => ({
    ...x,
    start: exact(x.start),
    end: exact(x.end),
  });
  return {
    ...course,
    fractions: course.fractions.map((f) => ({
      ...f,
      beams: f.beams.map((b) => ({ ...b, beamOn: exact(b.beamOn), beamOff: exact(b.beamOff) })),
      monitoring: f.monitoring.map((m) => ({
        ...span(m),
        gaps: m.gaps.map(span),
        excursions: m.excursions.map(span),
      })),
    })),
  };
}

/** What a fraction's decision is, without the messages (they quote the times as given). */
const decisions = (a: CourseAudit) =>
  a.fractions.map((f) => ({
    number: f.number,
    status: f.status,
    lines: f.lines,
    findings: f.findings.map((x) => `${x.ruleId} ${x.severity}`),
    signatureDeadline: f.signatureDeadline,
  }));

const audit = (spec: CourseSpec): CourseAudit => runAudit(courseFromSpec(spec), { now: spec.now });

describe('auditCourse properties', () => {
  it(
    '(a) is deterministic: the same input twice gives deep-equal output',
    () => {
      fc.assert(
        fc.property(courseSpecArb, (spec) => {
          const course = courseFromSpec(spec);
          expect(runAudit(course, { now: spec.now })).toEqual(
            runAudit(structuredClone(course), { now: spec.now }),
          );
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    '(b) does not depend on the order of fractions, orders, sessions, beams, gaps or excursions',
    () => {
      fc.assert(
        fc.property(courseSpecArb, fc.integer(), (spec, seed) => {
          const course = courseFromSpec(spec);
          expect(runAudit(shuffled(course, seed), { now: spec.now })).toEqual(
            runAudit(course, { now: spec.now }),
          );
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    '(b2) a time given with the offset the facility has at it is the same instant: the same decisions',
    () => {
      fc.assert(
        fc.property(courseSpecArb, (spec) => {
          const course = courseFromSpec(spec);
          expect(decisions(runAudit(withOffsets(course), { now: spec.now }))).toEqual(
            decisions(runAudit(course, { now: spec.now })),
          );
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    '(c) adding a missing document or signature never makes a fraction worse (hold < downgrade < ready)',
    () => {
      fc.assert(
        fc.property(courseSpecArb, fc.nat(), (spec, pick) => {
          const additions = additionsFor(spec);
          fc.pre(additions.length > 0);
          const addition = additions[pick % additions.length]!;
          const before = audit(spec);
          const after = audit(addition.spec);
          for (const f of before.fractions) {
            const g = after.fractions.find((x) => x.fractionId === f.fractionId)!;
            const why = `${f.fractionId}: ${f.status} → ${g.status} after adding ${addition.what}`;
            expect(STATUS_RANK[g.status], why).toBeGreaterThanOrEqual(STATUS_RANK[f.status]);
          }
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    '(d) per date, delivery units never exceed the distinct sessions (break ≥ the payer’s hours)',
    () => {
      fc.assert(
        fc.property(courseSpecArb, (spec) => {
          const course = courseFromSpec(spec);
          const result = runAudit(course, { now: spec.now });
          const breakMs = PROFILES.get(result.payerProfile)!.breakHours * 3_600_000;
          const dates = new Set(course.fractions.map((f) => f.date));
          for (const date of dates) {
            const spans = course.fractions
              .filter((f) => f.date === date)
              .map((f) => ({
                on: Math.min(...f.beams.map((b) => epochAt(b.beamOn))),
                off: Math.max(...f.beams.map((b) => epochAt(b.beamOff))),
              }))
              .sort((a, b) => a.on - b.on);
            let sessions = 1;
            let lastOff = spans[0]!.off;
            for (const s of spans.slice(1)) {
              if (s.on - lastOff >= breakMs) sessions++;
              lastOff = Math.max(lastOff, s.off);
            }
            const units = result.fractions
              .filter((f) => f.date === date)
              .flatMap((f) => f.lines)
              .filter((l) => DELIVERY_CODES.has(l.code))
              .reduce((sum, l) => sum + l.units, 0);
            expect(units, date).toBeLessThanOrEqual(sessions);
            expect(units, date).toBeGreaterThanOrEqual(1);
            // The same holds for the claim lines, where a units payer combines the day's sessions.
            const claimUnits = result.claimLines
              .filter((l) => l.date === date && DELIVERY_CODES.has(l.code))
              .reduce((sum, l) => sum + l.units, 0);
            expect(claimUnits, date).toBeLessThanOrEqual(sessions);
          }
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT_MS,
  );
});
