import { chunks, type X12Source } from './tokenize-x12.js';
import {
  isAlphanumeric,
  isWhitespace,
  MAX_ISA_LENGTH,
  MAX_SEGMENT_LENGTH,
  readIsaHeader,
  x12Decoder,
} from './x12-splitter.js';

/** The identifiers of a 2100 claim payment: CLP01 (our CLM01), CLP02 status, CLP07 (payer's control number). */
export interface ClaimKeys {
  patientControlNumber: string;
  status: string;
  payerClaimControlNumber: string;
}

/**
 * CLP01, CLP02 and CLP07 (trimmed, '' when absent) of every CLP segment of an X12 835 file
 * (005010X221A1), in file order, for a quick first look at which claims may be linked: no loop
 * assembly, no validation. The bytes are searched for `CLP` and `ISA` (native search, nothing decoded
 * but the CLP segments and ISA headers), with the splitter's rules (x12-splitter.ts): delimiters from
 * each ISA, a segment starts after a terminator and whitespace, a segment longer than the limit or in
 * no interchange is not one. So every claim `readRemittances` reads is seen; claims of sets it refuses
 * are seen too (a superset). Never throws: a source that fails ends the scan (the reader reports it).
 */
export async function scanClaimKeys(source: X12Source, onClaim: (keys: ClaimKeys) => void): Promise<void> {
  const scanner = new ClaimKeyScanner(onClaim);
  try {
    for await (const chunk of chunks(source)) scanner.push(chunk);
  } catch {
    return;
  }
  scanner.end();
}

const EMPTY = Buffer.alloc(0);
const CLP = Buffer.from('CLP', 'latin1');
const ISA = Buffer.from('ISA', 'latin1');

class ClaimKeyScanner {
  /** The bytes not looked at yet: they begin a segment (or are outside any interchange). */
  private carry: Buffer = EMPTY;
  private work: Buffer = EMPTY;
  /** Element separator and segment terminator bytes of the current interchange; -1 outside one. */
  private element = -1;
  private terminator = -1;
  /** After a segment longer than the limit: its bytes up to the next terminator are not segments. */
  private skipping = false;
  /** Where a CLP segment's element separators are, reused from claim to claim. */
  private readonly separators = new Int32Array(8);

  constructor(private readonly onClaim: (keys: ClaimKeys) => void) {}

  push(chunk: Uint8Array): void {
    let buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    if (this.carry.length > 0) {
      // The carry and the chunk side by side in a buffer reused from chunk to chunk (no new one each time).
      const length = this.carry.length + chunk.length;
      if (this.work.length < length) this.work = Buffer.allocUnsafe(Math.max(length, this.work.length * 2));
      this.work.set(this.carry, 0);
      this.work.set(chunk, this.carry.length);
      buf = this.work.subarray(0, length);
    }
    const pos = this.run(buf, false);
    // A copy of the tail: neither the chunk nor the work buffer is kept.
    this.carry = pos >= buf.length ? EMPTY : Buffer.from(buf.subarray(pos));
  }

  end(): void {
    this.run(this.carry, true);
    this.carry = EMPTY;
  }

  /** Reads `buf` up to where an unfinished ISA header or CLP segment begins; returns that position. */
  private run(buf: Buffer, final: boolean): number {
    const len = buf.length;
    let pos = 0;
    if (this.skipping) {
      const end = buf.indexOf(this.terminator, 0);
      if (end < 0) return len;
      this.skipping = false;
      pos = end + 1;
    }
    let isa = buf.indexOf(ISA, pos);
    let clp = this.terminator < 0 ? -1 : buf.indexOf(CLP, pos);
    while (isa >= 0 || clp >= 0) {
      const p = isa < 0 ? clp : clp < 0 ? isa : Math.min(isa, clp);
      // Outside an interchange an ISA anywhere starts one; inside, only at a segment start.
      if (this.terminator >= 0 && !this.atSegmentStart(buf, p)) {
        if (p === isa) isa = buf.indexOf(ISA, p + 1);
        else clp = buf.indexOf(CLP, p + 1);
        continue;
      }
      if (p === isa) {
        if (p + 3 >= len && !final) return p; // could be the start of "ISA*"
        if (p + 3 >= len || isAlphanumeric(buf[p + 3]!)) {
          isa = buf.indexOf(ISA, p + 1);
          continue;
        }
        const window = Math.min(len, p + MAX_ISA_LENGTH + 3);
        const header = readIsaHeader(x12Decoder.decode(buf.subarray(p, window)), 0, final || window < len);
        if (header === 'more') return p;
        if (header === 'bad') {
          this.element = this.terminator = -1;
          pos = p + 3;
        } else {
          this.element = header.delimiters.element.charCodeAt(0);
          this.terminator = header.delimiters.segment.charCodeAt(0);
          pos = p + header.end + 1;
        }
      } else {
        let end = buf.indexOf(this.terminator, p);
        if (end < 0) {
          if (!final) {
            if (len - p <= MAX_SEGMENT_LENGTH) return p;
            this.skipping = true;
            return len;
          }
          end = len;
        }
        if (end - p <= MAX_SEGMENT_LENGTH && buf[p + 3] === this.element) this.claim(buf, p, end);
        pos = end + 1;
      }
      // ISA is rare: where the next one is stays known until it is passed.
      if (isa >= 0 && isa < pos) isa = buf.indexOf(ISA, pos);
      clp = this.terminator < 0 ? -1 : buf.indexOf(CLP, pos);
    }
    if (this.terminator < 0) return final ? len : Math.max(pos, len - 3); // could be the start of "ISA"
    // From the last segment begun: a CLP or ISA at its start may not be complete yet.
    const last = buf.lastIndexOf(this.terminator);
    return final ? len : Math.max(pos, last + 1);
  }

  /** Whether `p` follows a segment terminator, with only whitespace between (a terminator may be one), or begins `buf`. */
  private atSegmentStart(buf: Buffer, p: number): boolean {
    for (let i = p - 1; i >= 0; i--) {
      if (buf[i] === this.terminator) return true;
      if (!isWhitespace(buf[i]!)) return false;
    }
    return true;
  }

  private claim(buf: Buffer, start: number, end: number): void {
    let stop = end;
    while (stop > start && (buf[stop - 1] === 13 || buf[stop - 1] === 10)) stop--;
    // The separators before CLP01…CLP08 (`buf[start + 3]` is the first): only CLP01, 02 and 07 are
    // decoded, each a small string of its own (not a slice of a chunk's text).
    const at = this.separators;
    let n = 0;
    for (let i = start + 3; i < stop && n < 8; i++) if (buf[i] === this.element) at[n++] = i;
    this.onClaim({
      patientControlNumber: this.text(buf, 1, n, stop),
      status: this.text(buf, 2, n, stop),
      payerClaimControlNumber: this.text(buf, 7, n, stop),
    });
  }

  /** CLPk trimmed ('' when the segment has fewer elements), of `n` separators found before `stop`. */
  private text(buf: Buffer, k: number, n: number, stop: number): string {
    const at = this.separators;
    return k > n ? '' : buf.toString('latin1', at[k - 1]! + 1, k < n ? at[k]! : stop).trim();
  }
}
