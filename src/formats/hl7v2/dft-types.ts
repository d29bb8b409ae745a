/**
 * What the DFT^P03 reader returns: per message, the patient's identifiers, the visit and the charges,
 * keeping the raw HL7 values that a linking step needs to map charges onto a course's fractions
 * (src/core/model/course.ts: `fractions[].date`, `postedCodes`) and deriving the billing code.
 * Patient names and dates of birth (PID-5, PID-7) are never read.
 */

/** A coded element (CE/CWE/CNE): identifier^text^name of coding system (components 1–3). */
export interface CodedValue {
  code: string;
  text: string | null;
  /** HL7 table 0396 coding system, e.g. `C4` (CPT-4), `HCPCS`, `CPT`, or a local chargemaster name. */
  system: string | null;
}

/** An identifier with its assigning authority (CX: ID^^^assigning authority^identifier type code). */
export interface Hl7Identifier {
  id: string;
  /** CX-4 namespace ID (or universal ID when the namespace is empty). */
  assigningAuthority: string | null;
  /** CX-5, HL7 table 0203: `MR` medical record number, `PI` patient internal identifier, … */
  typeCode: string | null;
}

/** A person location (PL): point of care^room^bed^facility^…^building^floor. Empty parts are null. */
export interface Hl7Location {
  pointOfCare: string | null;
  room: string | null;
  bed: string | null;
  facility: string | null;
  building: string | null;
  floor: string | null;
}

/** A local date-time as written, with the offset when the sender stated one (never converted). */
export interface ChargeDate {
  /** Date of service, `YYYY-MM-DD`. */
  date: string;
  /** `YYYY-MM-DDTHH:mm:ss[.S…]` when FT1-4 has a time; the facility wall-clock reading. */
  localDateTime: string | null;
  /** `±hh:mm` when FT1-4 states one. */
  utcOffset: string | null;
}

export interface DftCharge {
  /** `file.hl7:message 3, FT1[2]`. */
  source: string;
  /** FT1-1. */
  setId: number | null;
  /** FT1-2, the sender's transaction ID. */
  transactionId: string | null;
  /** FT1-4. */
  transactionDate: ChargeDate;
  /** FT1-6, HL7 table 0017: `CG` charge, `CD` credit, `PY` payment, `AJ` adjustment, `CO` co-payment. */
  type: string | null;
  /** FT1-7: a CPT/HCPCS code or the sender's chargemaster code. */
  transactionCode: CodedValue | null;
  /** FT1-25. */
  procedureCode: CodedValue | null;
  /**
   * The CPT/HCPCS code billed: FT1-25 when it is present and not coded in another system, else FT1-7
   * when it is coded as CPT/HCPCS; a `code-MM` form (e.g. `77387-26`) is split into code and modifier.
   * Null when the charge only has a chargemaster code (mapping it is the linking step's job).
   */
  code: string | null;
  /** Where `code` came from. */
  codeField: 'FT1-25' | 'FT1-7' | null;
  /** FT1-26 repetitions (identifier of each), then any modifier split from `code`, without duplicates. */
  modifiers: string[];
  /** FT1-10 as written; null when empty. */
  quantity: number | null;
  /** Units billed: FT1-10, or 1 when FT1-10 is empty. */
  units: number;
  /** FT1-11 extended amount (price component), integer cents; null when empty or unreadable. */
  amountCents: number | null;
  /** FT1-16. */
  location: Hl7Location | null;
  /** FT1-19 diagnosis codes (identifier and system of each repetition). */
  diagnoses: CodedValue[];
  /** FT1-20, the ID (XCN-1) of each repetition. */
  performedBy: string[];
  /** FT1-21, the ID (XCN-1) of each repetition. */
  orderedBy: string[];
}

export interface DftVisit {
  /** PV1-2, HL7 table 0004: `O` outpatient, `I` inpatient, … */
  patientClass: string | null;
  /** PV1-3. */
  location: Hl7Location | null;
  /** PV1-7, the ID (XCN-1) of the first attending doctor. */
  attendingDoctorId: string | null;
  /** PV1-19 visit number (CX-1). */
  visitNumber: string | null;
}

export interface DftMessage {
  /** `file.hl7:message 3`. */
  source: string;
  /** Position in the file, 1-based, counting every message (read, skipped or refused). */
  index: number;
  /** MSH-3 / MSH-4 (HD namespace ID, or universal ID when it is empty). */
  sendingApplication: string | null;
  sendingFacility: string | null;
  /** MSH-7 as a local date-time with its offset, when present and readable. */
  messageDateTime: { localDateTime: string | null; date: string | null; utcOffset: string | null } | null;
  /** MSH-10. */
  controlId: string | null;
  /** MSH-12 (VID-1), e.g. `2.5.1`. */
  version: string | null;
  patient: {
    /** The `MR` identifier of PID-3 if there is one, else the first. */
    id: string;
    /** Every repetition of PID-3 (PID-2 in a message that has only that). */
    identifiers: Hl7Identifier[];
  };
  visit: DftVisit | null;
  charges: DftCharge[];
}

export interface DftFile {
  messages: DftMessage[];
}

export interface ReadDftOptions {
  /**
   * What a message that cannot be read does to the file: `fail` (default) makes the whole file
   * `ok: false` with every problem listed; `skip` drops that message and reports its problems as warnings.
   */
  onBadMessage?: 'fail' | 'skip';
}
