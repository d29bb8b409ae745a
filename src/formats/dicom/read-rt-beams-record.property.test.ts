/**
 * Robustness of readRtBeamsRecord on hostile bytes: arbitrary input, truncated and mutated fixtures, huge
 * declared lengths, deep nesting, a large file. The reader must return a record or located problems, never
 * throw, never hang (no timed assertions: a hang fails the test by its timeout), and never quote the
 * fixture's patient in a message.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRtBeamsRecord } from './read-rt-beams-record.js';

const FIXTURES = [
  'rtrecord-breast-tangents.dcm',
  'rtrecord-breast-tangents-explicit.dcm',
  'rtrecord-lt-lat-continuation.dcm',
  'rtrecord-utc-offset.dcm',
  'rtrecord-phi-warnings.dcm',
];
const bytesOf = (name: string) => new Uint8Array(readFileSync(`test/fixtures/dicom/${name}`));
const fixtures = new Map(FIXTURES.map((name) => [name, bytesOf(name)]));
const originals = new Map(
  FIXTURES.map((name) => {
    const r = readRtBeamsRecord(fixtures.get(name)!, 'm.dcm');
    if (!r.ok) throw new Error(`${name} should read`);
    return [name, r.value];
  }),
);

/** Names, IDs and birth dates of the fixtures' synthetic patients, which no message may contain. */
const PHI = ['SYNTHETIC', 'SYN00417', '19600109', 'LEAKCHECK', 'ROSALIND', 'PHI-LEAK-7731', '19411225'];

/** The reader's contract on any input: a record or at least one problem, every location in `m.dcm`. */
function checkContract(input: Uint8Array) {
  const result = readRtBeamsRecord(input, 'm.dcm');
  const listed = result.ok ? result.warnings : result.problems;
  if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
  for (const p of listed) {
    expect(p.location).toMatch(/^m\.dcm:(byte \d+|\(data set\)|(\([0-9A-F]{4},[0-9A-F]{4}\)(\[\d+\]>)?)+)$/);
    expect(p.message.length).toBeGreaterThan(0);
    for (const secret of PHI) expect(p.message).not.toContain(secret);
  }
  return result;
}

const fixtureName = fc.constantFrom(...FIXTURES);

describe('readRtBeamsRecord never throws', () => {
  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        checkContract(bytes);
      }),
      { numRuns: 400 },
    );
  });

  it('on arbitrary bytes behind a Part 10 prefix or a data set start', () => {
    const part10 = bytesOf('rtrecord-breast-tangents.dcm');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.uint8Array({ maxLength: 1024 }), (keep, tail) => {
        const bytes = new Uint8Array(keep + tail.length);
        bytes.set(part10.subarray(0, keep));
        bytes.set(tail, keep);
        checkContract(bytes);
        // A bare data set: group 0008, then anything.
        checkContract(Uint8Array.from([0x08, 0x00, 0x16, 0x00, ...tail]));
      }),
      { numRuns: 300 },
    );
  });

  it('on every fixture truncated at every 3rd byte, never returning wrong beams', () => {
    for (const [name, bytes] of fixtures) {
      for (let cut = 0; cut < bytes.length; cut += 3) {
        const result = checkContract(bytes.subarray(0, cut));
        // A cut can fall between two top-level elements after the beams; the beams read must then be whole.
        if (result.ok) expect(result.value.beams).toEqual(originals.get(name)!.beams);
      }
    }
  });

  it('on random byte flips', () => {
    fc.assert(
      fc.property(
        fixtureName,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        (name, flips) => {
          const bytes = fixtures.get(name)!.slice();
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          checkContract(bytes);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('on junk inserted anywhere', () => {
    fc.assert(
      fc.property(fixtureName, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 }), (name, at, junk) => {
        const original = fixtures.get(name)!;
        const cut = at % original.length;
        const bytes = new Uint8Array(original.length + junk.length);
        bytes.set(original.subarray(0, cut));
        bytes.set(junk, cut);
        bytes.set(original.subarray(cut), cut + junk.length);
        checkContract(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('on a huge declared length at any element', () => {
    fc.assert(
      fc.property(
        fixtureName,
        fc.nat(),
        fc.constantFrom(0xffffffff, 0xfffffff0, 0x7fffffff, 0x10000000, 0xffff),
        (name, at, length) => {
          const bytes = fixtures.get(name)!.slice();
          const view = new DataView(bytes.buffer);
          const offset = 132 + (at % (bytes.length - 136));
          view.setUint32(offset, length, true);
          checkContract(bytes);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a truncated last element whose declared length runs past the end (implicit VR)', () => {
    const bytes = bytesOf('rtrecord-breast-tangents.dcm');
    // A private element (0009,0010) at the end, declaring 1 MB but holding 4 bytes.
    const tail = Uint8Array.from([0x09, 0x00, 0x10, 0x00, 0x00, 0x00, 0x10, 0x00, 1, 2, 3, 4]);
    const truncated = new Uint8Array([...bytes, ...tail]);
    const result = checkContract(truncated);
    expect(result.ok).toBe(false);
  });

  it('on sequences nested 20,000 deep (implicit VR, undefined lengths)', () => {
    const head = [
      0x08,
      0x00,
      0x16,
      0x00,
      30,
      0,
      0,
      0,
      ...new TextEncoder().encode('1.2.840.10008.5.1.4.1.1.481.4\0'),
    ];
    const depth = 20_000;
    const nest = new Uint8Array(depth * 16);
    for (let i = 0; i < depth; i++) {
      // (3008,0020) SQ, undefined length, then an item (FFFE,E000) of undefined length.
      nest.set(
        [0x08, 0x30, 0x20, 0x00, 0xff, 0xff, 0xff, 0xff, 0xfe, 0xff, 0x00, 0xe0, 0xff, 0xff, 0xff, 0xff],
        i * 16,
      );
    }
    const result = checkContract(Uint8Array.from([...head, ...nest]));
    expect(result.ok).toBe(false);
  });

  it('on a 5 MB file (a large private element after the record) and on 5 MB of noise', () => {
    const record = bytesOf('rtrecord-breast-tangents.dcm');
    const size = 5 * 1024 * 1024;
    const big = new Uint8Array(record.length + 8 + size);
    big.set(record);
    const view = new DataView(big.buffer);
    view.setUint16(record.length, 0x7fe1, true); // (7FE1,1010): a private element, implicit VR
    view.setUint16(record.length + 2, 0x1010, true);
    view.setUint32(record.length + 4, size, true);
    big.fill(0x41, record.length + 8);
    const result = checkContract(big);
    expect(result.ok && result.value.beams).toEqual(originals.get('rtrecord-breast-tangents.dcm')!.beams);
    checkContract(Uint8Array.from({ length: size }, (_, i) => (i * 2654435761) >>> 24));
  });
});
