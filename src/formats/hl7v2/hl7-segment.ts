import { decodeEscapes, type Delimiters } from './hl7-encoding.js';

/**
 * One segment split on the field separator, with access to repetitions, components and subcomponents
 * (HL7 v2.5.1 §2.5: segment → field → repetition → component → subcomponent). Values are decoded
 * (escape sequences) after splitting, trimmed, and `""` (the explicit null, §2.5.3) reads as empty.
 */
export class Segment {
  readonly id: string;
  private readonly parts: string[];

  constructor(
    readonly text: string,
    readonly delimiters: Delimiters,
    /** Counts escape sequences that could not be decoded (reported once per message). */
    private readonly onUndecoded: (field: number) => void = () => {},
  ) {
    this.parts = text.split(delimiters.field);
    this.id = this.parts[0] ?? '';
  }

  /**
   * The raw text of field n (1-based). In MSH, MSH-1 is the field separator itself and MSH-2 the
   * encoding characters (§2.14.9.1–2), so MSH-n is the (n-1)th part after the segment ID.
   */
  raw(n: number): string {
    if (this.id === 'MSH') {
      if (n === 1) return this.delimiters.field;
      return this.parts[n - 1] ?? '';
    }
    return this.parts[n] ?? '';
  }

  /** The repetitions of field n (raw text of each; an empty field has none). */
  repetitions(n: number): string[] {
    const raw = this.raw(n);
    if (raw === '') return [];
    if (this.id === 'MSH' && n <= 2) return [raw];
    return raw.split(this.delimiters.repetition);
  }

  /** Component c (1-based), subcomponent s of one repetition's raw text, decoded. */
  part(repetition: string, n: number, c = 1, s = 1): string {
    const sub = nth(nth(repetition, this.delimiters.component, c - 1), this.delimiters.subcomponent, s - 1);
    if (sub === '') return '';
    const { text, undecoded } = decodeEscapes(sub, this.delimiters);
    if (undecoded > 0) this.onUndecoded(n);
    const value = text.trim();
    return value === '""' ? '' : value;
  }

  /** Field n, first repetition, component c, subcomponent s. */
  value(n: number, c = 1, s = 1): string {
    const raw = this.raw(n);
    if (raw === '') return '';
    return this.part(this.id === 'MSH' && n <= 2 ? raw : nth(raw, this.delimiters.repetition, 0), n, c, s);
  }
}

/** The k-th (0-based) piece of text split on sep, without splitting the rest (fields can be megabytes). */
function nth(text: string, sep: string, k: number): string {
  let start = 0;
  for (let i = 0; i < k; i++) {
    const at = text.indexOf(sep, start);
    if (at === -1) return '';
    start = at + 1;
  }
  const end = text.indexOf(sep, start);
  return end === -1 ? text.slice(start) : text.slice(start, end);
}

/** A segment ID is three characters, a capital letter then capitals or digits (§2.5.2). */
export const SEGMENT_ID = /^[A-Z][A-Z0-9]{2}$/;
