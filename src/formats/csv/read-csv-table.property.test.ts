import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InputProblem, ReadResult } from '../../core/model/input-problem.js';
import { looksAuthorizations, readAuthorizations } from './read-authorizations.js';
import { looksOrdersSignatures, readOrdersSignatures } from './read-orders-signatures.js';
import { looksTreatmentHistory, readTreatmentHistory } from './read-treatment-history.js';

/**
 * Robustness: any bytes give `ok` or located problems, never an exception, never a value in a message.
 * Inputs: arbitrary bytes, CSV-like noise under a real header, and the fixtures truncated, with bytes
 * flipped, with junk inserted and with a 5 MB line.
 */
type Reader = (input: Uint8Array | string, source: string) => ReadResult<unknown>;

const readers: [string, Reader, (head: Uint8Array) => boolean][] = [
  ['treatment history', readTreatmentHistory, looksTreatmentHistory],
  ['orders and signatures', readOrdersSignatures, looksOrdersSignatures],
  ['authorizations', readAuthorizations, looksAuthorizations],
];

const fixtures = [
  'aria-like-history.csv',
  'mosaiq-like-history.csv',
  'aria-like-bad-rows.csv',
  'orders-signatures.csv',
  'authorizations.csv',
].map((name) => readFileSync(`test/fixtures/csv/${name}`));

/** Names and IDs in the fixtures: never in a location or message. */
const PHI =
  /Marigold|Testperson|Bartholomew|Fakename|Wilhelmina|Placeholder|Zo[eë]|M[uü]ller|J[eé]r[oô]me|Exempel|SYN00\d\d\d/;
const LOCATION = /^f\.csv(:(line \d+(, column "[^"\r\n]{0,60}")?|byte \d+))?$/;

function check(result: ReadResult<unknown>, input: Uint8Array | string): void {
  const listed: InputProblem[] = result.ok ? result.warnings : result.problems;
  if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
  const text = typeof input === 'string' ? input : Buffer.from(input).toString('latin1');
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const p of listed) {
    expect(p.location).toMatch(LOCATION);
    const line = /:line (\d+)/.exec(p.location)?.[1];
    if (line) expect(Number(line)).toBeLessThanOrEqual(lines);
    expect(`${p.location} ${p.message}`).not.toMatch(PHI);
  }
}

function readAll(input: Uint8Array | string): void {
  for (const [, read, looks] of readers) {
    check(read(input, 'f.csv'), input);
    if (typeof input !== 'string') looks(input.subarray(0, 4096));
  }
}

describe('CSV readers on arbitrary input', () => {
  it('arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), readAll), { numRuns: 200 });
  });

  it('CSV-like noise under each real header', () => {
    const headers = fixtures.map((f) => f.subarray(0, f.indexOf(0x0a) + 1));
    const noise = fc.string({
      unit: fc.constantFrom(
        'a',
        '1',
        '2',
        ',',
        ';',
        '\t',
        '"',
        '\n',
        '\r',
        ' ',
        ':',
        '/',
        '.',
        '-',
        'T',
        'é',
      ),
      maxLength: 300,
    });
    fc.assert(
      fc.property(fc.constantFrom(...headers), noise, (header, body) => {
        readAll(Buffer.concat([header, Buffer.from(body, 'utf8')]));
      }),
      { numRuns: 200 },
    );
  });
});

describe('CSV readers on mutated fixtures', () => {
  it('truncated every few bytes', () => {
    for (const f of fixtures) for (let at = 0; at <= f.length; at += 53) readAll(f.subarray(0, at));
  });

  it('with bytes flipped', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
        (f, flips) => {
          const copy = Uint8Array.from(f);
          for (const [at, byte] of flips) copy[at % copy.length] = byte;
          readAll(copy);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a header row that lost a closing quote and swallowed a data row names columns by position', () => {
    // Found by the property above (seed -299834687): the orders fixture with three bytes set to 0x01.
    const copy = Uint8Array.from(fixtures[3]!);
    for (const at of [1931027975, 378158696, 1946]) copy[at % copy.length] = 1;
    readAll(copy);
  });

  it('with junk inserted', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures),
        fc.nat(),
        fc.constantFrom(
          '"',
          '""',
          ',',
          ';',
          '\t',
          '\n',
          '\r',
          '\r\n',
          '\u0000',
          '\uFEFF',
          ',,,,,,',
          'x"y',
          '\u001a',
          '€',
        ),
        (f, at, junk) => {
          const p = at % (f.length + 1);
          readAll(Buffer.concat([f.subarray(0, p), Buffer.from(junk, 'utf8'), f.subarray(p)]));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('with a 5 MB line inserted after the header or as the last line', () => {
    const big = Buffer.from(`${'9'.repeat(2_500_000)},"${'q'.repeat(2_500_000)}"\n`);
    for (const f of fixtures.slice(0, 1).concat(fixtures.slice(3))) {
      const eol = f.indexOf(0x0a) + 1;
      readAll(Buffer.concat([f.subarray(0, eol), big, f.subarray(eol)]));
      readAll(Buffer.concat([f, big]));
    }
  });
});
