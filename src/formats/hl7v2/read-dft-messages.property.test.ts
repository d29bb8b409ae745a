import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReadResult } from '../../core/model/input-problem.js';
import type { DftFile } from './dft-types.js';
import { looksDftMessages, readDftMessages } from './read-dft-messages.js';

const DIR = 'test/fixtures/hl7v2';
const FIXTURES = readdirSync(DIR)
  .filter((f) => f.endsWith('.hl7'))
  .map((f) => new Uint8Array(readFileSync(`${DIR}/${f}`)));
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,4})?$/;
const PHI = [/Testpatient/i, /Synthia/i, /19610704/];

/** Whatever the input: a value or problems, every location in the file, no PHI in what is reported. */
function check(r: ReadResult<DftFile>, source = 'f.hl7') {
  const reported = r.ok ? r.warnings : r.problems;
  if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
  for (const p of reported) {
    expect(p.location.startsWith(source)).toBe(true);
    expect(p.message).not.toBe('internal error while reading the file');
    for (const re of PHI) expect(`${p.location} ${p.message}`).not.toMatch(re);
  }
  if (r.ok) {
    for (const m of r.value.messages) {
      expect(m.patient.id.length).toBeGreaterThan(0);
      for (const c of m.charges) {
        expect(c.source.startsWith(`${source}:message ${m.index}, FT1[`)).toBe(true);
        expect(c.transactionDate.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (c.transactionDate.localDateTime !== null) expect(c.transactionDate.localDateTime).toMatch(LOCAL);
        expect(c.code !== null || c.codeField === null).toBe(true);
        expect(Number.isFinite(c.units)).toBe(true);
      }
    }
  }
}

const both = (bytes: Uint8Array) => {
  check(readDftMessages(bytes, 'f.hl7'));
  check(readDftMessages(bytes, 'f.hl7', { onBadMessage: 'skip' }));
  expect(typeof looksDftMessages(bytes)).toBe('boolean');
};

/** Pieces that make HL7-like text, so that random inputs reach deep into the reader. */
const PIECES = [
  'MSH|^~\\&|ARIA|SGRTCLINIC|||20260305||DFT^P03|C1|P|2.5.1',
  'MSH|^~\\&|A|B|||2026||ADT^A08|C2|P|2.3',
  'MSH#$*!%#A#B###DFT$P03#C3#P#2.4',
  'PID|1||SYN00417^^^SGRTCLINIC^MR||Testpatient^Synthia||19610704',
  'PV1|1|O|RADONC^LINAC2||||1234^Onc',
  'FT1|1|||20260305103000-0500||CG|77412^^C4|||1',
  'FT1|2|||20260305||CD|RO77387^^CDM|||2||||||||||||||77387^^C4|26~76',
  'ZFT|1',
  'NTE|1||a\\T\\b\\X41\\\\Q\\',
  '|',
  '^',
  '~',
  '\\',
  '&',
  '""',
  '\r',
  '\n',
  '\r\n',
  '\x0b',
  '\x1c',
  '20260230',
  '-0500',
  '77412-26',
  'Testpatient',
  ' ',
];

describe('readDftMessages robustness', () => {
  it('returns a value or located problems for arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), both), { numRuns: 200 });
  });

  it('returns a value or located problems for arbitrary HL7-like text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        check(readDftMessages(text, 'f.hl7'));
        check(readDftMessages(text, 'f.hl7', { onBadMessage: 'skip' }));
      }),
      { numRuns: 400 },
    );
  });

  it('survives truncation of every fixture at every 11th offset', () => {
    for (const bytes of FIXTURES) {
      for (let at = 0; at <= bytes.length; at += 11) both(bytes.subarray(0, at));
    }
  });

  it('survives random byte flips and inserted junk in the fixtures', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FIXTURES),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.uint8Array({ maxLength: 40 }),
        fc.nat(),
        (fixture, flips, junk, at) => {
          const flipped = fixture.slice();
          for (const [i, b] of flips) flipped[i % flipped.length] = b;
          both(flipped);
          const p = at % (fixture.length + 1);
          both(new Uint8Array([...fixture.subarray(0, p), ...junk, ...fixture.subarray(p)]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a 5 MB line, a 5 MB field, 5 MB of separators or escapes and 100,000 segments', () => {
    const big = 5 * 1024 * 1024;
    const head = 'MSH|^~\\&|A|B|||20260305||DFT^P03|C1|P|2.5.1\rPID|1||SYN00417\r';
    const charge = 'FT1|1|||20260305||CG|77412^^C4|||1';
    for (const text of [
      'A'.repeat(big),
      '\r'.repeat(big),
      '|'.repeat(big),
      `${head}${charge}\rNTE|1||${'x'.repeat(big)}\r`,
      `${head}${charge}\rNTE|1||${'\\'.repeat(big)}\r`,
      `${head}${charge}|${'^'.repeat(big)}\r`,
      `${head}${'FT1|1\r'.repeat(100_000)}`,
    ]) {
      check(readDftMessages(text, 'f.hl7'));
    }
    const line = `${head}${charge}\rNTE|1||${'x'.repeat(big)}\r`;
    const r = readDftMessages(new Uint8Array(Buffer.from(line, 'latin1')), 'f.hl7');
    check(r);
    expect(r.ok && r.value.messages[0]!.charges).toHaveLength(1);
  });

  it('lists at most 200 problems and counts the rest', () => {
    const head = 'MSH|^~\\&|A|B|||20260305||DFT^P03|C1|P|2.5.1\rPID|1||SYN00417\r';
    const r = readDftMessages(`${head}${'FT1|1|||2026||CG|77412\r'.repeat(1000)}`, 'f.hl7');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(201);
    expect(r.problems[200]).toEqual({ location: 'f.hl7', message: '800 more not listed' });
  });
});
