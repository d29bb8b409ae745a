/**
 * Which texts (claim numbers) occur more than once among many, in a few bytes each: a 52-bit hash of
 * each text in an open-addressing table, no string kept, so a first pass over a 500 MB remittance file
 * stays small. Two texts with the same hash (odds about n² / 2⁵³) only read as repeated, never the
 * reverse: a caller that rechecks the repeated ones exactly gets exact answers.
 */
export class RepeatedKeys {
  private keys = new Float64Array(1 << 12);
  private counts = new Uint8Array(1 << 12);
  private used = 0;
  private repeats = 0;

  /** Whether any text was added twice. */
  get any(): boolean {
    return this.repeats > 0;
  }

  add(text: string): void {
    const key = hash52(text);
    const at = this.slot(key);
    if (this.keys[at] === key) {
      if (this.counts[at] === 1) this.repeats++;
      this.counts[at] = 2;
      return;
    }
    this.keys[at] = key;
    this.counts[at] = 1;
    if (++this.used * 2 > this.keys.length) this.grow();
  }

  repeated(text: string): boolean {
    const key = hash52(text);
    const at = this.slot(key);
    return this.keys[at] === key && this.counts[at] === 2;
  }

  /** The key's slot, or the empty one where it would go (linear probing; 0 marks an empty slot). */
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let at = key & mask;
    while (this.keys[at] !== 0 && this.keys[at] !== key) at = (at + 1) & mask;
    return at;
  }

  private grow(): void {
    const [keys, counts] = [this.keys, this.counts];
    this.keys = new Float64Array(keys.length * 2);
    this.counts = new Uint8Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 0) continue;
      const at = this.slot(keys[i]!);
      this.keys[at] = keys[i]!;
      this.counts[at] = counts[i]!;
    }
  }
}

/** Two 32-bit FNV-1a style hashes of the text's characters, as one integer below 2⁵² (never 0). */
function hash52(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (b >>> 12) * 0x100000000 + (a >>> 0) || 1;
}
