import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRtf, rtfText } from './rtf-text.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const text = (s: string) => {
  const r = rtfText(bytes(s));
  if (!r.ok) throw new Error(r.why);
  return r.text;
};

/** RTF 1.9.1 constructs and the plain text they stand for. */
const CASES: [string, string, string][] = [
  [
    'TextEdit: a backslash before each line end',
    '{\\rtf1\\ansi\\f0\\fs24 \\cf0 a:, 1\\\nb:, 2\\\r\nc}',
    'a:, 1\nb:, 2\nc',
  ],
  [
    'WordPad: \\par and \\tab',
    '{\\rtf1\\ansi{\\fonttbl{\\f0 Calibri;}}\\pard a\\tab b\\par\r\nc\\par}',
    'a\tb\nc\n',
  ],
  ['raw line ends are not text', '{\\rtf1 a\r\nb}', 'ab'],
  ['escaped braces and backslash', '{\\rtf1 \\{x\\}\\\\y}', '{x}\\y'],
  ["\\'hh is a Windows-1252 byte", "{\\rtf1\\ansi caf\\'e9 \\'80}", 'café €'],
  ['\\u with its fallback skipped', '{\\rtf1\\uc1 \\u8364?x}', '€x'],
  ['negative \\u', '{\\rtf1 \\u-3913?}', '\uf0b7'],
  ['{\\*\\…} destinations are skipped', '{\\rtf1{\\*\\expandedcolortbl;;}{\\*\\generator Riched20;}a}', 'a'],
  [
    'tables and info are skipped',
    '{\\rtf1{\\colortbl;\\red0\\green0\\blue0;}{\\info{\\author X}}{\\stylesheet{\\s0 Normal;}}b}',
    'b',
  ],
  [
    '\\line is a line end; a field shows its result',
    '{\\rtf1 a\\line {\\field{\\*\\fldinst HYPERLINK}{\\fldrslt b}}}',
    'a\nb',
  ],
  ['\\bin skips its bytes', '{\\rtf1 a{\\pict\\bin3 }}}}b}', 'ab'],
];

describe('rtfText', () => {
  it.each(CASES)('%s', (_, rtf, expected) => expect(text(rtf)).toBe(expected));

  it.each([
    ['a cut-short document', '{\\rtf1 a{\\b b}', /not closed/],
    ['a \\bin past the end', '{\\rtf1 \\bin99 x}', /\\bin/],
    ["a bad \\'", "{\\rtf1 \\'zz}", /hex/],
    ['text after the document', '{\\rtf1 a} b', /after the end/],
  ])('refuses %s', (_, rtf, why) => {
    const r = rtfText(bytes(rtf));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.why).toMatch(why);
  });

  it('a cut-short head reads when partial (format sniff)', () => {
    expect(rtfText(bytes('{\\rtf1 a\\par b'), true)).toEqual({ ok: true, text: 'a\nb' });
  });

  it('isRtf: the {\\rtf header, after white space only', () => {
    expect([
      isRtf(bytes('{\\rtf1')),
      isRtf(bytes('\r\n {\\rtf1')),
      isRtf(bytes('x{\\rtf1')),
      isRtf(bytes('')),
    ]).toEqual([true, true, false, false]);
  });

  it('any bytes give text or a reason, never a throw (linear: no hang)', () => {
    const rtfish = fc
      .array(
        fc.constantFrom(
          '{',
          '}',
          '\\',
          "\\'",
          '\\par ',
          '\\u',
          '-12',
          '\\bin',
          '5',
          'a',
          '\r\n',
          '\\*',
          'ff',
          ' ',
        ),
        {
          maxLength: 60,
        },
      )
      .map((parts) => bytes(`{\\rtf1 ${parts.join('')}`));
    fc.assert(
      fc.property(fc.oneof(rtfish, fc.uint8Array({ maxLength: 200 })), (input) => {
        const r = rtfText(input);
        expect(typeof (r.ok ? r.text : r.why)).toBe('string');
      }),
    );
  });
});
