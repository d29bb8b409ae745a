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

/** One segment: `elements[0]` is the segment id, `elements[n]` the n-th element (`SVC01` = `elements[1]`). */
export interface X12Segment {
  kind: 'segment';
  id: string;
  elements: string[];
  /** 1-based ordinal of the segment in the file. */
  index: number;
  /** Byte offset of the segment's first byte in the file. */
  offset: number;
  /** The delimiters of the interchange the segment belongs to (shared by its segments). */
  delimiters: X12Delimiters;
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

/** `seg.elements[n]` or '' when the segment has fewer elements. */
export const element = (seg: X12Segment, n: number): string => seg.elements[n] ?? '';
