import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { courseHeadersDocumentSchema, courseHeaderSchema, courseSchema } from '../../core/model/course.js';
import { MAX_PROBLEMS_PER_FILE } from '../../core/model/input-problem.js';
import { sessionFactsSchema } from '../../core/model/session-facts.js';
import { formatPath, validateArrayDocument, validateDocument } from './validate-document.js';

const example = readFileSync('examples/courses/breast-left-dibh-alignrt.json', 'utf8');

describe('validateDocument', () => {
  it('accepts the bundled example course', () => {
    expect(validateDocument(example, 'c.json', courseSchema).ok).toBe(true);
  });

  it.each([
    [['fractions', 3, 'beams', 0, 'beamOn'], 'fractions[3].beams[0].beamOn'],
    [[], ''],
    [['a', 'b'], 'a.b'],
  ])('formats the path %j as %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });

  it('returns a value or located problems for any JSON value, never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const schema of [courseSchema, sessionFactsSchema]) {
          const r = validateDocument(JSON.stringify(value) ?? 'null', 'x.json', schema);
          if (!r.ok) for (const p of r.problems) expect(p.location.startsWith('x.json:')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('locates each problem in a mutated course (a field replaced by an arbitrary value)', () => {
    const doc = JSON.parse(example);
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(doc, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue(), (path, value) => {
        const copy = structuredClone(doc);
        let target = copy;
        for (const key of path.slice(0, -1)) target = target[key];
        target[path.at(-1)!] = value;
        const r = validateDocument(JSON.stringify(copy), 'm.json', courseSchema);
        if (!r.ok) {
          expect(r.problems.length).toBeGreaterThan(0);
          for (const p of r.problems) expect(p.location).toMatch(/^m\.json:/);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('validateArrayDocument (courses.json)', () => {
  const bad = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ courseId: i })));

  it.each([['[{"courseId":1},{"courseId":"x"}]'], ['{"not":"an array"}'], ['[1, null]'], ['[]']])(
    'gives what checking the whole array gives, for %s',
    (text) => {
      const whole = validateDocument(text, 'c.json', courseHeadersDocumentSchema);
      expect(validateArrayDocument(text, 'c.json', courseHeaderSchema)).toEqual(whole);
    },
  );

  it('builds at most 200 problems and counts the rest, as many as checking the whole array finds', () => {
    const whole = validateDocument(bad(1000), 'c.json', courseHeadersDocumentSchema);
    const r = validateArrayDocument(bad(1000), 'c.json', courseHeaderSchema);
    if (r.ok || whole.ok) throw new Error('expected problems');
    expect(r.problems).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(r.problems.slice(0, MAX_PROBLEMS_PER_FILE)).toEqual(
      whole.problems.slice(0, MAX_PROBLEMS_PER_FILE),
    );
    const more = whole.problems.length - MAX_PROBLEMS_PER_FILE;
    expect(r.problems.at(-1)).toEqual({
      location: 'c.json',
      message: `… and ${more} more problems not listed`,
    });
  });
});
