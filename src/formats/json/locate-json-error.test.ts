import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateJsonError } from './locate-json-error.js';

describe('locateJsonError', () => {
  it.each([
    ['{"a": x}', 6],
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ['[1,2', 4],
    ['', 0],
    ['{"a": "b\nc"}', 6],
    ['{"a": tru}', 6],
    ['[1] [2]', 4],
    ['{"a": [1, 2}', 11],
    ['['.repeat(50_000), 50_000],
  ])('%j fails at offset %i', (text, offset) => {
    expect(locateJsonError(text)?.offset).toBe(offset);
  });

  it('accepts exactly what JSON.parse accepts (valid JSON)', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(locateJsonError(text)).toBeNull();
      }),
    );
  });

  it('finds an error in every text JSON.parse rejects', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(locateJsonError(text) === null).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with JSON.parse on mutated JSON (a character dropped or inserted)', () => {
    fc.assert(
      fc.property(
        fc.json(),
        fc.nat(),
        fc.constantFrom('', '"', ',', '}', ']', '{', '[', ':', '\\', '\n', 'x'),
        (json, at, ch) => {
          const p = json.length ? at % json.length : 0;
          const text =
            ch === '' ? json.slice(0, p) + json.slice(p + 1) : json.slice(0, p) + ch + json.slice(p);
          let valid = true;
          try {
            JSON.parse(text);
          } catch {
            valid = false;
          }
          expect(locateJsonError(text) === null).toBe(valid);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
