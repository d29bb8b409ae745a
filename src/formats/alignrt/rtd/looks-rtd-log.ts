import { textOf, toUtf8Bytes } from './decode-text.js';
import { isRtf, rtfText } from './rtf-text.js';

/**
 * Content sniff on the first few KB: the column header row (`Elapsed Time` with `XRayState` or `D.VRT`)
 * or the header block's `Start Time:` with `XRayOn Time:` (domain.md §5.1), also in a log saved as RTF
 * through a word processor. Never throws.
 */
export function looksRtdLog(head: Uint8Array): boolean {
  const bytes = toUtf8Bytes(head.subarray(0, 16_384));
  const rtf = isRtf(bytes) ? rtfText(bytes, true) : null;
  const text = (rtf?.ok ? rtf.text : textOf(bytes, 0, bytes.length)).toLowerCase();
  if (text.includes('elapsed time') && (text.includes('xraystate') || text.includes('d.vrt'))) return true;
  return text.includes('start time:') && text.includes('xrayon time:');
}
