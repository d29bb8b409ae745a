import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReadResult } from '../../core/model/input-problem.js';
import { readGpci } from './read-gpci.js';
import { readLocalities } from './read-localities.js';
import { readMue } from './read-mue.js';
import { readNcciPtp } from './read-ncci-ptp.js';
import { readOppsAddendumB } from './read-opps-addendum-b.js';
import { readPprrvu } from './read-pprrvu.js';

const DIR = 'test/fixtures/cms';
const FIXTURES = readdirSync(DIR)
  .filter((f) => /\.(csv|txt)$/.test(f))
  .map((f) => new Uint8Array(readFileSync(`${DIR}/${f}`)));
const READERS = [readPprrvu, readGpci, readLocalities, readOppsAddendumB, readNcciPtp, readMue] as const;

/** A value with its rows, or at least one problem; every location in the file. */
function check(r: ReadResult<{ rows: { location: string }[] }>) {
  if (r.ok) {
    expect(r.value.rows.length).toBeGreaterThan(0);
    for (const row of r.value.rows) expect(row.location).toMatch(/^f\.csv:line \d+$/);
  } else {
    expect(r.problems.length).toBeGreaterThan(0);
  }
  for (const p of r.ok ? r.warnings : r.problems) expect(p.location.startsWith('f.csv')).toBe(true);
}

const all = (input: Uint8Array | string) => {
  for (const read of READERS) {
    check(read(input, 'f.csv'));
    check(read(input, 'f.csv', { onBadRow: 'skip' }));
  }
};

const PIECES = [
  'HCPCS', 'MOD', 'STATUS CODE', 'WORK RVU', 'NON-FAC PE RVU', 'FACILITY PE RVU', 'MP RVU', 'CONV FACTOR',
  'Locality Number', 'MAC', 'PW GPCI', 'PE GPCI', 'MP GPCI', 'Fee Schedule Area', 'SI', 'APC', 'Payment Rate',
  'Column 1', 'Column 2', 'Effective Date', 'Deletion Date', 'Modifier', 'MUE Values', 'MAI',
  '77412', '26', 'A', '1.017', '$1,234.56', '20260101', '*', '3 Clinical', 'NA', '',
  ',', '\t', '|', '"', '""', '\r\n', '\n', '\r', ' ',
]; // prettier-ignore

describe('CMS readers robustness', () => {
  it('return a value or located problems for arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), all), { numRuns: 200 });
  });

  it('return a value or located problems for arbitrary CMS-like text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }), (pieces) => all(pieces.join(''))),
      { numRuns: 400 },
    );
  });

  it('survive truncation of every fixture at every 13th offset, and byte flips', () => {
    for (const bytes of FIXTURES) for (let at = 0; at <= bytes.length; at += 13) all(bytes.subarray(0, at));
    fc.assert(
      fc.property(
        fc.constantFrom(...FIXTURES),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
        (fixture, flips) => {
          const flipped = fixture.slice();
          for (const [i, b] of flips) flipped[i % flipped.length] = b;
          all(flipped);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('read a 2 MB unclosed quote and 100,000 bad rows (listing 200 problems)', () => {
    all(`"HCPCS","MOD\n${'x'.repeat(2 * 1024 * 1024)}`);
    const head = 'HCPCS,MOD,STATUS CODE,WORK RVU,NON-FAC PE RVU,FACILITY PE RVU,MP RVU\n';
    const r = readPprrvu(head + '77412,,A,x,1,1,1\n'.repeat(100_000), 'f.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(201);
    expect(r.problems[200]).toEqual({ location: 'f.csv', message: 'and 99800 more problems not listed' });
  });
});
