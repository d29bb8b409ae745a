import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellLine,
  type CsvRecord,
  CsvRecordScanner,
  isBlankRecord,
  lineOffset,
} from './parse-csv-records.js';

function scan(text: string, delimiter = ','): CsvRecord[] {
  const scanner = new CsvRecordScanner(text, delimiter);
  const out: CsvRecord[] = [];
  for (let r = scanner.next(); r; r = scanner.next()) out.push(r);
  return out;
}

const cells = (text: string, delimiter = ',') => scan(text, delimiter).map((r) => r.cells);
const lines = (text: string) => scan(text).map((r) => r.line);

describe('CsvRecordScanner', () => {
  it.each([
    [
      'a,b\nc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'a,b\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'a,b\rc,d\r',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['a,"b,c",d', [['a', 'b,c', 'd']]],
    ['"a ""quoted"" word",x', [['a "quoted" word', 'x']]],
    ['"two\r\nlines",x', [['two\r\nlines', 'x']]],
    ['"",,', [['', '', '']]],
    ['a,\n', [['a', '']]],
    ['a, "b" ,c', [['a', 'b', 'c']]],
    ['a,  b  ,c', [['a', '  b  ', 'c']]],
    ['a\n\nb', [['a'], [''], ['b']]],
    ['""""', [['"']]],
  ])('%j → %j', (text, expected) => {
    expect(cells(text)).toEqual(expected);
  });

  it('splits on semicolons, tabs and pipes', () => {
    expect(cells('a;"b;c";d', ';')).toEqual([['a', 'b;c', 'd']]);
    expect(cells('a\t"b"\t c', '\t')).toEqual([['a', 'b', ' c']]);
    expect(cells('a|b', '|')).toEqual([['a', 'b']]);
  });

  it('gives the physical line of each record and cell across quoted line breaks (CRLF counted once)', () => {
    const text = 'h1,h2,h3\r\n"a\r\nb",x,y\r\nlast,1,2\r\n"p","q\nr\rs","t"\nz';
    const records = scan(text);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4, 5, 8]);
    expect([0, 1, 2].map((i) => cellLine(records[1]!, i))).toEqual([2, 3, 3]);
    expect([0, 1, 2].map((i) => cellLine(records[3]!, i))).toEqual([5, 5, 7]);
    expect(records[3]!.cells).toEqual(['p', 'q\nr\rs', 't']);
    expect(lines('a\r\n\r\nb\n\nc')).toEqual([1, 2, 3, 4, 5]);
  });

  it('notes text after a closing quote, a quote inside an unquoted cell and an unclosed quote', () => {
    const [after] = scan('"ab"c,d');
    expect(after!.cells).toEqual(['abc', 'd']);
    expect(after!.issues).toEqual([{ cell: 0, line: 1, kind: 'text-after-quote' }]);
    const [inside] = scan('x,ab"c');
    expect(inside!.cells).toEqual(['x', 'ab"c']);
    expect(inside!.issues).toEqual([{ cell: 1, line: 1, kind: 'quote-in-unquoted' }]);
    const records = scan('a\nb,"c\nd\ne');
    expect(records).toHaveLength(2);
    expect(records[1]!.issues).toEqual([{ cell: 1, line: 2, kind: 'unclosed-quote' }]);
  });

  it('reads a 5 MB line in one pass', () => {
    const big = 'x'.repeat(5_000_000);
    expect(scan(`${big},"${big}"\nnext`).map((r) => r.cells[0]!.length)).toEqual([5_000_000, 4]);
    const quotes = '"a"b'.repeat(1_000_000);
    expect(scan(quotes)[0]!.issues?.[0]?.kind).toBe('text-after-quote');
  });

  it('recognises blank rows', () => {
    expect(scan('\n ,  ,\nx').map(isBlankRecord)).toEqual([true, true, false]);
  });

  it('finds where a physical line starts', () => {
    expect(lineOffset('a\r\nb\nc\rd', 1)).toBe(0);
    expect(lineOffset('a\r\nb\nc\rd', 2)).toBe(3);
    expect(lineOffset('a\r\nb\nc\rd', 4)).toBe(7);
    expect(lineOffset('a\r\nb\nc\rd', 5)).toBeNull();
    expect(lineOffset('a\n', 2)).toBeNull();
  });

  const cell = fc.string({
    unit: fc.constantFrom('a', 'b', ' ', ',', ';', '"', '\n', '\r', '\t', 'é', '€'),
    maxLength: 8,
  });

  it('reads back any table written by RFC 4180 rules, with any line ending', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\r\n', '\n', '\r'),
        fc.constantFrom(',', ';', '\t'),
        fc.boolean(),
        (table, eol, delim, trailing) => {
          // A single empty cell would be a blank line: quote it so the row survives.
          const quote = (c: string) =>
            /[",;\t\r\n ]/.test(c) || c === '' ? `"${c.replaceAll('"', '""')}"` : c;
          const text = table.map((row) => row.map(quote).join(delim)).join(eol) + (trailing ? eol : '');
          const records = scan(text, delim);
          expect(records.map((r) => r.cells)).toEqual(table);
          // Each record starts on the line after the previous one's line breaks.
          let line = 1;
          const breaks = (c: string) => c.replace(/\r\n/g, '\n').split(/[\r\n]/).length - 1;
          records.forEach((r, i) => {
            expect(r.line).toBe(line);
            line += 1 + table[i]!.reduce((n, c) => n + breaks(c), 0);
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('ends, and keeps every record line within the text, on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' '), maxLength: 60 }),
        (text) => {
          const physical = text.replace(/\r\n/g, '\n').split(/[\r\n]/).length;
          for (const r of scan(text)) {
            expect(r.line).toBeGreaterThanOrEqual(1);
            expect(r.line).toBeLessThanOrEqual(physical);
            r.cells.forEach((_, i) => expect(cellLine(r, i)).toBeLessThanOrEqual(physical));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
