import type { InputProblem, ReadResult } from '../../core/model/input-problem.js';
import { joinLocalDateTime, parseUtcOffset } from './dicom-datetime.js';
import { FieldReader, type Scope } from './field-reader.js';
import { type DicomReading, parseDicomBytes } from './parse-dicom-bytes.js';
import { readSessionBeam } from './read-session-beam.js';
import { TAGS } from './rt-record-tags.js';
import {
  RT_BEAMS_TREATMENT_RECORD_SOP_CLASS,
  type RtBeamSessionRecord,
  type RtBeamsRecord,
} from './rt-record-types.js';

/** SOP classes a clinic might export by mistake, named in the refusal (PS3.4 B.5). UIDs are not PHI. */
const OTHER_SOP_CLASSES: Record<string, string> = {
  '1.2.840.10008.5.1.4.1.1.481.1': 'RT Image',
  '1.2.840.10008.5.1.4.1.1.481.2': 'RT Dose',
  '1.2.840.10008.5.1.4.1.1.481.3': 'RT Structure Set',
  '1.2.840.10008.5.1.4.1.1.481.5': 'RT Plan',
  '1.2.840.10008.5.1.4.1.1.481.6': 'RT Brachy Treatment Record',
  '1.2.840.10008.5.1.4.1.1.481.7': 'RT Treatment Summary Record',
  '1.2.840.10008.5.1.4.1.1.481.8': 'RT Ion Plan',
  '1.2.840.10008.5.1.4.1.1.481.9': 'RT Ion Beams Treatment Record',
  '1.2.840.10008.5.1.4.1.1.2': 'CT Image',
  '1.2.840.10008.5.1.4.1.1.1': 'Computed Radiography Image',
};

/** PS3.5 9.1: a UID is digits and dots, at most 64 characters. */
const UID = /^[0-9.]{1,64}$/;

/** (0008,0005) values whose text this reader decodes: the default repertoire, Latin-1 and UTF-8. */
const LATIN1_CHARSETS = new Set(['', 'ISO_IR 6', 'ISO_IR 100', 'ISO 2022 IR 6', 'ISO 2022 IR 100']);

/**
 * Reads one DICOM RT Beams Treatment Record (SOP class 1.2.840.10008.5.1.4.1.1.481.4): the session (patient,
 * plan, treatment date/time, UTC offset) and, per beam of the Treatment Session Beam Sequence (3008,0020),
 * its identity, fraction, termination, meterset and beam-on/off from the first and last control point.
 * `input` is the file's bytes (a string is taken as a binary string, one byte per character). `source`
 * names the file in problem locations. Never throws: any bytes give a record or located problems.
 */
export function readRtBeamsRecord(
  input: Uint8Array | string,
  source: string,
  reading: DicomReading = 'walker',
): ReadResult<RtBeamsRecord> {
  const bytes = toBytes(input);
  if (bytes === null) {
    return refuse(
      `${source}:byte 0`,
      'the input is text, not bytes: read the DICOM file as binary (a Buffer or Uint8Array)',
    );
  }
  const parsed = parseDicomBytes(bytes, source, reading);
  if (!parsed.ok) return parsed;
  const top: Scope = { dataSet: parsed.value.dataSet, path: '' };

  // (0008,0005) Specific Character Set: how Patient ID and Beam Name bytes are decoded.
  const charsets = new FieldReader(source).values(top, TAGS.specificCharacterSet);
  const utf8 = charsets.includes('ISO_IR 192');
  const r = new FieldReader(source, utf8);
  if (!utf8 && charsets.some((c) => !LATIN1_CHARSETS.has(c))) {
    r.warning(
      top,
      TAGS.specificCharacterSet,
      'names a character set that is not decoded: non-ASCII text is read as Latin-1',
    );
  }

  // (0008,0016) SOP Class UID: anything but an RT Beams Treatment Record is refused, by name.
  const sopClass = r.string(top, TAGS.sopClassUid, 'required');
  if (sopClass === null) return { ok: false, problems: r.problems };
  if (sopClass !== RT_BEAMS_TREATMENT_RECORD_SOP_CLASS) {
    const name = OTHER_SOP_CLASSES[sopClass];
    // A UID is not PHI, so a well-formed one is named; anything else is not echoed (it could be any bytes).
    const found = UID.test(sopClass) ? `"${sopClass}"${name ? ` (${name})` : ''}` : 'not a valid UID';
    return refuse(
      r.location(top, TAGS.sopClassUid),
      `SOP Class UID is ${found}: this reader reads RT Beams Treatment Records (${RT_BEAMS_TREATMENT_RECORD_SOP_CLASS}); export the treatment record, not this object`,
    );
  }

  const sopInstanceUid = r.string(top, TAGS.sopInstanceUid, 'required');
  const patientId = r.string(
    top,
    TAGS.patientId,
    'warn',
    ': the record cannot be matched to a patient by ID',
  );

  // (0008,0201) Timezone Offset From UTC applies to every DA/TM of the data set; returned, not applied.
  const offsetText = r.string(top, TAGS.timezoneOffsetFromUtc, 'optional');
  let utcOffset: string | null = null;
  if (offsetText !== null) {
    const offset = parseUtcOffset(offsetText);
    if (offset.ok) utcOffset = offset.value;
    else r.problem(top, TAGS.timezoneOffsetFromUtc, `is not valid: expected ${offset.expected}`);
  }

  // (3008,0250) Treatment Date / (3008,0251) Treatment Time, Type 2 (may be empty).
  const treatmentDate = r.date(top, TAGS.treatmentDate, 'optional');
  const treatmentTime = r.time(top, TAGS.treatmentTime, 'optional');
  const treatmentDateTime =
    treatmentDate !== null && treatmentTime !== null ? joinLocalDateTime(treatmentDate, treatmentTime) : null;

  const planUid = readPlanUid(r, top);
  const fractionsPlanned = r.integer(top, TAGS.numberOfFractionsPlanned, 'optional', 0);
  const primaryDosimeterUnit = r.string(top, TAGS.primaryDosimeterUnit, 'optional');

  // (3008,0020) Treatment Session Beam Sequence, Type 1: one item per beam delivered in the session.
  const beamItems = r.sequence(top, TAGS.treatmentSessionBeamSequence);
  const beams: RtBeamSessionRecord[] = [];
  if (beamItems === null) {
    if (!top.dataSet.elements[TAGS.treatmentSessionBeamSequence.key]) {
      r.problem(top, TAGS.treatmentSessionBeamSequence, 'is missing: the record holds no delivered beam');
    }
  } else if (beamItems.length === 0) {
    r.problem(top, TAGS.treatmentSessionBeamSequence, 'has no items: the record holds no delivered beam');
  } else {
    for (let index = 0; index < beamItems.length; index++) {
      const beam = readSessionBeam(r, beamItems.item(index), index);
      if (beam) beams.push(beam);
    }
  }

  if (r.problems.length > 0 || sopInstanceUid === null) return { ok: false, problems: r.problems };
  return {
    ok: true,
    value: {
      source,
      sopInstanceUid,
      transferSyntaxUid: parsed.value.transferSyntaxUid,
      patientId,
      treatmentDate,
      treatmentDateTime,
      utcOffset,
      planUid,
      fractionsPlanned,
      primaryDosimeterUnit,
      beams,
    },
    warnings: [...parsed.warnings, ...r.warnings],
  };
}

/** (300C,0002) Referenced RT Plan Sequence > (0008,1155) Referenced SOP Instance UID: the plan delivered. */
function readPlanUid(r: FieldReader, top: Scope): string | null {
  const items = r.sequence(top, TAGS.referencedRtPlanSequence);
  if (items === null || items.length === 0) {
    if (items !== null || !top.dataSet.elements[TAGS.referencedRtPlanSequence.key]) {
      r.warning(top, TAGS.referencedRtPlanSequence, 'is missing or empty: beams cannot be grouped by plan');
    }
    return null;
  }
  if (items.length > 1) {
    r.warning(top, TAGS.referencedRtPlanSequence, `has ${items.length} items: the first plan is used`);
  }
  return r.string(items.item(0), TAGS.referencedSopInstanceUid, 'warn', ': beams cannot be grouped by plan');
}

function refuse(location: string, message: string): { ok: false; problems: InputProblem[] } {
  return { ok: false, problems: [{ location, message }] };
}

/** Bytes as given; a binary string (every code unit ≤ 0xFF) as its bytes; null for decoded text. */
function toBytes(input: Uint8Array | string): Uint8Array | null {
  if (typeof input !== 'string') return input;
  const bytes = new Uint8Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c > 0xff) return null;
    bytes[i] = c;
  }
  return bytes;
}
