import { describe, expect, it } from 'vitest';
import { tokenizeX12, tokenizeX12Bytes } from './tokenize-x12.js';
import type { X12Segment, X12Token } from './x12-types.js';

const enc = (s: string) => new TextEncoder().encode(s);
const ISA =
  'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260105*1200*^*00501*000000001*0*P*:~';
const ISA2 = ISA.replace(/\*/g, '|').replace('|^|', '|!|').replace('|:~', '|>\n');
const FILE = `${ISA}\r\nGS*HP*S*R*20260105*1200*1*X*005010X221A1~\r\nST*835*0001~SVC*HC:77412:26*10.00~SE*3*0001~GE*1*1~IEA*1*000000001~\n`;

const segs = (tokens: Iterable<X12Token>) => [...tokens].filter((t): t is X12Segment => t.kind === 'segment');

async function collect(chunks: Uint8Array[]): Promise<X12Token[]> {
  const out: X12Token[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const t of tokenizeX12(source())) out.push(t);
  return out;
}

describe('tokenizeX12', () => {
  it('reads the delimiters from ISA and splits segments and elements', () => {
    const s = segs(tokenizeX12Bytes(enc(FILE)));
    expect(s.map((x) => x.id)).toEqual(['ISA', 'GS', 'ST', 'SVC', 'SE', 'GE', 'IEA']);
    expect(s[0]!.delimiters).toEqual({ element: '*', repetition: '^', component: ':', segment: '~' });
    expect(s[0]!.elements).toHaveLength(17);
    expect(s[3]!.elements).toEqual(['SVC', 'HC:77412:26', '10.00']);
    expect(s.map((x) => x.index)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(s[1]!.offset).toBe(ISA.length + 2);
    expect(FILE.slice(s[3]!.offset, s[3]!.offset + 3)).toBe('SVC');
  });

  it('takes new delimiters from each ISA', () => {
    const second = `${ISA2}GS|HC|S|R|20260105|1200|2|X|005010X222A1\nIEA|1|000000001\n`;
    const s = segs(tokenizeX12Bytes(enc(FILE + second)));
    expect(s.map((x) => x.id)).toEqual(['ISA', 'GS', 'ST', 'SVC', 'SE', 'GE', 'IEA', 'ISA', 'GS', 'IEA']);
    expect(s[7]!.delimiters).toEqual({ element: '|', repetition: '!', component: '>', segment: '\n' });
    expect(s[8]!.elements[1]).toBe('HC');
  });

  it('gives the same segments whatever the chunk boundaries', async () => {
    const bytes = enc(FILE + FILE);
    const whole = segs(tokenizeX12Bytes(bytes)).map((x) => [x.elements, x.offset, x.index]);
    for (const size of [1, 2, 3, 5, 7, 13, 64, 105, 106, 107]) {
      const parts: Uint8Array[] = [];
      for (let at = 0; at < bytes.length; at += size) parts.push(bytes.subarray(at, at + size));
      const got = segs(await collect(parts)).map((x) => [x.elements, x.offset, x.index]);
      expect(got, `chunk size ${size}`).toEqual(whole);
    }
  });

  it('reports bytes outside an interchange and a header without delimiters as junk', () => {
    const t = [...tokenizeX12Bytes(enc(`hello\n${FILE}ISA*00*short~ST*835*1~`))];
    expect(t[0]).toEqual({ kind: 'junk', offset: 0, length: 6, reason: 'outside-interchange' });
    const bad = t.filter((x) => x.kind === 'junk' && x.reason === 'bad-isa');
    expect(bad).toHaveLength(1);
    expect(segs(t)).toHaveLength(7);
  });

  it('reads a last segment without its terminator and ignores CR/LF around segments', () => {
    const s = segs(tokenizeX12Bytes(enc(`${ISA}\n\nGS*HP\r\n~\r\n  IEA*1*000000001`)));
    expect(s.map((x) => x.elements)).toEqual([expect.any(Array), ['GS', 'HP'], ['IEA', '1', '000000001']]);
  });

  it('reports a segment without a terminator beyond the length limit as junk', () => {
    const long = `${ISA}GS*${'x'.repeat(150_000)}`;
    const t = [...tokenizeX12Bytes(enc(long))];
    expect(t.at(-1)).toMatchObject({ kind: 'junk', reason: 'segment-too-long' });
  });
});
