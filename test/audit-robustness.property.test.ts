import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { engineContext } from '../src/app/engine-context.js';
import { auditCourse } from '../src/core/audit/audit-course.js';
import { courseSchema } from '../src/core/model/course.js';

/** Any course document that passes validation is audited without an exception (findings, not crashes). */
describe('audit robustness', () => {
  const doc = JSON.parse(readFileSync('examples/courses/breast-left-dibh-alignrt.json', 'utf8'));
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (path.length) paths.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(doc, []);
  const strings = fc.constantFrom(
    '2026-11-01T01:30:00',
    '2026-03-08T02:30:00',
    '2026-03-02T00:00:00',
    '2026-03-02T08:11:00',
    '2026-03-06T08:12:00.5',
    '2026-12-31T23:59:59.999',
    '2025-12-31',
    '2026-02-28',
    '2026-03-02T09:00:00Z',
    '2026-03-02T09:00:00+14:00',
    'Europe/London',
    'Pacific/Chatham',
    'physician',
    'therapist',
    'setup-only',
    'intrafraction',
    'SBRT',
    'SRS',
    'TSET',
    '2D',
    'electron',
    'mixed',
    'proton',
    '22',
    'uhc',
    'commercial-omit-26',
    'right',
    'bilateral',
    'DIBH',
    '77385',
    'G6017',
  );
  /** A replacement of the same JSON type as the original (so most edits stay valid), or anything at all. */
  const replacement = (original: unknown) =>
    fc.oneof(
      {
        weight: 8,
        arbitrary:
          typeof original === 'string'
            ? strings
            : typeof original === 'number'
              ? fc.integer({ min: 0, max: 30 })
              : typeof original === 'boolean'
                ? fc.boolean()
                : Array.isArray(original)
                  ? fc.constant([])
                  : fc.constant(null),
      },
      { weight: 1, arbitrary: fc.jsonValue() },
    );
  const valueAt = (path: (string | number)[]) =>
    path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], doc);
  const edit = fc
    .constantFrom(...paths)
    .chain((path) => replacement(valueAt(path)).map((value) => [path, value] as const));

  it('audits every valid mutation of a course without throwing', async () => {
    const ctx = await engineContext({ now: Date.parse('2026-03-13T16:00:00Z') });
    let audited = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const copy = structuredClone(doc);
        for (const [path, value] of edits) {
          let target = copy;
          for (const key of path.slice(0, -1)) target = target?.[key];
          if (target && typeof target === 'object') target[path.at(-1)!] = value;
        }
        const parsed = courseSchema.safeParse(copy);
        if (!parsed.success) return;
        audited++;
        const result = auditCourse(parsed.data, ctx);
        expect(result.fractions).toHaveLength(parsed.data.fractions.length);
        // Statuses mean what they say: a line or a reason each; an error-level finding is never ready.
        for (const f of result.fractions) {
          expect(f.lines.length + f.reasons.length).toBeGreaterThan(0);
          if (f.findings.some((x) => x.severity === 'error')) expect(f.status).not.toBe('ready');
        }
      }),
      { numRuns: 800 },
    );
    expect(audited).toBeGreaterThan(100);
  }, 60_000);
});
