/**
 * The engine's output on a generated clinic, pinned: a faster `auditCourse` must give byte-identical
 * results. The hash covers the JSON of every course audit (statuses, reasons, lines, findings with their
 * messages, signature deadlines, claim lines) for the benchmark's courses from a fixed seed, whether the
 * times were read when the document was loaded (`loadCourse`, as the benchmark does) or by the audit.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditCourse, type AuditContext } from '../src/core/audit/audit-course.js';
import { DEFAULT_AUDIT_OPTIONS } from '../src/core/audit/audit-options.js';
import { courseSchema } from '../src/core/model/course.js';
import { loadCourse } from '../src/core/model/course-times.js';
import { BUNDLED_PROFILES } from '../src/core/payers/bundled-profiles.js';
import { SEED_2026 } from '../src/core/rates/seed-2026.js';
import { BENCH_NOW, courseFactory } from './course-factory.js';

const context: AuditContext = {
  profiles: new Map(BUNDLED_PROFILES.map((p) => [p.id, p])),
  rates: SEED_2026,
  options: DEFAULT_AUDIT_OPTIONS,
  now: BENCH_NOW,
};

function outputHash(seed: number, fractions: number, load: boolean): { sha256: string; courses: number } {
  const factory = courseFactory(seed);
  const hash = createHash('sha256');
  let remaining = fractions;
  let courses = 0;
  while (remaining > 0) {
    const input = factory.next(remaining);
    remaining -= input.fractions.length;
    const course = courseSchema.parse(input);
    hash.update(JSON.stringify(auditCourse(load ? loadCourse(course) : course, context)));
    hash.update('\n');
    courses++;
  }
  return { sha256: hash.digest('hex'), courses };
}

describe('engine output on a generated clinic', () => {
  it.each([
    {
      seed: 20260101,
      fractions: 6000,
      sha256: '233885ecef752c42c395289f2b31bf1c957016d412364d67c85d73c85402dabb',
    },
    { seed: 7, fractions: 3000, sha256: 'e0ebdc03cc98b22d99b259b9db04ac124fac821a6ed14f39979d0ff1b05140c9' },
  ])('seed $seed, $fractions fractions: same audits as before', ({ seed, fractions, sha256 }) => {
    expect(outputHash(seed, fractions, true).sha256).toBe(sha256);
    expect(outputHash(seed, fractions, false).sha256).toBe(sha256);
  });
});
