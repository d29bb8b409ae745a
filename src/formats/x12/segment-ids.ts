/** Segment ids of two or three characters; longer or shorter ones (damaged segments) are not kept. */
const MAX_KEPT = 512;

/**
 * The id strings of segments, one string per id: an 835 has a few dozen ids among millions of segments,
 * so each is made once (not a new string per segment) and comparing ids in a `switch` stays cheap. A
 * file of damaged ids does not make the table grow beyond `MAX_KEPT`.
 */
export class SegmentIds {
  private readonly known = new Map<number, string>();

  /** The id `text[start, end)`. */
  of(text: string, start: number, end: number): string {
    const length = end - start;
    if (length < 2 || length > 3) return text.slice(start, end);
    // Single-byte decoding: each character is below 256, so three fit in one number.
    const key =
      (text.charCodeAt(start) << 16) |
      (text.charCodeAt(start + 1) << 8) |
      (length === 3 ? text.charCodeAt(start + 2) : 0x100_0000);
    let id = this.known.get(key);
    if (id === undefined) {
      id = text.slice(start, end);
      if (this.known.size < MAX_KEPT) this.known.set(key, id);
    }
    return id;
  }
}
