import dicomParser, { type DataSet } from 'dicom-parser';
import type { InputProblem } from '../../core/model/input-problem.js';
import { labelOfKey, vrOfKnownTag } from './rt-record-tags.js';
import { plainMetaEnd, walkDataSet } from './walk-data-set.js';

/** PS3.5 A.1 Implicit VR Little Endian (the DICOM default) and PS3.5 A.2 Explicit VR Little Endian. */
export const IMPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2';
export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
const SUPPORTED = new Set([IMPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN]);

/** PS3.5 7.1.2: explicit VRs with a 2-byte reserved field and a 4-byte length. */
export const LONG_VRS = new Set([
  'OB',
  'OD',
  'OF',
  'OL',
  'OV',
  'OW',
  'SQ',
  'SV',
  'UC',
  'UN',
  'UR',
  'UT',
  'UV',
]);

/** PS3.5 6.2: the VRs, to tell an explicit VR data set (tag, then two VR letters) from an implicit one. */
const VRS = new Set(
  'AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV'.split(
    ' ',
  ),
);

/**
 * `walker`: the tag walker (walk-data-set.ts), falling back to dicom-parser for anything it does not read;
 * `dicom-parser`: dicom-parser alone, the reference reading (the walker's test oracle).
 */
export type DicomReading = 'walker' | 'dicom-parser';

export interface ParsedDicom {
  dataSet: DataSet;
  transferSyntaxUid: string;
}

export type ParseOutcome =
  { ok: true; value: ParsedDicom; warnings: InputProblem[] } | { ok: false; problems: InputProblem[] };

/** Thrown by our inflater: a deflated data set is refused rather than inflated (no decompression bombs). */
const DEFLATE_REFUSED = Symbol('deflate refused');
const refuseDeflate = (): never => {
  throw DEFLATE_REFUSED;
};

const hasVrAt = (bytes: Uint8Array, offset: number): boolean =>
  bytes.length >= offset + 2 && VRS.has(String.fromCharCode(bytes[offset]!, bytes[offset + 1]!));

/** PS3.10 7.1: a 128-byte preamble, then "DICM". */
export const hasPart10Prefix = (bytes: Uint8Array): boolean =>
  bytes.length >= 132 &&
  bytes[128] === 0x44 && // D
  bytes[129] === 0x49 && // I
  bytes[130] === 0x43 && // C
  bytes[131] === 0x4d; // M

const group = (bytes: Uint8Array, offset: number): number => bytes[offset]! | (bytes[offset + 1]! << 8);

/**
 * Bytes → a dicom-parser data set, or the problems that stop it. Accepts a Part 10 file (preamble,
 * "DICM", file meta information), file meta information without the preamble, and a bare data set
 * (no meta: its VR encoding is told from its first element). Only little endian transfer syntaxes are
 * read; a data set encoded in the other VR than (0002,0010) states is read as encoded, with a warning. Never throws: dicom-parser's exceptions (strings, objects, RangeError on deep nesting) become
 * problems located by byte offset.
 */
export function parseDicomBytes(
  input: Uint8Array,
  source: string,
  reading: DicomReading = 'walker',
): ParseOutcome {
  const warnings: InputProblem[] = [];
  const fail = (location: string, message: string): ParseOutcome => ({
    ok: false,
    problems: [{ location: `${source}:${location}`, message }],
  });
  if (input.length === 0)
    return fail('byte 0', 'the file is empty: expected a DICOM RT Beams Treatment Record');

  let bytes = input;
  /** Offset in `input` of `bytes[0]`: byte locations are given in the file as it was read. */
  let base = 0;
  let assumedSyntax: string | undefined;
  if (!hasPart10Prefix(bytes)) {
    if (bytes.length >= 8 && group(bytes, 0) === 0x0002 && hasVrAt(bytes, 4)) {
      // File meta information (always explicit VR little endian) without the preamble: give it one.
      const withPreamble = new Uint8Array(132 + bytes.length);
      withPreamble.set([0x44, 0x49, 0x43, 0x4d], 128);
      withPreamble.set(bytes, 132);
      bytes = withPreamble;
      base = -132;
      warnings.push({
        location: `${source}:byte 0`,
        message:
          'no 128-byte preamble and "DICM" prefix before the file meta information (PS3.10 7.1); read anyway',
      });
    } else if (bytes.length >= 8 && group(bytes, 0) === 0x0008) {
      assumedSyntax = hasVrAt(bytes, 4) ? EXPLICIT_VR_LITTLE_ENDIAN : IMPLICIT_VR_LITTLE_ENDIAN;
      warnings.push({
        location: `${source}:byte 0`,
        message: `no Part 10 header ("DICM" at byte 128): read as a bare data set in ${syntaxName(assumedSyntax)} VR little endian`,
      });
    } else {
      return fail(
        'byte 128',
        'not a DICOM file: no "DICM" prefix at byte 128 and no data set (group 0008) at byte 0; export the treatment record as a DICOM file',
      );
    }
  }

  /** Where the data set starts and how it is encoded, when known before dicom-parser reads the file. */
  let walk: { start: number; syntax: string } | undefined = assumedSyntax
    ? { start: 0, syntax: assumedSyntax }
    : undefined;
  if (assumedSyntax === undefined) {
    const meta = scanMeta(bytes);
    if (meta?.transferSyntaxUid !== undefined) {
      if (plainMetaEnd(bytes, meta.end)) walk = { start: meta.end, syntax: meta.transferSyntaxUid };
      if (!SUPPORTED.has(meta.transferSyntaxUid)) return unsupportedSyntax(source, meta.transferSyntaxUid);
      // A data set whose encoding contradicts (0002,0010) (seen in the field; pydicom reads it the same
      // way): the first element tells explicit VR (two VR letters after the tag) from implicit VR.
      if (meta.end + 8 <= bytes.length && group(bytes, meta.end) === 0x0008) {
        const actual = hasVrAt(bytes, meta.end + 4) ? EXPLICIT_VR_LITTLE_ENDIAN : IMPLICIT_VR_LITTLE_ENDIAN;
        if (actual !== meta.transferSyntaxUid) {
          warnings.push({
            location: `${source}:(0002,0010)`,
            message: `Transfer Syntax UID says ${syntaxName(meta.transferSyntaxUid)} VR but the data set is encoded in ${syntaxName(actual)} VR: read as ${syntaxName(actual)} VR little endian`,
          });
          assumedSyntax = actual;
          bytes = bytes.subarray(meta.end);
          base += meta.end;
          walk = { start: 0, syntax: actual };
        }
      }
    }
  }

  // The walker reads a well-formed record; anything else is read (and diagnosed) by dicom-parser.
  const walked =
    reading === 'walker' && walk
      ? walkDataSet(bytes, walk.start, walk.syntax === EXPLICIT_VR_LITTLE_ENDIAN)
      : null;
  if (walked) return { ok: true, value: { dataSet: walked, transferSyntaxUid: walk!.syntax }, warnings };

  let dataSet: DataSet;
  try {
    dataSet = dicomParser.parseDicom(bytes, {
      ...(assumedSyntax ? { TransferSyntaxUID: assumedSyntax } : {}),
      vrCallback: vrOfKnownTag,
      inflater: refuseDeflate,
    });
  } catch (error) {
    if (error === DEFLATE_REFUSED) return unsupportedSyntax(source, '1.2.840.10008.1.2.1.99');
    return { ok: false, problems: [describeParseFailure(error, source, base)] };
  }

  const transferSyntaxUid = assumedSyntax ?? metaString(dataSet, 'x00020010');
  if (!SUPPORTED.has(transferSyntaxUid)) return unsupportedSyntax(source, transferSyntaxUid);

  const problems: InputProblem[] = [];
  for (const warning of dataSet.warnings ?? []) {
    if (typeof warning !== 'string' || warning.endsWith(PEEK_AT_END)) continue;
    if (warning.startsWith('eof')) {
      problems.push({
        location: `${source}:byte ${bytes.length + base}`,
        message:
          'the file ends inside a sequence or item of undefined length (no delimiter): the file is truncated; export it again',
      });
    } else {
      // dicom-parser's other warnings name tags and byte positions only, never values.
      warnings.push({
        location: `${source}:(data set)`,
        message: `tolerated by the DICOM parser: ${warning}`,
      });
    }
  }
  // Implicit VR: dicom-parser skips past the end of a truncated last element without complaint.
  for (const key in dataSet.elements) {
    const element = dataSet.elements[key]!;
    if (element.length !== 0xffffffff && element.dataOffset + element.length > dataSet.byteArray.length) {
      problems.push({
        location: `${source}:${labelOfKey(key)}`,
        message: `the element's value runs ${element.dataOffset + element.length - dataSet.byteArray.length} bytes past the end of the file: the file is truncated; export it again`,
      });
    }
  }
  if (problems.length > 0) {
    const seen = new Set<string>();
    return { ok: false, problems: problems.filter((p) => !seen.has(p.message) && !!seen.add(p.message)) };
  }
  return { ok: true, value: { dataSet, transferSyntaxUid }, warnings };
}

/**
 * dicom-parser's warning when an implicit VR element of a tag it has no VR for ends less than 4 bytes
 * before the end of the file, so that it cannot peek at what follows to guess a sequence: an empty or
 * short last value, or the item delimitation item of a defined-length sequence's last item. PS3.5 7.1.3
 * and 7.5 allow both; dicom-parser then reads the element as a value, and a value running past the end
 * is found below.
 */
const PEEK_AT_END = 'in peeking to determine VR';

const syntaxName = (uid: string): string => (uid === EXPLICIT_VR_LITTLE_ENDIAN ? 'explicit' : 'implicit');

/**
 * The file meta information (PS3.10 7.1: explicit VR little endian, group 0002, from byte 132): its
 * Transfer Syntax UID and where the data set starts; null when it cannot be walked (dicom-parser then
 * says why). A few dozen elements at most; no strings are built but the UID's.
 */
function scanMeta(bytes: Uint8Array): { transferSyntaxUid?: string; end: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 132;
  let transferSyntaxUid: string | undefined;
  for (let n = 0; n < 64; n++) {
    if (pos + 8 > bytes.length || group(bytes, pos) !== 0x0002) return { transferSyntaxUid, end: pos };
    if (!hasVrAt(bytes, pos + 4)) return null;
    const long = LONG_VRS.has(String.fromCharCode(bytes[pos + 4]!, bytes[pos + 5]!));
    if (long && pos + 12 > bytes.length) return null;
    const length = long ? view.getUint32(pos + 8, true) : view.getUint16(pos + 6, true);
    const dataOffset = pos + (long ? 12 : 8);
    if (dataOffset + length > bytes.length) return null;
    if (view.getUint16(pos + 2, true) === 0x0010) {
      let text = '';
      for (let i = dataOffset; i < dataOffset + Math.min(length, 64); i++)
        text += String.fromCharCode(bytes[i]!);
      transferSyntaxUid = text.replace(/[\0 ]+$/, '');
    }
    pos = dataOffset + length;
  }
  return null;
}

/** A UI value of the file meta information (trailing NUL/space padding removed). */
function metaString(dataSet: DataSet, key: string): string {
  const element = dataSet.elements[key] as
    { Value?: unknown; dataOffset: number; length: number } | undefined;
  if (!element) return '';
  if (typeof element.Value === 'string') return element.Value;
  const end = Math.min(element.dataOffset + element.length, dataSet.byteArray.length);
  let text = '';
  for (let i = element.dataOffset; i < end; i++) text += String.fromCharCode(dataSet.byteArray[i]!);
  return text.replace(/[\0 ]+$/, '');
}

function unsupportedSyntax(source: string, uid: string): ParseOutcome {
  return {
    ok: false,
    problems: [
      {
        location: `${source}:(0002,0010)`,
        // A transfer syntax UID is not PHI: a well-formed one is named, to say what to change in the export.
        message: `Transfer Syntax UID ${/^[0-9.]{1,64}$/.test(uid) ? `"${uid}"` : uid ? '(not a valid UID)' : '(empty)'} is not supported: expected Implicit VR Little Endian (${IMPLICIT_VR_LITTLE_ENDIAN}) or Explicit VR Little Endian (${EXPLICIT_VR_LITTLE_ENDIAN}); export the record uncompressed, little endian`,
      },
    ],
  };
}

/** Where dicom-parser stopped: past the last element it had read at the top level. */
function describeParseFailure(error: unknown, source: string, base: number): InputProblem {
  const partial = (error as { dataSet?: DataSet } | null)?.dataSet;
  const text = String((error as { exception?: unknown } | null)?.exception ?? error);
  let end = 0;
  let lastKey: string | undefined;
  for (const [key, element] of Object.entries(partial?.elements ?? {})) {
    const elementEnd = element.dataOffset + (element.length === 0xffffffff ? 0 : element.length);
    if (elementEnd >= end && !key.startsWith('xfffe')) {
      end = elementEnd;
      lastKey = key;
    }
  }
  if (!partial) {
    return {
      location: `${source}:byte ${132 + base}`,
      message: /0002,0010/.test(text)
        ? 'the file meta information has no Transfer Syntax UID (0002,0010): the file is truncated or not DICOM'
        : 'cannot read the file meta information (group 0002): the file is truncated or corrupt; export it again',
    };
  }
  const where = lastKey ? ` after ${labelOfKey(lastKey)}` : ' at its first element';
  const truncated = /past end|overrun|overread|maxPosition|cannot be greater/i.test(text);
  const tooDeep = error instanceof RangeError || /call stack/i.test(text);
  return {
    location: `${source}:byte ${end + base}`,
    message: tooDeep
      ? `cannot read the data set${where}: sequences are nested too deeply (corrupt); export it again`
      : truncated
        ? `cannot read the data set${where}: an element or item runs past the end of the file (truncated); export it again`
        : `cannot read the data set${where}: the bytes are not a valid DICOM element or item (corrupt); export it again`,
  };
}
