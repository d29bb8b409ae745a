import { textOf, toUtf8Bytes } from './decode-text.js';

/**
 * Content sniff on the first few KB: the column header row (`Elapsed Time` with `XRayState` or `D.VRT`)
 * or the header block's `Start Time:` with `XRayOn Time:` (domain.md §5.1). Never throws.
 */
export function looksRtdLog(head: Uint8Array): boolean {
  const bytes = toUtf8Bytes(head.subarray(0, 16_384));
  const text = textOf(bytes, 0, bytes.length).toLowerCase();
  if (text.includes('elapsed time') && (text.includes('xraystate') || text.includes('d.vrt'))) return true;
  return text.includes('start time:') && text.includes('xrayon time:');
}
