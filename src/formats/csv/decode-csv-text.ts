import type { InputProblem, ReadResult } from '../../core/model/input-problem.js';

/** The text encodings a mapping may name; `auto` = BOM, else UTF-8 if valid, else Windows-1252. */
export const CSV_ENCODINGS = ['auto', 'utf-8', 'windows-1252'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export interface DecodedCsv {
  text: string;
  /** What the bytes were read as. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  bom: boolean;
}

/** How much of the start of a file the binary checks look at. */
const SNIFF = 64 * 1024;

/**
 * Bytes (or text) → text, or a refusal when the content is not text (architecture.md, "Input problems").
 * A byte-order mark decides the encoding whatever the mapping says (Unicode §23.8: it is unambiguous);
 * otherwise the mapping's encoding, where `auto` reads valid UTF-8 as UTF-8 and anything else as
 * Windows-1252 (the code page of US/Western European Excel "CSV" exports; a Windows-1252 file with
 * accented letters is practically never valid UTF-8, so the choice is safe).
 */
export function decodeCsvText(
  input: Uint8Array | string,
  source: string,
  encoding: CsvEncoding = 'auto',
): ReadResult<DecodedCsv> {
  if (typeof input === 'string') {
    const bom = input.charCodeAt(0) === 0xfeff;
    const text = bom ? input.slice(1) : input;
    const refusal = refuseControlText(text, source);
    return refusal ?? { ok: true, value: { text, encoding: 'utf-8', bom }, warnings: [] };
  }
  const bytes = input;
  const signature = binarySignature(bytes);
  if (signature) return refuse(source, 0, `not a text CSV: ${signature}`);
  let decoded: DecodedCsv;
  const warnings: InputProblem[] = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeUtf8(bytes.subarray(3));
    if (text === null) return invalidUtf8(bytes, 3, source);
    decoded = { text, encoding: 'utf-8', bom: true };
    if (encoding === 'windows-1252') warnings.push(bomWins(source, 'UTF-8'));
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    // Excel's "Unicode Text" export: UTF-16 with a BOM (little-endian on Windows), tab-separated.
    const le = bytes[0] === 0xff;
    const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
    decoded = { text, encoding: le ? 'utf-16le' : 'utf-16be', bom: true };
  } else {
    const nul = bytes.subarray(0, SNIFF).indexOf(0);
    if (nul >= 0) {
      return refuse(
        source,
        nul,
        looksUtf16WithoutBom(bytes)
          ? 'not a text CSV: UTF-16 text without a byte-order mark; save the file as UTF-8 (or UTF-16 with BOM)'
          : 'not a text CSV: binary content (a NUL byte)',
      );
    }
    const utf8 = encoding === 'windows-1252' ? null : decodeUtf8(bytes);
    if (utf8 !== null) decoded = { text: utf8, encoding: 'utf-8', bom: false };
    else if (encoding === 'utf-8') return invalidUtf8(bytes, 0, source);
    else decoded = { text: decodeWindows1252(bytes), encoding: 'windows-1252', bom: false };
  }
  const refusal = refuseControlText(decoded.text, source);
  return refusal ?? { ok: true, value: decoded, warnings };
}

/** Formats that are sometimes handed over as "the CSV": say what they are instead of parsing noise. */
function binarySignature(b: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((x, i) => b[i] === x);
  if (starts(0x50, 0x4b, 0x03, 0x04))
    return 'a ZIP archive (an Excel .xlsx workbook?); save the sheet as CSV';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'an OLE2 file (an Excel .xls workbook?); save the sheet as CSV';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'a PDF document';
  if (starts(0x1f, 0x8b)) return 'a gzip archive; decompress it first';
  // DICOM PS3.10 §7.1: a 128-byte preamble, then "DICM".
  if (b[128] === 0x44 && b[129] === 0x49 && b[130] === 0x43 && b[131] === 0x4d) return 'a DICOM file';
  return null;
}

/**
 * C0 control characters other than TAB, LF, CR and FF have no place in a CSV export; more than 1% of the
 * first 64 KB (and more than a handful) is binary content. NUL is refused outright; a stray DOS
 * end-of-file mark (^Z) passes.
 */
function refuseControlText(text: string, source: string): ReadResult<never> | null {
  const end = Math.min(text.length, SNIFF);
  let controls = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return refuse(source, null, 'not a text CSV: binary content (a NUL character)');
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) controls++;
  }
  if (controls > 8 && controls * 100 > end) {
    return refuse(source, null, 'not a text CSV: binary content (control characters)');
  }
  return null;
}

function refuse(source: string, byte: number | null, message: string): ReadResult<never> {
  return { ok: false, problems: [{ location: byte === null ? source : `${source}:byte ${byte}`, message }] };
}

function bomWins(source: string, name: string): InputProblem {
  return {
    location: `${source}:line 1`,
    message: `the file starts with a ${name} byte-order mark: read as ${name}, not as the mapping's encoding`,
  };
}

function invalidUtf8(bytes: Uint8Array, from: number, source: string): ReadResult<never> {
  const at = firstInvalidUtf8(bytes, from);
  return {
    ok: false,
    problems: [
      {
        location: `${source}:line ${lineAt(bytes, at)}`,
        message: 'not valid UTF-8: save the file as UTF-8, or set "encoding": "windows-1252" in the mapping',
      },
    ],
  };
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return null;
  }
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629 §4), for the line of the problem. */
export function firstInvalidUtf8(b: Uint8Array, from: number): number {
  let i = from;
  while (i < b.length) {
    const c = b[i]!;
    let n: number;
    let min: number;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (x & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return b.length;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

/** Every other byte NUL in the first KB: UTF-16 text that lost its BOM. */
function looksUtf16WithoutBom(b: Uint8Array): boolean {
  const n = Math.min(b.length, 1024) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  return Math.max(even, odd) >= 0.8 * (n / 2) && Math.min(even, odd) === 0;
}

/**
 * Windows-1252 (WHATWG Encoding "windows-1252"): Latin-1 except 0x80–0x9F. Decoded by hand because Node
 * 20's TextDecoder('windows-1252') returns Latin-1 for that range (0x80 → U+0080 instead of €).
 */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80]! : b;
    }
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}
