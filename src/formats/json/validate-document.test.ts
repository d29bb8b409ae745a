import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { courseSchema } from '../../core/model/course.js';
import { sessionFactsSchema } from '../../core/model/session-facts.js';
import { formatPath, validateDocument } from './validate-document.js';

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
