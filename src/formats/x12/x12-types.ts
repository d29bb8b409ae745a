/**
 * What the X12 tokenizer yields. Delimiters come from each interchange header (ISA): the element
 * separator is the byte after "ISA", the repetition separator is ISA11, the component separator ISA16
 * and the segment terminator the byte after ISA16.
 */
export interface X12Delimiters {
  element: string;
  /** ISA11 when it is a separator character (5010); null for the 4010 `U` (no repetition). */
  repetition: string | null;
  component: string;
  segment: string;
}

/**
 * One segment: `element(0)` is the segment id, `element(n)` the n-th element (`SVC01` = `element(1)`).
 * Its elements are cut from the file's text only when one is asked for, and only the elements asked
 * for become strings. The splitter hands over one segment object, pointed at each segment in turn: it is
 * valid during the call it is given to; `copy()` gives one of its own to keep.
 */
export class X12Segment {
  readonly kind = 'segment' as const;
  id = '';
  /** 1-based ordinal of the segment in the file. */
  index = 0;
  /** Byte offset of the segment's first byte in the file. */
  offset = 0;
  /** The delimiters of the interchange the segment belongs to (shared by its segments). */
  delimiters: X12Delimiters = { element: '*', repetition: null, component: ':', segment: '~' };
  private text = '';
  private start = 0;
  private stop = 0;
  /** `bounds[n]`: the separator before element n (`start - 1` for the id), `bounds[count]`: `stop`. */
  private readonly bounds: number[] = [];
  /** How many elements (with the id); -1 until they are cut. */
  private count = -1;

  /** Points the segment at `text[start, stop)` (no terminator); `id` is its text up to the first separator. */
  point(
    text: string,
    start: number,
    stop: number,
    id: string,
    index: number,
    offset: number,
    d: X12Delimiters,
  ): this {
    this.text = text;
    this.start = start;
    this.stop = stop;
    this.id = id;
    this.index = index;
    this.offset = offset;
    this.delimiters = d;
    this.count = -1;
    return this;
  }

  /** The n-th element, '' when the segment has fewer. */
  element(n: number): string {
    if (this.count < 0) this.cut();
    return n < this.count ? this.text.slice(this.bounds[n]! + 1, this.bounds[n + 1]) : '';
  }

  /** Whether the n-th element is exactly `text` (a qualifier), compared in place: no string is made. */
  is(n: number, text: string): boolean {
    if (this.count < 0) this.cut();
    if (n >= this.count) return text === '';
    const from = this.bounds[n]! + 1;
    return this.bounds[n + 1]! - from === text.length && this.text.startsWith(text, from);
  }

  /** The number of elements, the id included. */
  get length(): number {
    if (this.count < 0) this.cut();
    return this.count;
  }

  /** Every element, the id first. */
  get elements(): string[] {
    return Array.from({ length: this.length }, (_, n) => this.element(n));
  }

  /** A segment of these elements (`elements[0]` the id), none of which holds the element separator. */
  static of(elements: readonly string[], d: X12Delimiters, index = 0, offset = 0): X12Segment {
    const text = elements.join(d.element);
    return new X12Segment().point(text, 0, text.length, elements[0] ?? '', index, offset, d);
  }

  /** A segment of its own (its own text), to keep after the call it was given to. */
  copy(): X12Segment {
    const text = this.text.slice(this.start, this.stop);
    return new X12Segment().point(text, 0, text.length, this.id, this.index, this.offset, this.delimiters);
  }

  /** Element boundaries found with native search, no array of strings. */
  private cut(): void {
    const b = this.bounds;
    const separator = this.delimiters.element;
    let n = 0;
    b[0] = this.start - 1;
    for (let from = this.start; ;) {
      const at = this.text.indexOf(separator, from);
      if (at < 0 || at >= this.stop) break;
      b[++n] = at;
      from = at + 1;
    }
    b[n + 1] = this.stop;
    this.count = n + 1;
  }
}

/**
 * Bytes that cannot be read as segments: text outside any interchange (before the first ISA), an ISA
 * header whose delimiters cannot be found, or a segment longer than the tokenizer accepts.
 */
export interface X12Junk {
  kind: 'junk';
  offset: number;
  length: number;
  reason: 'outside-interchange' | 'bad-isa' | 'segment-too-long';
}

export type X12Token = X12Segment | X12Junk;

/** `seg.element(n)`: the n-th element or '' when the segment has fewer elements. */
export const element = (seg: X12Segment, n: number): string => seg.element(n);
