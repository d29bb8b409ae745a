import { hasPart10Prefix, LONG_VRS } from './parse-dicom-bytes.js';
import { RT_BEAMS_TREATMENT_RECORD_SOP_CLASS } from './rt-record-types.js';

const isUpper = (b: number | undefined): boolean => b !== undefined && b >= 0x41 && b <= 0x5a;

/**
 * Content sniff on the first few KB: true when the bytes are a DICOM RT Beams Treatment Record, told by
 * (0002,0002) Media Storage SOP Class UID in the file meta information, or by (0008,0016) SOP Class UID
 * of a data set without one. Walks at most a few dozen elements; never throws.
 */
export function looksRtBeamsRecord(head: Uint8Array): boolean {
  if (hasPart10Prefix(head))
    return findUid(head, 132, true, 0x00020002) === RT_BEAMS_TREATMENT_RECORD_SOP_CLASS;
  if (head.length < 8) return false;
  const group = head[0]! | (head[1]! << 8);
  const explicit = isUpper(head[4]) && isUpper(head[5]);
  if (group === 0x0002) return findUid(head, 0, true, 0x00020002) === RT_BEAMS_TREATMENT_RECORD_SOP_CLASS;
  if (group === 0x0008) return findUid(head, 0, explicit, 0x00080016) === RT_BEAMS_TREATMENT_RECORD_SOP_CLASS;
  return false;
}

/** The value of `target` (group << 16 | element) among the first elements from `offset`, or null. */
function findUid(head: Uint8Array, offset: number, explicit: boolean, target: number): string | null {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let pos = offset;
  for (let n = 0; n < 64 && pos + 8 <= head.length; n++) {
    const tag = view.getUint16(pos, true) * 0x10000 + view.getUint16(pos + 2, true);
    let length: number;
    let dataOffset: number;
    if (explicit) {
      const vr = String.fromCharCode(head[pos + 4]!, head[pos + 5]!);
      if (LONG_VRS.has(vr)) {
        if (pos + 12 > head.length) return null;
        length = view.getUint32(pos + 8, true);
        dataOffset = pos + 12;
      } else {
        length = view.getUint16(pos + 6, true);
        dataOffset = pos + 8;
      }
    } else {
      length = view.getUint32(pos + 4, true);
      dataOffset = pos + 8;
    }
    if (tag === target) {
      if (length > 64 || dataOffset + length > head.length) return null;
      let text = '';
      for (let i = dataOffset; i < dataOffset + length; i++) text += String.fromCharCode(head[i]!);
      return text.replace(/[\0 ]+$/, '');
    }
    if (tag > target || length === 0xffffffff) return null;
    pos = dataOffset + length;
  }
  return null;
}
