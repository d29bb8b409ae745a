import { describe, expect, it } from 'vitest';
import { copyFromStdin, copyLine, copyText, type CopyValue } from './copy-rows.js';

/** COPY's text format (PostgreSQL manual, "COPY", "Text Format"): what each value is written as. */
describe('copyText', () => {
  const cases: [string, CopyValue, string][] = [
    ['plain text', 'abc', 'abc'],
    ['empty text (not NULL)', '', ''],
    ['NULL', null, '\\N'],
    ['the two characters \\N as text', '\\N', '\\\\N'],
    ['a backslash', 'a\\b', 'a\\\\b'],
    ['a tab (the column delimiter)', 'a\tb', 'a\\tb'],
    ['a newline (the row end)', 'a\nb', 'a\\nb'],
    ['a carriage return', 'a\r\nb', 'a\\r\\nb'],
    ['the end-of-data marker as text', '\\.', '\\\\.'],
    ['unicode, astral included', 'Zoë 🩻 Ω', 'Zoë 🩻 Ω'],
    ['quotes and commas (CSV-only specials)', `"a",'b'`, `"a",'b'`],
    ['JSON with an escaped newline', JSON.stringify({ a: 'x\ny' }), '{"a":"x\\\\ny"}'],
    ['an integer', 42, '42'],
    ['a negative decimal', -1.5, '-1.5'],
    ['true', true, 't'],
    ['false', false, 'f'],
    ['a Date', new Date('2026-03-02T14:05:00.000Z'), '2026-03-02T14:05:00.000Z'],
  ];
  it.each(cases)('%s', (_, value, written) => expect(copyText(value)).toBe(written));

  it.each([
    ['NUL (no PostgreSQL text holds it)', 'a\u0000b'],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an object', { a: 1 } as unknown as CopyValue],
  ])('refuses %s', (_, value) => expect(() => copyText(value as CopyValue)).toThrow());

  it('writes a row as tab-separated columns in the given order, undefined as NULL', () => {
    expect(copyLine({ a: 'x\ty', b: undefined, c: 3 }, ['c', 'a', 'b'])).toBe('3\tx\\ty\t\\N');
  });
});

describe('copyFromStdin', () => {
  it('recognises only the statement copyRows compiles, with its data as the one parameter', () => {
    const sql = 'copy "beams" ("fraction_id", "name") from stdin';
    expect(copyFromStdin(sql, ['f\tb\n'])).toEqual({ sql, data: 'f\tb\n' });
    expect(copyFromStdin(sql, [])).toBeNull();
    expect(copyFromStdin(sql, ['a', 'b'])).toBeNull();
    expect(copyFromStdin('select $1', ['x'])).toBeNull();
    expect(copyFromStdin(`copy "beams" ("name") from '/etc/passwd'`, ['x'])).toBeNull();
  });
});
