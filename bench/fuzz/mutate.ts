/**
 * The fuzzer's inputs: arbitrary bytes, or a valid seed file changed by 1–8 mutations (bit flips,
 * interesting bytes, truncation, deletion, splices from another seed, repeated segments and lines,
 * huge or odd numbers, separators). Input `i` of a reader depends only on (seed, reader, i), so any
 * input can be made again alone from the line that reported it.
 */
import { hashSeed, mulberry32 } from '../../src/app/demo-data/prng.js';

type Rng = () => number;

const NUMBERS = [
  '99999999999999999999999999',
  '-99999999999999999999',
  '1e308',
  '1e-320',
  '-0',
  'NaN',
  'Infinity',
  '0x7fffffff',
  '4294967296',
  '9007199254740993',
  '000000000000000000001',
  '1.7976931348623157e309',
  '.',
  '-',
  '1,000,000.00',
  '$-0.00',
  '99991231',
  '20260230',
  '2026-13-45T25:61:61',
  '00000000000000',
];
const SEPARATORS = [
  ',',
  ';',
  '|',
  '^',
  '~',
  '*',
  ':',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '"',
  "'",
  '\\',
  '&',
  '{',
  '}',
  '[',
  ']',
  '\u001c',
  '\u000b',
  '\u0000',
  '=',
  '%',
  '\ufeff',
  '\u2028',
  '�',
];
const BYTES = [
  0x00, 0xff, 0x7f, 0x80, 0xc0, 0xc3, 0xe2, 0xef, 0xbb, 0xbf, 0xfe, 0x0a, 0x0d, 0x22, 0x2c, 0x7c, 0x7e, 0x2a,
];

const int = (r: Rng, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)]!;
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The parts one after the other, as a plain Uint8Array (a Buffer's `slice` would be a view, not a copy). */
const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

/** A range [from, to) of at most `max` bytes. */
function range(r: Rng, b: Uint8Array, max = 256): [number, number] {
  const from = int(r, b.length + 1);
  return [from, Math.min(b.length, from + 1 + int(r, max))];
}

/** The start of a line (after a \n) near `at`, for line-level mutations. */
function lineStart(b: Uint8Array, at: number): number {
  let i = Math.min(at, b.length);
  while (i > 0 && b[i - 1] !== 0x0a) i--;
  return i;
}
function lineEnd(b: Uint8Array, at: number): number {
  let i = at;
  while (i < b.length && b[i] !== 0x0a) i++;
  return Math.min(b.length, i + 1);
}

const MUTATIONS: ((r: Rng, b: Uint8Array, seeds: readonly Uint8Array[]) => Uint8Array)[] = [
  // bit flips
  (r, b) => {
    const out = b.slice();
    for (let n = 1 + int(r, 8); n > 0 && out.length; n--) out[int(r, out.length)]! ^= 1 << int(r, 8);
    return out;
  },
  // an interesting byte
  (r, b) => {
    const out = b.slice();
    if (out.length) out[int(r, out.length)] = pick(r, BYTES);
    return out;
  },
  // truncation
  (r, b) => b.subarray(0, int(r, b.length + 1)),
  // a deleted range
  (r, b) => {
    const [from, to] = range(r, b);
    return concat(b.subarray(0, from), b.subarray(to));
  },
  // a splice from another seed
  (r, b, seeds) => {
    const other = pick(r, seeds);
    const [from, to] = range(r, other, 2048);
    const at = int(r, b.length + 1);
    return concat(b.subarray(0, at), other.subarray(from, to), b.subarray(r() < 0.5 ? at : range(r, b)[1]));
  },
  // a repeated segment (up to 300 times)
  (r, b) => {
    const [from, to] = range(r, b, 128);
    const times = 2 + int(r, r() < 0.8 ? 8 : 300);
    const part = b.subarray(from, to);
    return concat(b.subarray(0, to), ...Array.from({ length: times }, () => part), b.subarray(to));
  },
  // a repeated line (segment, row, header line)
  (r, b) => {
    const start = lineStart(b, int(r, b.length + 1));
    const end = Math.min(lineEnd(b, start), start + 4096);
    const times = 2 + int(r, r() < 0.8 ? 5 : 500);
    const part = b.subarray(start, end);
    return concat(b.subarray(0, end), ...Array.from({ length: times }, () => part), b.subarray(end));
  },
  // a huge or odd number, inserted or replacing a run of digits
  (r, b) => {
    const number = utf8(pick(r, NUMBERS));
    let at = int(r, b.length + 1);
    for (let tries = 0; tries < 64 && at < b.length && !(b[at]! >= 0x30 && b[at]! <= 0x39); tries++) {
      at = int(r, b.length);
    }
    let end = at;
    while (end < b.length && b[end]! >= 0x30 && b[end]! <= 0x39) end++;
    return concat(b.subarray(0, at), number, b.subarray(r() < 0.7 ? end : at));
  },
  // separators
  (r, b) => {
    const seps = Array.from({ length: 1 + int(r, r() < 0.8 ? 3 : 200) }, () => pick(r, SEPARATORS)).join('');
    const at = int(r, b.length + 1);
    return concat(b.subarray(0, at), utf8(seps), b.subarray(r() < 0.5 ? at : Math.min(b.length, at + 1)));
  },
  // a swapped pair of lines
  (r, b) => {
    const a = lineStart(b, int(r, b.length + 1));
    const aEnd = lineEnd(b, a);
    const c = lineStart(b, aEnd + int(r, Math.max(1, b.length - aEnd)));
    const cEnd = lineEnd(b, c);
    if (c < aEnd) return b;
    return concat(
      b.subarray(0, a),
      b.subarray(c, cEnd),
      b.subarray(aEnd, c),
      b.subarray(a, aEnd),
      b.subarray(cEnd),
    );
  },
];

function arbitrary(r: Rng, seeds: readonly Uint8Array[]): Uint8Array {
  const length = r() < 0.9 ? int(r, 512) : int(r, 64 * 1024);
  const out = new Uint8Array(length);
  const ascii = r() < 0.6;
  for (let i = 0; i < length; i++) out[i] = ascii ? 0x20 + int(r, 95) : int(r, 256);
  if (ascii) for (let i = 0; i < length; i += 1 + int(r, 40)) out[i] = pick(r, BYTES);
  // Half keep a seed's first bytes, so content sniffing and headers pass and the body is garbage.
  if (r() < 0.5 && seeds.length) {
    const seed = pick(r, seeds);
    return concat(seed.subarray(0, int(r, Math.min(seed.length, 200) + 1)), out);
  }
  return out;
}

/** Inputs are cut to this size after each mutation (repeats compound): the fuzzer looks for wrong answers, not throughput. */
export const MAX_INPUT_BYTES = 1024 * 1024;

/** Input `index` of `reader` for the run seed `seed`. */
export function makeInput(
  seed: number,
  reader: string,
  index: number,
  seeds: readonly Uint8Array[],
): Uint8Array {
  const r = mulberry32(hashSeed('fuzz', seed, reader, index));
  if (!seeds.length || r() < 0.1) return arbitrary(r, seeds);
  let b: Uint8Array = pick(r, seeds);
  for (let n = 1 + int(r, r() < 0.7 ? 3 : 8); n > 0; n--) {
    b = pick(r, MUTATIONS)(r, b, seeds);
    if (b.length > MAX_INPUT_BYTES) b = b.subarray(0, MAX_INPUT_BYTES);
  }
  return b;
}
