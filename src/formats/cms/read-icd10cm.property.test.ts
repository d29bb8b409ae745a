import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ICD10CM_CODE, readIcd10cm } from './read-icd10cm.js';

const FIXTURES = ['icd10cm_order_2026_SYNTH.txt', 'icd10cm_codes_2026_SYNTH.txt'].map(
  (f) => new Uint8Array(readFileSync(`test/fixtures/cms/${f}`)),
);

/** Codes valid and without a dot, locations in the file; or at least one problem located in the file. */
function check(input: Uint8Array | string) {
  const r = readIcd10cm(input, 'f.txt');
  if (r.ok) {
    expect(r.value.rows.length).toBeGreaterThan(0);
    for (const row of r.value.rows) {
      expect(row.code).toMatch(ICD10CM_CODE);
      expect(row.location).toMatch(/^f\.txt:line \d+$/);
    }
  } else {
    expect(r.problems.length).toBeGreaterThan(0);
  }
  for (const p of r.ok ? r.warnings : r.problems) expect(p.location.startsWith('f.txt')).toBe(true);
}

const PIECES = [
  '00001', ' ', 'C50911 ', 'C61    ', 'Z510   ', '0', '1', ' '.repeat(60), 'Malignant neoplasm', 'C50.911',
  '\r\n', '\n', '\r', '\t', ',', 'é', '\u0000',
]; // prettier-ignore

describe('readIcd10cm robustness', () => {
  it('returns codes or located problems for arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), check), { numRuns: 300 });
  });

  it('returns codes or located problems for arbitrary code-file-like text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 150 }), (p) => check(p.join(''))),
      { numRuns: 500 },
    );
  });

  it('survives truncation of each fixture at every 7th offset, and byte flips', () => {
    for (const bytes of FIXTURES) for (let at = 0; at <= bytes.length; at += 7) check(bytes.subarray(0, at));
    fc.assert(
      fc.property(
        fc.constantFrom(...FIXTURES),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
        (fixture, flips) => {
          const flipped = fixture.slice();
          for (const [i, b] of flips) flipped[i % flipped.length] = b;
          check(flipped);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads 100,000 lines in well under the test timeout, and lists 200 of 100,000 bad lines', () => {
    const good = Array.from({ length: 100_000 }, (_, i) => `A${String(i).padStart(6, '0')} Synthetic`);
    const r = readIcd10cm(good.join('\n'), 'f.txt');
    expect(r.ok && r.value.rows.length).toBe(100_000);
    const bad = readIcd10cm(`C61     x\n${'61C     x\n'.repeat(100_000)}`, 'f.txt');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems).toHaveLength(201);
    expect(bad.problems[200]).toEqual({ location: 'f.txt', message: 'and 99800 more problems not listed' });
  });
});
