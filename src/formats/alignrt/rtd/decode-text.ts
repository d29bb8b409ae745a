/**
 * Input → UTF-8 bytes, the form the reader scans. Bytes are used as they are (a UTF-8 BOM skipped); UTF-16
 * (Windows tools export text so: by its byte-order mark, or ASCII text with every other byte zero) and a
 * string input are re-encoded. Text is decoded only where needed (header lines, odd cells), with invalid
 * bytes as U+FFFD, so a Windows-1252 name never stops a read.
 */
export function toUtf8Bytes(input: Uint8Array | string): Uint8Array {
  if (typeof input === 'string') {
    return new TextEncoder().encode(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
  }
  const [a, b, c] = [input[0], input[1], input[2]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return input.subarray(3);
  const d = input[3];
  const le = (a === 0xff && b === 0xfe) || (a !== 0 && b === 0 && c !== 0 && d === 0);
  const be = (a === 0xfe && b === 0xff) || (a === 0 && b !== 0 && c === 0 && d !== 0);
  if (le || be) return new TextEncoder().encode(new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(input));
  return input;
}

const utf8 = new TextDecoder();

/** The text of `bytes[start, end)`. */
export function textOf(bytes: Uint8Array, start: number, end: number): string {
  return utf8.decode(bytes.subarray(start, end));
}
