import { describe, expect, it } from 'vitest';
import { SegmentIds } from './segment-ids.js';
import { X12Splitter } from './x12-splitter.js';
import { X12Segment, type X12Token } from './x12-types.js';

const D = { element: '*', repetition: '^', component: ':', segment: '~' };
const ISA =
  'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260105*1200*^*00501*000000001*0*P*:~';

describe('X12Segment', () => {
  it.each([
    ['CAS*CO*45*10.00', 4, ['CAS', 'CO', '45', '10.00']],
    ['CAS*CO**10.00*', 5, ['CAS', 'CO', '', '10.00', '']],
    ['LX', 1, ['LX']],
  ])('cuts %s into its elements when one is asked for', (text, length, elements) => {
    const seg = X12Segment.of(text.split('*'), D);
    expect(seg.length).toBe(length);
    expect(seg.elements).toEqual(elements);
    expect(elements.map((_, n) => seg.element(n))).toEqual(elements);
    expect(seg.element(length)).toBe('');
    expect(seg.element(99)).toBe('');
  });

  it('is handed over once per splitter and pointed at each segment; a copy keeps its own', () => {
    const seen: X12Token[] = [];
    const copies: X12Segment[] = [];
    const splitter = new X12Splitter((t) => {
      seen.push(t);
      if (t.kind === 'segment') copies.push(t.copy());
    });
    splitter.push(new TextEncoder().encode(`${ISA}GS*HP*S~ST*835*0001~SVC*HC:77412*10.00~`));
    splitter.end();
    expect(new Set(seen).size).toBe(1);
    expect(copies.map((c) => c.elements)).toEqual([
      expect.any(Array),
      ['GS', 'HP', 'S'],
      ['ST', '835', '0001'],
      ['SVC', 'HC:77412', '10.00'],
    ]);
    expect(copies.map((c) => c.index)).toEqual([1, 2, 3, 4]);
  });
});

describe('SegmentIds', () => {
  it.each([
    ['SVC', 0, 3],
    ['LX*1', 0, 2],
    ['N1*PR', 0, 2],
    ['X', 0, 1],
    ['ABCD*1', 0, 4],
    ['~REF', 1, 4],
  ])('reads the id of %s', (text, start, end) => {
    const ids = new SegmentIds();
    expect(ids.of(text, start, end)).toBe(text.slice(start, end));
    expect(ids.of(text, start, end)).toBe(text.slice(start, end));
  });

  it('tells ids of two and three characters apart', () => {
    const ids = new SegmentIds();
    expect([ids.of('N1', 0, 2), ids.of('N1\u0000', 0, 3), ids.of('N1A', 0, 3)]).toEqual([
      'N1',
      'N1\u0000',
      'N1A',
    ]);
  });

  it('still reads ids once its table is full', () => {
    const ids = new SegmentIds();
    const all = Array.from(
      { length: 2000 },
      (_, i) => `Z${String.fromCharCode(48 + (i % 40))}${String.fromCharCode(48 + Math.floor(i / 40))}`,
    );
    expect(all.map((id) => ids.of(id, 0, 3))).toEqual(all);
  });
});
