import { describe, expect, it } from 'vitest';
import { decodeEscapes, readDelimiters, type Delimiters } from './hl7-encoding.js';

const STANDARD: Delimiters = { field: '|', component: '^', repetition: '~', escape: '\\', subcomponent: '&' };

describe('readDelimiters', () => {
  it.each([
    ['MSH|^~\\&|ARIA', STANDARD],
    ['MSH|^~\\&#|ARIA', STANDARD], // v2.7 truncation character
    ['MSH|^~\\&', STANDARD], // nothing after MSH-2
    ['MSH#$*!%#ARIA', { field: '#', component: '$', repetition: '*', escape: '!', subcomponent: '%' }],
  ])('%j', (msh, expected) => {
    expect(readDelimiters(msh)).toEqual({ ok: true, delimiters: expected });
  });

  it.each([
    ['MSH', 'MSH-1'],
    ['MSHA^~\\&A', 'MSH-1'],
    ['MSH ^~\\& ', 'MSH-1'],
    ['MSH|^~|ARIA', 'MSH-2'],
    ['MSH|^~\\|ARIA', 'MSH-2'],
    ['MSH|^^\\&|ARIA', 'MSH-2'], // not distinct
    ['MSH|^~\\A|ARIA', 'MSH-2'], // alphanumeric
    ['MSH|^~\\&#$|ARIA', 'MSH-2'], // six characters
    ['MSH|^~|&|ARIA', 'MSH-2'],
  ])('refuses %j (%s)', (msh, field) => {
    const r = readDelimiters(msh);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.startsWith(field)).toBe(true);
  });
});

describe('decodeEscapes', () => {
  it.each([
    ['plain', 'plain', 0],
    ['a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f', 'a|b^c&d~e\\f', 0],
    ['line\\.br\\next', 'line\nnext', 0],
    ['\\H\\bold\\N\\', 'bold', 0],
    ['d\\XC3A9\\cubitus', 'décubitus', 0],
    ['\\XE9\\', 'é', 0], // not UTF-8: ISO-8859-1
    ['\\X41424\\', '\\X41424\\', 1], // odd number of hex digits
    ['\\.sp2\\x\\.in+4\\', 'x', 0],
    ['\\C2842\\x\\M2442\\', 'x', 0],
    ['\\Zlocal\\x', 'x', 0],
    ['a\\Q\\b', 'a\\Q\\b', 1],
    ['unterminated \\F', 'unterminated \\F', 1],
    ['\\\\', '\\\\', 1], // empty sequence
  ])('%j → %j', (value, text, undecoded) => {
    expect(decodeEscapes(value, STANDARD)).toEqual({ text, undecoded });
  });

  it('uses the message’s own delimiters', () => {
    const d: Delimiters = { field: '#', component: '$', repetition: '*', escape: '!', subcomponent: '%' };
    expect(decodeEscapes('!F!!S!!T!!R!!E!', d).text).toBe('#$%*!');
  });
});
