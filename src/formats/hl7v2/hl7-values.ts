import type { CodedValue, Hl7Identifier, Hl7Location } from './dft-types.js';
import type { Segment } from './hl7-segment.js';

/**
 * HL7 v2 composite data types read from one repetition of a field (HL7 v2.5.1 ch. 2A). `n` is the
 * field number, used only to report undecodable escape sequences.
 */

/** CE/CWE/CNE: identifier^text^name of coding system (2A.8, 2A.13, 2A.12). Null when the identifier is empty. */
export function readCoded(seg: Segment, repetition: string, n: number): CodedValue | null {
  const code = seg.part(repetition, n, 1);
  if (code === '') return null;
  return { code, text: seg.part(repetition, n, 2) || null, system: seg.part(repetition, n, 3) || null };
}

/** HD (2A.36): namespace ID, else universal ID. */
export function readHd(seg: Segment, n: number): string | null {
  return seg.value(n, 1) || seg.value(n, 2) || null;
}

/** CX (2A.14): ID^check digit^scheme^assigning authority (HD)^identifier type code. */
export function readCx(seg: Segment, repetition: string, n: number): Hl7Identifier | null {
  const id = seg.part(repetition, n, 1);
  if (id === '') return null;
  return {
    id,
    assigningAuthority: seg.part(repetition, n, 4, 1) || seg.part(repetition, n, 4, 2) || null,
    typeCode: seg.part(repetition, n, 5) || null,
  };
}

/** PL (2A.53): point of care^room^bed^facility (HD)^status^person location type^building^floor. */
export function readPl(seg: Segment, n: number): Hl7Location | null {
  const first = seg.repetitions(n)[0];
  if (first === undefined) return null;
  const at = (c: number, s = 1) => seg.part(first, n, c, s) || null;
  const location: Hl7Location = {
    pointOfCare: at(1),
    room: at(2),
    bed: at(3),
    facility: at(4) ?? at(4, 2),
    building: at(7),
    floor: at(8),
  };
  return Object.values(location).some((v) => v !== null) ? location : null;
}

/**
 * XCN (2A.89) IDs: component 1 of each repetition. `unidentified` counts repetitions that name a person
 * without an ID (names are not returned).
 */
export function readXcnIds(seg: Segment, n: number): { ids: string[]; unidentified: number } {
  const ids: string[] = [];
  let unidentified = 0;
  for (const rep of seg.repetitions(n)) {
    const id = seg.part(rep, n, 1);
    if (id !== '') ids.push(id);
    else if (rep.replaceAll(seg.delimiters.component, '').trim() !== '') unidentified++;
  }
  return { ids, unidentified };
}

/** NM (2A.47): an optionally signed decimal number. */
export function readNumber(text: string): number | null {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : null;
}

/** A decimal money amount → integer cents without floating point; null when not a decimal with ≤ 2 places. */
export function readCents(text: string): number | null {
  const m = /^([+-]?)(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!m) return null;
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return m[1] === '-' && cents !== 0 ? -cents : cents;
}
