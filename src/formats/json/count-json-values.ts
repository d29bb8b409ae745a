const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;

/**
 * About how many values (objects, arrays, strings, numbers, literals) a JSON text holds, counted on its
 * bytes without parsing it: containers opened plus the commas between members, outside strings (RFC
 * 8259 §7: a string's quote and backslash are the only bytes that change what follows). What a parse
 * costs in memory grows with the values, not the bytes: a 38 MB list of a million `{}` entries parses
 * to over a gigabyte. Stops counting past `max` (returns max + 1): a file far over is refused as fast.
 */
export function countJsonValues(bytes: Uint8Array, max: number): number {
  let count = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === COMMA || c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++count > max) return max + 1;
    }
  }
  return count;
}
