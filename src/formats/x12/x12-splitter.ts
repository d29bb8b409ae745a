import { SegmentIds } from './segment-ids.js';
import { type X12Delimiters, type X12Junk, X12Segment, type X12Token } from './x12-types.js';

/** A segment longer than this (characters) is junk: real 5010 segments are a few hundred at most. */
export const MAX_SEGMENT_LENGTH = 100_000;
/** The ISA header is 106 characters when its elements have their fixed widths; allow padding drift. */
export const MAX_ISA_LENGTH = 400;
/**
 * Bytes decoded into one string at a time: below V8's largest regular heap object (128 KiB), so the
 * text of a piece is made in the young generation, not as a large object that only a full (mark-compact)
 * collection frees. A 256 KiB string per chunk cost 10–20 times the decoding of four 64 KiB ones.
 */
export const DECODE_BYTES = 64 * 1024;

// Single-byte decoding keeps 1 character = 1 byte, so string positions are byte offsets. X12 is
// ASCII (basic and extended character sets); other bytes survive as their windows-1252 characters.
export const x12Decoder = new TextDecoder('latin1');

export const isWhitespace = (c: number) => c === 32 || (c >= 9 && c <= 13);
export const isAlphanumeric = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const I = 73;
const S = 83;
const A = 65;

/**
 * Push-based X12 segment splitter: feed byte chunks with `push`, then `end`; each complete segment (or
 * run of unreadable bytes) is handed to `emit` as soon as its terminator has been seen. Only the
 * unfinished tail of a chunk is carried over, so memory stays flat whatever the file size. Each chunk
 * is decoded once (single-byte) and segments are split with native string search; the delimiters are
 * read from each ISA header, so several interchanges with different delimiters can follow each other.
 * No object is made per segment: `emit` gets the same `X12Segment` pointed at each one in turn (its
 * elements cut only when asked for); a caller that keeps segments keeps their `copy()`.
 */
export class X12Splitter {
  /** The text being split: the bytes carried over and the chunk, decoded together. */
  private buf = '';
  /** The bytes of an unfinished segment, carried to the next chunk (bytes, so no string is joined). */
  private carry: Uint8Array = new Uint8Array(0);
  /** Where the carry and the next chunk are put side by side, reused from chunk to chunk. */
  private work = new Uint8Array(0);
  /** File offset of `buf[0]`. */
  private base = 0;
  private delimiters: X12Delimiters | null = null;
  private index = 0;
  private junk: X12Junk | null = null;
  /** After a too-long segment: its remaining bytes up to the next terminator are junk too. */
  private skipping = false;
  /** The segment handed to `emit`, pointed at each segment in turn. */
  private readonly current = new X12Segment();
  private readonly ids = new SegmentIds();

  constructor(private readonly emit: (token: X12Token) => void) {}

  push(chunk: Uint8Array): void {
    // A file stream's chunk (256 KiB) is split in pieces: each decoded piece is a string small enough
    // for V8's young generation, where it dies cheaply, instead of a large object in the old one.
    for (let at = 0; at < chunk.length; at += DECODE_BYTES)
      this.pushPiece(chunk.subarray(at, at + DECODE_BYTES));
  }

  private pushPiece(chunk: Uint8Array): void {
    let bytes = chunk;
    if (this.carry.length > 0) {
      const length = this.carry.length + chunk.length;
      if (this.work.length < length) this.work = new Uint8Array(Math.max(length, this.work.length * 2));
      this.work.set(this.carry, 0);
      this.work.set(chunk, this.carry.length);
      bytes = this.work.subarray(0, length);
    }
    this.buf = x12Decoder.decode(bytes);
    // Single-byte decoding: the text's positions are the bytes' positions.
    const pos = this.run(false);
    this.carry = new Uint8Array(bytes.subarray(pos)); // a copy: neither the chunk nor the work area is kept
  }

  end(): void {
    this.buf = x12Decoder.decode(this.carry);
    this.carry = new Uint8Array(0);
    this.run(true);
    this.flushJunk();
  }

  /** Splits `buf`; returns where the unfinished rest (carried to the next chunk) begins. */
  private run(final: boolean): number {
    const buf = this.buf;
    const len = buf.length;
    let pos = 0;
    if (this.skipping && this.delimiters !== null) {
      const end = buf.indexOf(this.delimiters.segment);
      pos = end < 0 ? len : end + 1;
      this.addJunk(0, pos, 'segment-too-long');
      this.skipping = end < 0;
    }
    for (;;) {
      while (pos < len && isWhitespace(buf.charCodeAt(pos))) pos++;
      if (pos >= len) break;
      if (len - pos < 4 && !final) break; // could be the start of "ISA*"
      if (
        buf.charCodeAt(pos) === I &&
        buf.charCodeAt(pos + 1) === S &&
        buf.charCodeAt(pos + 2) === A &&
        pos + 3 < len &&
        !isAlphanumeric(buf.charCodeAt(pos + 3))
      ) {
        const header = readIsaHeader(buf, pos, final);
        if (header === 'more') break;
        if (header === 'bad') {
          this.delimiters = null;
          const next = buf.indexOf('ISA', pos + 3);
          const stop = next < 0 ? (final ? len : Math.max(pos + 3, len - 3)) : next;
          this.addJunk(pos, stop - pos, 'bad-isa');
          pos = stop;
          continue;
        }
        this.delimiters = header.delimiters;
        this.segment(pos, header.end);
        pos = header.end + 1;
        continue;
      }
      const d = this.delimiters;
      if (d === null) {
        const next = buf.indexOf('ISA', pos + 1);
        const stop = next < 0 ? (final ? len : Math.max(pos, len - 3)) : next;
        if (stop > pos) this.addJunk(pos, stop - pos, 'outside-interchange');
        if (next < 0 && !final) {
          pos = stop;
          break;
        }
        pos = stop;
        continue;
      }
      let end = buf.indexOf(d.segment, pos);
      if (end < 0) {
        if (!final) {
          if (len - pos > MAX_SEGMENT_LENGTH) {
            this.addJunk(pos, len - pos, 'segment-too-long');
            this.skipping = true;
            pos = len;
          }
          break;
        }
        end = len; // the last segment of the file, without its terminator
      }
      if (end - pos > MAX_SEGMENT_LENGTH) this.addJunk(pos, end - pos, 'segment-too-long');
      else this.segment(pos, end);
      pos = end + 1;
    }
    this.buf = '';
    this.base += Math.min(pos, len);
    return Math.min(pos, len);
  }

  private segment(start: number, end: number): void {
    const d = this.delimiters!;
    const buf = this.buf;
    let stop = end;
    while (
      stop > start &&
      buf.charCodeAt(stop - 1) <= 13 &&
      (buf.charCodeAt(stop - 1) === 13 || buf.charCodeAt(stop - 1) === 10)
    )
      stop--;
    if (stop === start) return;
    if (this.junk !== null) this.flushJunk();
    ++this.index;
    const first = buf.indexOf(d.element, start);
    const idEnd = first < 0 || first > stop ? stop : first;
    this.emit(
      this.current.point(buf, start, stop, this.ids.of(buf, start, idEnd), this.index, this.base + start, d),
    );
  }

  private addJunk(start: number, length: number, reason: X12Junk['reason']): void {
    const offset = this.base + start;
    const j = this.junk;
    if (j !== null && j.reason === reason && j.offset + j.length === offset) j.length += length;
    else {
      this.flushJunk();
      this.junk = { kind: 'junk', offset, length, reason };
    }
  }

  private flushJunk(): void {
    if (this.junk !== null) this.emit(this.junk);
    this.junk = null;
  }
}

/**
 * The delimiters of the ISA header at `pos`: the element separator follows "ISA"; after the 16th
 * separator come ISA16 (one character, the component separator) and the segment terminator.
 */
export function readIsaHeader(
  buf: string,
  pos: number,
  final: boolean,
): { delimiters: X12Delimiters; end: number } | 'more' | 'bad' {
  const element = buf[pos + 3]!;
  if (isWhitespace(element.charCodeAt(0))) return 'bad';
  let at = pos + 3;
  for (let n = 1; n < 16; n++) {
    at = buf.indexOf(element, at + 1);
    if (at < 0 || at - pos > MAX_ISA_LENGTH) {
      return at < 0 && !final && buf.length - pos <= MAX_ISA_LENGTH ? 'more' : 'bad';
    }
  }
  if (at + 2 >= buf.length) return final ? 'bad' : 'more';
  const component = buf[at + 1]!;
  const segment = buf[at + 2]!;
  const distinct = new Set([element, component, segment]).size === 3;
  if (!distinct || isAlphanumeric(component.charCodeAt(0)) || isAlphanumeric(segment.charCodeAt(0)))
    return 'bad';
  if (isWhitespace(component.charCodeAt(0))) return 'bad';
  // ISA11: the repetition separator in 5010; `U` (US EDI community) in 4010.
  const isa11 = buf.slice(pos, at).split(element)[11] ?? '';
  const c = isa11.charCodeAt(0);
  const repetition =
    isa11.length === 1 &&
    !isAlphanumeric(c) &&
    !isWhitespace(c) &&
    ![element, component, segment].includes(isa11)
      ? isa11
      : null;
  return { delimiters: { element, repetition, component, segment }, end: at + 2 };
}
