import type { DataSet } from 'dicom-parser';
import { TAGS } from './rt-record-tags.js';

/**
 * A tag walker for well-formed RT Beams Treatment Records: it reads the element headers of a little
 * endian data set (PS3.5 7.1.2 explicit VR, 7.1.3 implicit VR; 7.1.1 defined and undefined lengths; 7.5
 * sequences of items with item and sequence delimitation items) and keeps only the attributes the
 * reader uses (rt-record-tags.ts), in the shape of a dicom-parser data set. Of the Control Point Delivery
 * Sequence (3008,0040) it keeps the first and the last item's attributes (beam-on and beam-off); the
 * items between are walked, not kept. No object or string is made for an element the reader does not use.
 *
 * It reads only what dicom-parser reads alike: at anything that dicom-parser would diagnose, tolerate with
 * a warning or read by guessing (a truncated or corrupt structure, an undefined length outside a
 * sequence, an unexpected VR on a known attribute, an end of file inside a sequence, nesting deeper than
 * `MAX_DEPTH`) it returns null, and the caller reads the file with dicom-parser, which says where and why.
 * dicom-parser is the test oracle: on every fixture and mutated input the two readings give the same
 * record (read-rt-beams-record.walker.property.test.ts).
 */
export function walkDataSet(bytes: Uint8Array, start: number, explicit: boolean): DataSet | null {
  const walker = new Walker(bytes, explicit);
  try {
    return dataSet(bytes, walker.elements(start, bytes.length, 0, false));
  } catch (error) {
    if (error === BAIL) return null;
    throw error;
  }
}

/**
 * Whether dicom-parser's end of the file meta information is where the data set starts (`pos`, the first
 * element not of group 0002): it reads elements as explicit VR while their tag is at most (0002,FFFF),
 * the first data set element included, so that element must read plainly as explicit VR too (no group
 * 0000/0001, no sequence, no undefined length). Otherwise the file is left to dicom-parser.
 */
export function plainMetaEnd(bytes: Uint8Array, pos: number): boolean {
  if (pos === bytes.length) return true;
  if (pos + 12 > bytes.length) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint16(pos, true) <= 0x0002) return false;
  const code = bytes[pos + 4]! * 256 + bytes[pos + 5]!;
  if (code === SQ) return false;
  return !(VR_CODES.get(code) && view.getUint32(pos + 8, true) === UNDEFINED_LENGTH);
}

interface WalkedElement {
  tag: string;
  vr?: string;
  length: number;
  dataOffset: number;
  items?: { tag: string; length: number; dataOffset: number; dataSet: DataSet }[];
}

/** What a walk that keeps nothing returns (never written to). */
const NOTHING_KEPT: Record<string, WalkedElement> = Object.freeze({});

/** Thrown to leave the walk for dicom-parser; never escapes `walkDataSet`. */
const BAIL = Symbol('leave to dicom-parser');
const bail = (): never => {
  throw BAIL;
};

const UNDEFINED_LENGTH = 0xffffffff;
const ITEM = 0xfffee000;
const ITEM_DELIMITER = 0xfffee00d;
const SEQUENCE_DELIMITER = 0xfffee0dd;
/** Deeper nesting is left to dicom-parser (which refuses very deep nesting as corrupt). */
const MAX_DEPTH = 16;
const CONTROL_POINTS = 0x30080040;

/** The attributes the reader uses, by tag number: dicom-parser's key, the dictionary VR and its two bytes. */
const KNOWN = new Map<number, { key: string; vr: string; vrCode: number }>(
  Object.values(TAGS).map((t) => [
    parseInt(t.key.slice(1), 16),
    { key: t.key, vr: t.vr, vrCode: t.vr.charCodeAt(0) * 256 + t.vr.charCodeAt(1) },
  ]),
);

/** PS3.5 6.2 VRs; those of PS3.5 7.1.2 with a 2-byte reserved field and a 4-byte length are marked. */
const VR_CODES = new Map<number, boolean>(
  'AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV'
    .split(' ')
    .map((vr) => [vr.charCodeAt(0) * 256 + vr.charCodeAt(1), /^(O[BDFLVW]|S[QV]|U[CNRTV])$/.test(vr)]),
);
const SQ = 'S'.charCodeAt(0) * 256 + 'Q'.charCodeAt(0);

/** A data set in the shape of dicom-parser's (the reader uses `elements` and `byteArray`). */
const dataSet = (byteArray: Uint8Array, elements: Record<string, WalkedElement>): DataSet =>
  ({ byteArray, elements, warnings: [] }) as unknown as DataSet;

type WalkedItem = NonNullable<WalkedElement['items']>[number];

/**
 * What stands for every control point between the first and the last: one shared item with no
 * attributes (the reader counts them and reads only beam-on and beam-off, PS3.3 C.8.8.22).
 */
const SKIPPED_ITEM: WalkedItem = Object.freeze({
  tag: 'xfffee000',
  length: 0,
  dataOffset: 0,
  dataSet: Object.freeze(dataSet(new Uint8Array(0), Object.freeze({}))),
});

class Walker {
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly explicit: boolean,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private tagAt(pos: number): number {
    if (pos + 4 > this.bytes.length) bail();
    return ((this.view.getUint16(pos, true) << 16) | this.view.getUint16(pos + 2, true)) >>> 0;
  }

  /**
   * The elements from `pos` to `end` (a data set or a defined-length item), or up to and including an
   * item delimitation item when `end` is undefined-length (`untilDelimiter`). Returns the kept attributes
   * (`keep`), or an empty record when walking only.
   */
  elements(
    pos: number,
    end: number,
    depth: number,
    untilDelimiter: boolean,
    keep = true,
  ): Record<string, WalkedElement> {
    if (depth > MAX_DEPTH) bail();
    const kept: Record<string, WalkedElement> = keep ? {} : NOTHING_KEPT;
    for (;;) {
      if (untilDelimiter) {
        if (this.tagAt(pos) === ITEM_DELIMITER) {
          // PS3.5 7.5.2: its length is 0 (dicom-parser would read other bytes as an explicit VR and length).
          if (pos + 8 > this.bytes.length || this.view.getUint32(pos + 4, true) !== 0) bail();
          this.end = pos + 8;
          return kept;
        }
      } else if (pos >= end) {
        if (pos > end) bail();
        this.end = pos;
        return kept;
      }
      pos = this.element(pos, end, depth, keep ? kept : null);
    }
  }

  /** Where the last `elements` or `sequence` walk ended. */
  private end = 0;

  /** Reads one element at `pos`; returns where the next one starts. */
  private element(
    pos: number,
    end: number,
    depth: number,
    kept: Record<string, WalkedElement> | null,
  ): number {
    const tag = this.tagAt(pos);
    if (tag >>> 16 === 0xfffe) bail(); // an item or delimiter where an element belongs
    const known = KNOWN.get(tag);
    let isSequence: boolean;
    let length: number;
    let dataOffset: number;
    if (this.explicit) {
      if (pos + 8 > this.bytes.length) bail();
      const code = this.bytes[pos + 4]! * 256 + this.bytes[pos + 5]!;
      const long = VR_CODES.get(code);
      if (long === undefined) bail();
      if (known && code !== known.vrCode) bail(); // the reader reports it, from dicom-parser's reading
      if (long) {
        if (pos + 12 > this.bytes.length) bail();
        length = this.view.getUint32(pos + 8, true);
        dataOffset = pos + 12;
      } else {
        length = this.view.getUint16(pos + 6, true);
        dataOffset = pos + 8;
      }
      isSequence = code === SQ;
    } else {
      if (pos + 8 > this.bytes.length) bail();
      length = this.view.getUint32(pos + 4, true);
      dataOffset = pos + 8;
      if (known) isSequence = known.vr === 'SQ';
      else {
        // dicom-parser guesses a sequence when the value starts with an item or a sequence delimiter; with
        // fewer than 4 bytes left (an empty or short last value, PS3.5 7.1.3), a value.
        const next = dataOffset + 4 <= this.bytes.length ? this.tagAt(dataOffset) : 0;
        isSequence =
          (next === ITEM || next === SEQUENCE_DELIMITER) && (length === UNDEFINED_LENGTH || !isPrivate(tag));
      }
    }
    const undefinedLength = length === UNDEFINED_LENGTH;
    if (!undefinedLength && dataOffset + length > end) bail();
    if (!isSequence) {
      if (undefinedLength) bail();
      // A kept attribute's VR is the dictionary's: stated so in explicit VR (else the walk has left),
      // dicom-parser's `vrCallback` in implicit VR (vrOfKnownTag).
      if (known && kept) kept[known.key] = { tag: known.key, vr: known.vr, length, dataOffset };
      return dataOffset + length;
    }
    const keepItems = known !== undefined && kept !== null;
    const items = this.items(dataOffset, length, depth + 1, keepItems, tag === CONTROL_POINTS);
    const next = this.end;
    if (keepItems) kept[known.key] = { tag: known.key, vr: 'SQ', length, dataOffset, items: items! };
    return next;
  }

  /**
   * The items of a sequence whose value starts at `pos`. `keep`: the items' kept attributes are returned
   * (of control points, `endsOnly`, the first and last item's only). Sets `this.end`.
   */
  private items(
    pos: number,
    length: number,
    depth: number,
    keep: boolean,
    endsOnly: boolean,
  ): WalkedElement['items'] | null {
    const undefinedLength = length === UNDEFINED_LENGTH;
    const end = undefinedLength ? this.bytes.length : pos + length;
    const items: WalkedItem[] = [];
    let lastLength = 0;
    let lastDataOffset = 0;
    for (;;) {
      if (!undefinedLength && pos >= end) {
        if (pos > end) bail();
        break;
      }
      const tag = this.tagAt(pos);
      if (pos + 8 > this.bytes.length) bail();
      if (undefinedLength && tag === SEQUENCE_DELIMITER) {
        if (this.view.getUint32(pos + 4, true) !== 0) bail(); // PS3.5 7.5.2: length 0
        pos += 8;
        break;
      }
      if (tag !== ITEM) bail();
      const itemLength = this.view.getUint32(pos + 4, true);
      const dataOffset = pos + 8;
      const open = itemLength === UNDEFINED_LENGTH;
      if (!open && dataOffset + itemLength > end) bail();
      const keepThis = keep && (!endsOnly || items.length === 0);
      const elements = this.elements(dataOffset, open ? end : dataOffset + itemLength, depth, open, keepThis);
      const itemEnd = this.end;
      if (!open && itemEnd !== dataOffset + itemLength) bail();
      if (keepThis) items.push(item(this.bytes, itemLength, dataOffset, elements));
      else if (keep) items.push(SKIPPED_ITEM);
      lastLength = itemLength;
      lastDataOffset = dataOffset;
      pos = itemEnd;
    }
    // The last control point: its attributes, read again now that it is known to be the last.
    if (keep && endsOnly && items.length > 1) {
      const open = lastLength === UNDEFINED_LENGTH;
      const elements = this.elements(lastDataOffset, open ? end : lastDataOffset + lastLength, depth, open);
      items[items.length - 1] = item(this.bytes, lastLength, lastDataOffset, elements);
    }
    this.end = pos;
    return keep ? items : null;
  }
}

const item = (
  bytes: Uint8Array,
  length: number,
  dataOffset: number,
  elements: Record<string, WalkedElement>,
): WalkedItem => ({ tag: 'xfffee000', length, dataOffset, dataSet: dataSet(bytes, elements) });

/** PS3.5 7.8.1: private data elements have an odd group number. */
const isPrivate = (tag: number): boolean => ((tag >>> 16) & 1) === 1;
