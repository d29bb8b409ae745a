/**
 * The tag walker (walk-data-set.ts) against its oracle, dicom-parser (`readRtBeamsRecord(…, 'dicom-parser')`):
 * on the fixtures, generated records (implicit and explicit VR, undefined and defined lengths, VMAT arcs
 * of many control points; and from rt-record-arbitrary.ts, records of random shape with attributes the
 * reader does not use, nested sequences and malformed values) and mutated copies of them, the walker's
 * reading is the oracle's, or a located problem; never a crash, never another record.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BREAST_TANGENTS,
  EXPLICIT_VR_LITTLE_ENDIAN,
  IMPLICIT_VR_LITTLE_ENDIAN,
  rtRecord,
  VMAT,
  writeDicom,
} from '../../../test/fixtures/dicom/build-rt-record.js';
import { rtRecordFile } from '../../../test/fixtures/dicom/rt-record-arbitrary.js';
import { readRtBeamsRecord } from './read-rt-beams-record.js';

const dcmIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith('.dcm'))
        .map((n) => [`${dir}/${n}`, new Uint8Array(readFileSync(`${dir}/${n}`))] as const)
    : [];

/**
 * An implicit VR little endian file with every undefined-length sequence and item (as dcmjs writes them)
 * given its defined length instead, delimiters dropped (PS3.5 7.5.1: both forms are valid).
 */
function withDefinedLengths(file: Uint8Array, dataStart: number): Uint8Array {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const u32 = (n: number) => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, n, true);
    return b;
  };
  const concat = (parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  };
  /** Elements from `pos` until `end` or an item delimiter; returns the re-encoded bytes and where it stopped. */
  const elements = (pos: number, end: number): [Uint8Array, number] => {
    const parts: Uint8Array[] = [];
    while (pos < end) {
      const group = view.getUint16(pos, true);
      const element = view.getUint16(pos + 2, true);
      const length = view.getUint32(pos + 4, true);
      if (group === 0xfffe && element === 0xe00d) return [concat(parts), pos + 8];
      if (length !== 0xffffffff) {
        parts.push(file.subarray(pos, pos + 8 + length));
        pos += 8 + length;
        continue;
      }
      // A sequence of undefined length: items until the sequence delimiter.
      const items: Uint8Array[] = [];
      pos += 8;
      while (!(view.getUint16(pos, true) === 0xfffe && view.getUint16(pos + 2, true) === 0xe0dd)) {
        const [content, next] = elements(pos + 8, file.length);
        items.push(file.subarray(pos, pos + 4), u32(content.length), content);
        pos = next;
      }
      pos += 8;
      const value = concat(items);
      parts.push(
        Uint8Array.of(group & 0xff, group >> 8, element & 0xff, element >> 8),
        u32(value.length),
        value,
      );
    }
    return [concat(parts), pos];
  };
  return concat([file.subarray(0, dataStart), elements(dataStart, file.length)[0]]);
}

/** Where a Part 10 file's data set starts: after the group 0002 elements (explicit VR) from byte 132. */
function dataStartOf(file: Uint8Array): number {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  let pos = 132;
  while (view.getUint16(pos, true) === 0x0002) {
    const vr = String.fromCharCode(file[pos + 4]!, file[pos + 5]!);
    pos += ['OB', 'OW', 'SQ', 'UN', 'UT'].includes(vr)
      ? 12 + view.getUint32(pos + 8, true)
      : 8 + view.getUint16(pos + 6, true);
  }
  return pos;
}

const implicitVmat = writeDicom(rtRecord(VMAT), IMPLICIT_VR_LITTLE_ENDIAN);
const inputs = new Map<string, Uint8Array>([
  ...dcmIn('test/fixtures/dicom'),
  ...dcmIn('/work/shared/fixtures/dicom'),
  ['tangents implicit', writeDicom(rtRecord(BREAST_TANGENTS), IMPLICIT_VR_LITTLE_ENDIAN)],
  ['tangents explicit', writeDicom(rtRecord(BREAST_TANGENTS), EXPLICIT_VR_LITTLE_ENDIAN)],
  ['vmat implicit', implicitVmat],
  ['vmat explicit', writeDicom(rtRecord(VMAT), EXPLICIT_VR_LITTLE_ENDIAN)],
  ['vmat implicit, defined lengths', withDefinedLengths(implicitVmat, dataStartOf(implicitVmat))],
  ['vmat bare data set', implicitVmat.subarray(dataStartOf(implicitVmat))],
]);
const names = [...inputs.keys()];

/** The walker's reading is the oracle's, or a located problem. Returns whether the two agree. */
function agrees(bytes: Uint8Array): boolean {
  const walker = readRtBeamsRecord(bytes, 'm.dcm');
  const oracle = readRtBeamsRecord(bytes, 'm.dcm', 'dicom-parser');
  if (!walker.ok) {
    for (const p of walker.problems) expect(p.location).toMatch(/^m\.dcm:/);
    if (!oracle.ok) return true;
  }
  expect(walker).toEqual(oracle);
  return true;
}

describe('the tag walker reads as dicom-parser does', () => {
  it.each(names)('%s', (name) => {
    const bytes = inputs.get(name)!;
    expect(agrees(bytes)).toBe(true);
    const record = readRtBeamsRecord(bytes, 'm.dcm');
    if (name.startsWith('vmat'))
      expect(record.ok && record.value.beams.map((b) => b.controlPoints)).toEqual([178, 178]);
  });

  it('on every input truncated at 200 places', () => {
    for (const bytes of inputs.values()) {
      const step = Math.max(1, Math.floor(bytes.length / 200));
      for (let cut = 0; cut < bytes.length; cut += step) agrees(bytes.subarray(0, cut));
    }
  });

  it('on random byte flips', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
        (name, flips) => {
          const bytes = inputs.get(name)!.slice();
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          agrees(bytes);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('on junk inserted anywhere and on huge declared lengths', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.nat(),
        fc.uint8Array({ minLength: 1, maxLength: 32 }),
        fc.constantFrom(0xffffffff, 0x7fffffff, 0xffff, 0),
        (name, at, junk, length) => {
          const original = inputs.get(name)!;
          const cut = at % original.length;
          const bytes = new Uint8Array(original.length + junk.length);
          bytes.set(original.subarray(0, cut));
          bytes.set(junk, cut);
          bytes.set(original.subarray(cut), cut + junk.length);
          agrees(bytes);
          const long = original.slice();
          if (cut + 4 <= long.length) new DataView(long.buffer).setUint32(cut, length, true);
          agrees(long);
        },
      ),
      { numRuns: 800 },
    );
  });

  it('on generated records: either VR, defined or undefined lengths, unused and nested elements', () => {
    fc.assert(
      fc.property(rtRecordFile, (bytes) => agrees(bytes)),
      { numRuns: 600 },
    );
  });

  it('on generated records with bytes flipped', () => {
    fc.assert(
      fc.property(
        rtRecordFile,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        (original, flips) => {
          const bytes = original.slice();
          for (const [at, value] of flips) bytes[132 + (at % (bytes.length - 132))] = value;
          agrees(bytes);
        },
      ),
      { numRuns: 600 },
    );
  });
});
