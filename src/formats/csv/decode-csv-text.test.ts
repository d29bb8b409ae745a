import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsvText, decodeWindows1252, firstInvalidUtf8 } from './decode-csv-text.js';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

function text(input: Uint8Array | string, encoding: 'auto' | 'utf-8' | 'windows-1252' = 'auto') {
  const r = decodeCsvText(input, 'f.csv', encoding);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

function refusal(input: Uint8Array | string, encoding: 'auto' | 'utf-8' | 'windows-1252' = 'auto') {
  const r = decodeCsvText(input, 'f.csv', encoding);
  if (r.ok) throw new Error('accepted');
  return r.problems[0]!;
}

describe('decodeCsvText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(text(utf8('a,é\n'))).toEqual({ text: 'a,é\n', encoding: 'utf-8', bom: false });
    expect(text(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ text: 'a', encoding: 'utf-8', bom: true });
    expect(text('\uFEFFa,b')).toEqual({ text: 'a,b', encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16 with a BOM (Excel "Unicode Text")', () => {
    expect(text(bytes(0xff, 0xfe, 0x61, 0, 0x09, 0, 0xe9, 0))).toMatchObject({
      text: 'a\té',
      encoding: 'utf-16le',
    });
    expect(text(bytes(0xfe, 0xff, 0, 0x61, 0, 0x2c, 0, 0x62))).toMatchObject({
      text: 'a,b',
      encoding: 'utf-16be',
    });
  });

  it('reads Windows-1252 when asked, or when the bytes are not UTF-8', () => {
    const cp1252 = bytes(0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x3b, 0x80, 0x3b, 0x9f);
    expect(text(cp1252)).toEqual({ text: 'Müller;€;Ÿ', encoding: 'windows-1252', bom: false });
    expect(text(utf8('Zoë'), 'windows-1252').text).toBe('ZoÃ«');
    expect(decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i))).toHaveLength(256);
  });

  it('refuses bytes that are not UTF-8 when the mapping says UTF-8, at the line of the first bad byte', () => {
    expect(refusal(bytes(0x61, 0x0a, 0x62, 0x0d, 0x0a, 0xfc), 'utf-8')).toEqual({
      location: 'f.csv:line 3',
      message: expect.stringMatching(/not valid UTF-8/),
    });
  });

  it('lets a BOM win over the mapping, with a warning', () => {
    const r = decodeCsvText(bytes(0xef, 0xbb, 0xbf, 0xc3, 0xa9), 'f.csv', 'windows-1252');
    expect(r.ok && r.value.text).toBe('é');
    expect(r.ok && r.warnings[0]?.message).toMatch(/byte-order mark/);
  });

  it.each([
    [bytes(0x50, 0x4b, 0x03, 0x04, 0x14), /Excel \.xlsx/],
    [bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1), /Excel \.xls/],
    [utf8('%PDF-1.7\n'), /PDF/],
    [bytes(0x1f, 0x8b, 0x08), /gzip/],
    [Uint8Array.from([...new Array<number>(128).fill(0), 0x44, 0x49, 0x43, 0x4d]), /DICOM/],
    [bytes(0x61, 0x2c, 0x00, 0x62), /binary content \(a NUL byte\)/],
    [utf8('a,b\n').map((b, i) => (i % 2 ? 0 : b)), /UTF-16 text without a byte-order mark/],
    [Uint8Array.from({ length: 400 }, (_, i) => (i % 20 === 0 ? 0x01 : 0x61)), /control characters/],
    ['a,\u0000b', /NUL/],
  ])('refuses %#: not a text CSV', (input, why) => {
    const p = refusal(input);
    expect(p.message).toMatch(/^not a text CSV/);
    expect(p.message).toMatch(why);
    expect(p.location).toMatch(/^f\.csv(:byte \d+)?$/);
  });

  it('tolerates a few stray control characters (a DOS end-of-file mark)', () => {
    expect(text(utf8('a,b\nc,d\n\u001a')).text).toBe('a,b\nc,d\n\u001a');
  });

  it('finds the first invalid UTF-8 byte as TextDecoder judges it', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (b) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(b);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(b, 0) === b.length).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it('decodes or refuses any bytes, never throws', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom('auto', 'utf-8', 'windows-1252' as const),
        (b, e) => {
          const r = decodeCsvText(b, 'x.csv', e);
          if (!r.ok) expect(r.problems[0]!.location).toMatch(/^x\.csv/);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
