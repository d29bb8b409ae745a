import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksRtBeamsRecord } from './looks-rt-beams-record.js';

const head = (name: string, size = 4096) =>
  new Uint8Array(readFileSync(`test/fixtures/dicom/${name}`)).subarray(0, size);

describe('looksRtBeamsRecord', () => {
  it.each([
    ['rtrecord-breast-tangents.dcm', true],
    ['rtrecord-breast-tangents-explicit.dcm', true],
    ['rtrecord-lt-lat-continuation.dcm', true],
    ['rtrecord-utc-offset.dcm', true],
    ['rtrecord-phi-problems.dcm', true], // a record with bad values is still a record: the reader says what is wrong
    ['rtplan-header.dcm', false],
  ])('%s → %s', (name, expected) => {
    expect(looksRtBeamsRecord(head(name))).toBe(expected);
  });

  it('needs only the file meta information (the first few hundred bytes)', () => {
    expect(looksRtBeamsRecord(head('rtrecord-breast-tangents.dcm', 300))).toBe(true);
    expect(looksRtBeamsRecord(head('rtrecord-breast-tangents.dcm', 100))).toBe(false);
  });

  it('recognises a bare data set and meta information without the preamble', () => {
    const part10 = head('rtrecord-breast-tangents.dcm', 100_000);
    const metaEnd = 144 + new DataView(part10.buffer, part10.byteOffset).getUint32(140, true);
    expect(looksRtBeamsRecord(part10.subarray(metaEnd))).toBe(true);
    expect(looksRtBeamsRecord(part10.subarray(132))).toBe(true);
    const explicit = head('rtrecord-breast-tangents-explicit.dcm', 100_000);
    const explicitMetaEnd = 144 + new DataView(explicit.buffer, explicit.byteOffset).getUint32(140, true);
    expect(looksRtBeamsRecord(explicit.subarray(explicitMetaEnd))).toBe(true);
  });

  it.each([
    ['empty', new Uint8Array(0)],
    ['a CSV export', new TextEncoder().encode('Patient ID,Date,Field,MU\nSYN1,2026-03-02,LT MED,112\n')],
    [
      'an HL7 message',
      new TextEncoder().encode('MSH|^~\\&|OIS|CLINIC|BILL|CLINIC|202603021200||DFT^P03|1|P|2.5.1\r'),
    ],
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n')],
  ])('rejects %s', (_, bytes) => {
    expect(looksRtBeamsRecord(bytes)).toBe(false);
  });

  it('never throws on arbitrary bytes, with or without a DICM prefix', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.boolean(), (bytes, prefix) => {
        if (prefix && bytes.length >= 132) bytes.set([0x44, 0x49, 0x43, 0x4d], 128);
        expect(typeof looksRtBeamsRecord(bytes)).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
