import type { DftCharge, DftMessage, DftVisit, Hl7Identifier } from './dft-types.js';
import { parseDtm } from './hl7-datetime.js';
import { readDelimiters } from './hl7-encoding.js';
import { Segment, SEGMENT_ID } from './hl7-segment.js';
import { readCx, readHd, readPl, readXcnIds } from './hl7-values.js';
import { ProblemList } from '../problem-list.js';
import { readFt1Charge } from './read-ft1-charge.js';
import type { RawMessage } from './split-messages.js';

export type MessageOutcome =
  | { kind: 'read'; message: DftMessage; warnings: ProblemList }
  | { kind: 'skipped'; warnings: ProblemList }
  | { kind: 'bad'; problems: ProblemList; warnings: ProblemList };

/** Segments seen across the file that the reader does not use, counted for one warning each. */
export interface SegmentTally {
  /** Z-segments (locally defined, HL7 v2.5.1 §2.8.2) by ID. */
  z: Map<string, number>;
  /** Segment IDs that are not part of DFT^P03. */
  unknown: Map<string, number>;
}

/** HL7 versions whose DFT^P03 layout this reader follows (FT1-1…26 keep their positions in all of them). */
export const SUPPORTED_VERSIONS = ['2.3', '2.3.1', '2.4', '2.5', '2.5.1'];

/**
 * Segments of the DFT^P03 message structure (HL7 v2.3–2.5.1 §6.4.1): read (MSH, PID, PV1, FT1) or
 * ignored silently. Anything else that is not a Z-segment is counted as unknown.
 */
const DFT_P03_SEGMENTS = new Set(
  'MSH SFT UAC EVN PID PD1 ROL PV1 PV2 DB1 ORC TQ1 TQ2 OBR NTE OBX FT1 PR1 DG1 DRG GT1 NK1 IN1 IN2 IN3 ACC'.split(
    ' ',
  ),
);

/** One message of the file → its charges, or the problems that stop it being used. */
export function readDftMessage(
  raw: RawMessage,
  index: number,
  source: string,
  tally: SegmentTally,
): MessageOutcome {
  const prefix = `${source}:message ${index}`;
  const problems = new ProblemList();
  const warnings = new ProblemList();
  const loc = (where: string) => (where === '' ? prefix : `${prefix}, ${where}`);
  const problem = (where: string, message: string) => problems.add(loc(where), message);
  const warn = (where: string, message: string) => warnings.add(loc(where), message);
  const bad = (): MessageOutcome => ({ kind: 'bad', problems, warnings });

  const header = raw.segments[0] ?? '';
  if (!header.startsWith('MSH')) {
    problem('', 'segments without an MSH header: every message must start with an MSH segment');
    return bad();
  }
  const encoding = readDelimiters(header);
  if (!encoding.ok) {
    problem(encoding.message.startsWith('MSH-1') ? 'MSH.1' : 'MSH.2', encoding.message);
    return bad();
  }
  const delimiters = encoding.delimiters;
  const undecoded = new Set<string>();
  const segments: { seg: Segment; label: string }[] = [];
  const counts = new Map<string, number>();
  const local: SegmentTally = { z: new Map(), unknown: new Map() };
  let notSegments = 0;
  for (const text of raw.segments) {
    const id = text.slice(0, 3);
    if (!SEGMENT_ID.test(id) || (text.length > 3 && text[3] !== delimiters.field)) {
      notSegments++;
      continue;
    }
    const occurrence = (counts.get(id) ?? 0) + 1;
    counts.set(id, occurrence);
    const label = id === 'FT1' ? `FT1[${occurrence}]` : id;
    const seg = new Segment(text, delimiters, (n) => undecoded.add(`${label}.${n}`));
    segments.push({ seg, label });
    if (id.startsWith('Z')) local.z.set(id, (local.z.get(id) ?? 0) + 1);
    else if (!DFT_P03_SEGMENTS.has(id)) local.unknown.set(id, (local.unknown.get(id) ?? 0) + 1);
  }
  if (notSegments > 0) {
    warn(
      '',
      `${notSegments} line${notSegments > 1 ? 's are' : ' is'} not an HL7 segment (a 3-character segment ID, then the field separator) and ${notSegments > 1 ? 'were' : 'was'} ignored`,
    );
  }
  const msh = segments[0]!.seg;

  // MSH-9 Message Type (MSG): message code^trigger event^message structure.
  const type = msh.value(9, 1);
  const event = msh.value(9, 2);
  if (type === '') {
    problem('MSH.9', 'MSH-9 message type is missing (expected DFT^P03)');
    return bad();
  }
  if (type !== 'DFT' || event !== 'P03') {
    const named = /^[A-Z0-9]{3}$/.test(type) && /^[A-Z0-9]{0,3}$/.test(event);
    warn(
      'MSH.9',
      `message type ${named ? `${type}^${event}` : '(not a message code)'} is not DFT^P03: skipped`,
    );
    return { kind: 'skipped', warnings };
  }
  // Counted only for messages that are read (or refused), not for the skipped ones of other types.
  for (const key of ['z', 'unknown'] as const) {
    for (const [id, n] of local[key]) tally[key].set(id, (tally[key].get(id) ?? 0) + n);
  }

  // MSH-12 Version ID (VID-1).
  const version = msh.value(12, 1) || null;
  if (version === null) {
    warn('MSH.12', 'MSH-12 version is empty: read with the HL7 2.5.1 field positions');
  } else if (!SUPPORTED_VERSIONS.includes(version)) {
    const shown = /^\d{1,2}(\.\d{1,2}){0,2}$/.test(version) ? version : '(not a version number)';
    warn('MSH.12', `HL7 version ${shown} is not 2.3–2.5.1: read with the 2.5.1 field positions`);
  }
  const controlId = msh.value(10) || null;
  if (controlId === null) warn('MSH.10', 'MSH-10 message control ID is empty');

  // MSH-7 Date/Time of Message (TS: DTM^precision).
  const messageTime = msh.value(7, 1);
  const parsedTime = messageTime === '' ? null : parseDtm(messageTime);
  if (parsedTime && !parsedTime.ok) warn('MSH.7', 'MSH-7 date/time of message is not a DTM; not read');

  // PID: exactly one per DFT^P03 (the charges belong to it).
  const pids = segments.filter((s) => s.seg.id === 'PID');
  let identifiers: Hl7Identifier[] = [];
  if (pids.length === 0) problem('', 'no PID segment: the charges cannot be attributed to a patient');
  else if (pids.length > 1) problem('PID', 'more than one PID segment: the charges cannot be attributed');
  else {
    const pid = pids[0]!.seg;
    // PID-3 Patient Identifier List (CX, repeating). PID-5 (name) and PID-7 (birth date) are never read.
    identifiers = pid
      .repetitions(3)
      .map((rep) => readCx(pid, rep, 3))
      .filter((x) => x !== null);
    if (identifiers.length === 0) {
      // PID-2 Patient ID (external), kept in v2.3 for backward compatibility, withdrawn in v2.7.
      const external = pid.repetitions(2).map((rep) => readCx(pid, rep, 2));
      if (external[0]) {
        identifiers = [external[0]];
        warn('PID.3', 'PID-3 patient identifier list is empty: the patient ID is read from PID-2');
      } else problem('PID.3', 'PID-3 patient identifier list is empty');
    }
  }

  // PV1 (optional in DFT^P03).
  const pv1s = segments.filter((s) => s.seg.id === 'PV1');
  if (pv1s.length > 1) warn('PV1', 'more than one PV1 segment: the first is read');
  const visit = pv1s[0] ? readVisit(pv1s[0].seg) : null;

  const charges: DftCharge[] = [];
  const ft1s = segments.filter((s) => s.seg.id === 'FT1');
  if (ft1s.length === 0) warn('', 'no FT1 segment: the message has no charges');
  for (const { seg, label } of ft1s) {
    const charge = readFt1Charge(seg, { source: loc(label), label, problem, warn });
    if (charge) charges.push(charge);
  }

  for (const where of undecoded) {
    warn(where, 'an escape sequence could not be decoded and was kept as written');
  }
  if (problems.total > 0) return bad();
  const patientId = (identifiers.find((x) => x.typeCode === 'MR') ?? identifiers[0])!.id;
  return {
    kind: 'read',
    warnings,
    message: {
      source: prefix,
      index,
      sendingApplication: readHd(msh, 3),
      sendingFacility: readHd(msh, 4),
      messageDateTime:
        parsedTime?.ok === true
          ? {
              localDateTime: parsedTime.value.localDateTime,
              date: parsedTime.value.date,
              utcOffset: parsedTime.value.utcOffset,
            }
          : null,
      controlId,
      version,
      patient: { id: patientId, identifiers },
      visit,
      charges,
    },
  };
}

/** PV1-2 patient class, PV1-3 assigned location, PV1-7 attending doctor, PV1-19 visit number. */
function readVisit(pv1: Segment): DftVisit {
  return {
    patientClass: pv1.value(2) || null,
    location: readPl(pv1, 3),
    attendingDoctorId: readXcnIds(pv1, 7).ids[0] ?? null,
    visitNumber: pv1.value(19) || null,
  };
}
