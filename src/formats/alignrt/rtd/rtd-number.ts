/**
 * Decimal numbers read in place from the bytes, without a string per cell: `0.400`, `-2.277061E-03`,
 * `5000`. When the digits form an exact integer (≤ 2^53) and the decimal exponent is within ±22, one
 * multiplication or division by an exact power of ten gives the correctly rounded double (Clinger's fast
 * path), so the result equals `Number(text)`; other numbers fall back to `Number` on the text. The value is written into a typed array and the function returns a position (a small integer):
 * a double returned from a call that is not inlined would be boxed, one allocation per cell.
 */

const POW10 = new Float64Array(23).map((_, i) => 10 ** i); // 1e0…1e22 are exact doubles
const ascii = new TextDecoder();

/**
 * Reads the number that starts at `start` (after blanks) and ends at the separator `sep`, a line end
 * (LF or CR) or `end`. On success writes it to `out[at]` and returns the position where the cell ends;
 * otherwise (empty, `N/A`, text, hex, `Infinity`, a number followed by text) writes NaN and returns
 * `-1 - position` where reading stopped, for the caller to find the cell's end and classify it.
 */
export function scanNumber(
  b: Uint8Array,
  start: number,
  end: number,
  sep: number,
  out: Float64Array,
  at: number,
): number {
  let i = start;
  let c = 0;
  // Blanks: space, and tab unless tab separates the cells.
  while (i < end && ((c = b[i]!) === 32 || (c === 9 && sep !== 9))) i++;
  const from = i;
  let negative = false;
  if (i < end && (c === 45 /* - */ || c === 43) /* + */) {
    negative = c === 45;
    i++;
  }
  // Every digit goes into the mantissa; it stays an exact integer while below 2^53 (checked at the end:
  // a true value above 2^53 cannot round to one below it).
  let mantissa = 0;
  let exponent = 0;
  const intFrom = i;
  for (; i < end; i++) {
    const d = b[i]! - 48;
    if (d >>> 0 > 9) break;
    mantissa = mantissa * 10 + d;
  }
  let digits = i - intFrom;
  if (i < end && b[i] === 46 /* . */) {
    const fracFrom = ++i;
    for (; i < end; i++) {
      const d = b[i]! - 48;
      if (d >>> 0 > 9) break;
      mantissa = mantissa * 10 + d;
    }
    exponent = fracFrom - i;
    digits += i - fracFrom;
  }
  if (digits === 0) {
    out[at] = NaN;
    return -1 - i;
  }
  if (i < end && ((c = b[i]!) === 101 /* e */ || c === 69) /* E */) {
    i++;
    let sign = 1;
    if (i < end && ((c = b[i]!) === 45 || c === 43)) {
      sign = c === 45 ? -1 : 1;
      i++;
    }
    let e = 0;
    const expFrom = i;
    for (; i < end; i++) {
      const d = b[i]! - 48;
      if (d < 0 || d > 9) break;
      if (e < 100_000) e = e * 10 + d;
    }
    if (i === expFrom) {
      out[at] = NaN;
      return -1 - i;
    }
    exponent += sign * e;
  }
  const numberEnd = i;
  while (i < end && ((c = b[i]!) === 32 || (c === 9 && sep !== 9))) i++;
  if (i < end && c !== sep && c !== 10 && c !== 13) {
    out[at] = NaN;
    return -1 - i;
  }
  let value: number;
  if (mantissa > 9007199254740991 || exponent > 22 || exponent < -22) {
    // A plain decimal (ASCII) here, which Number reads exactly.
    value = Number(ascii.decode(b.subarray(from, numberEnd)));
  } else {
    value = exponent >= 0 ? mantissa * POW10[exponent]! : mantissa / POW10[-exponent]!;
    if (negative) value = -value;
  }
  // Overflow (`1e999`) is not a reading.
  if (value - value !== 0) {
    out[at] = NaN;
    return -1 - i;
  }
  out[at] = value;
  return i;
}

const scratch = new Float64Array(1);
const encoder = new TextEncoder();

/** The number written in `text` (surrounding blanks allowed), or NaN. For tests and the header. */
export function parseDecimal(text: string): number {
  const b = encoder.encode(text);
  return scanNumber(b, 0, b.length, -1, scratch, 0) === b.length ? scratch[0]! : NaN;
}
