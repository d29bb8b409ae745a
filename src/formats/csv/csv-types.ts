import type { ImagingModality, SIGNER_ROLES } from '../../core/model/course.js';
import type { AuthorizedCode } from './cell-values.js';
import type { AUTHORIZATION_STATUSES, DOCUMENT_KINDS, RADIATION_TYPES } from './csv-fields.js';
import type { CsvTableInfo } from './read-csv-table.js';

/**
 * What the CSV readers return, shaped for the linking step that builds course documents
 * (src/core/model/course.ts). Three kinds of time, never mixed (architecture.md, "Time"):
 * `LocalDateTime` facility wall-clock readings without an offset (the course model's `localDateTime`),
 * `CalendarDate` dates of service, and signing times that carry the offset the file states or its zone
 * implies. Every record keeps `line`, the physical line of its row, so a later finding can point back.
 */
export type LocalDateTime = string;
export type CalendarDate = string;

export type RadiationType = (typeof RADIATION_TYPES)[number];
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type SignerRole = (typeof SIGNER_ROLES)[number];
export type AuthorizationStatus = (typeof AUTHORIZATION_STATUSES)[number];
export type { AuthorizedCode, CsvTableInfo };

// --- (1) record-and-verify treatment history ------------------------------------------------------

/** One row of a treatment history: one beam (field) delivered, or an interrupted part of one. */
export interface TreatmentHistoryRecord {
  line: number;
  patientId: string;
  /** Date of service: the date column, else the date of the beam-on reading. */
  date: CalendarDate;
  fieldName: string;
  /** Facility wall-clock `YYYY-MM-DDTHH:mm:ss[.ffffff]`: the zone is not in the file (course.facility). */
  beamOn: LocalDateTime;
  beamOff: LocalDateTime;
  deliveredMU: number;
  plannedMU?: number;
  fractionNumber?: number;
  planId?: string;
  radiationType?: RadiationType;
  machine?: string;
}

/** A beam as the course model's `beamSchema` holds it (`name`, `beamOn`, `beamOff`, `radiationType`), plus MU. */
export interface HistoryBeam {
  name: string;
  beamOn: LocalDateTime;
  beamOff: LocalDateTime;
  radiationType?: RadiationType;
  deliveredMU: number;
  plannedMU?: number;
  machine?: string;
  line: number;
}

/**
 * The beams of one patient on one date (and plan and fraction number, when the file has them), in
 * beam-on order: a candidate fraction. Two sessions on one day without fraction numbers stay together;
 * telling them apart (the break between them) is the linking step's decision.
 */
export interface HistoryFraction {
  patientId: string;
  planId?: string;
  date: CalendarDate;
  fractionNumber?: number;
  beams: HistoryBeam[];
}

export interface TreatmentHistory {
  info: CsvTableInfo;
  records: TreatmentHistoryRecord[];
  fractions: HistoryFraction[];
}

// --- (2) orders, notes and signatures ------------------------------------------------------------

/** A signing time: the wall-clock reading and its offset, as the file states it or as its zone gives it. */
export interface SignedAt {
  local: LocalDateTime;
  /** `±HH:mm`: stated in the cell, or that of `timeZone` at that local time. */
  utcOffset: string;
  /** The IANA zone from the zone column, when there is one. */
  timeZone?: string;
  /** `local` + `utcOffset`: an RFC 3339 instant, the course model's `signature.signedAt`. */
  instant: string;
}

/** The course model's `signatureSchema` (signerId, role, signedAt), with the reading kept. */
export interface CsvSignature {
  signerId: string;
  role: SignerRole;
  signedAt: SignedAt;
}

/**
 * A chart document and its signature. Maps onto the course: `motion-management-order` and
 * `image-guidance-order` → `orders[]`; `necessity-note` → `necessity`; `sgrt-record` →
 * `fractions[].sgrtRecord`; `igrt-review` → `fractions[].imageGuidance.review` (by fraction number or date).
 */
export interface ChartDocumentRecord {
  line: number;
  patientId: string;
  courseId?: string;
  kind: DocumentKind;
  documentId: string;
  fractionNumber?: number;
  date?: CalendarDate;
  /** Named system for an order (AlignRT, Catalyst, …). */
  system?: string;
  /** The imaging an `igrt-review` covers, when the row states it. */
  modality?: ImagingModality;
  text?: string;
  /** Null when the document is not signed (blank signer, role and time). */
  signature: CsvSignature | null;
}

export interface OrdersSignatures {
  info: CsvTableInfo;
  documents: ChartDocumentRecord[];
}

// --- (3) prior authorizations --------------------------------------------------------------------

export interface AuthorizationRecord {
  line: number;
  payer: string;
  authorizationNumber: string;
  patientId: string;
  codes: AuthorizedCode[];
  fractionsAuthorized: number;
  validFrom: CalendarDate;
  validTo: CalendarDate;
  obtainedOn: CalendarDate;
  status?: AuthorizationStatus;
  /**
   * Valid into a later calendar year than the one it was obtained in: a 2025 ("grandfathered")
   * authorization used for 2026 dates of service, which payers deny under the 2026 code set
   * (domain.md §4).
   */
  carriedForward: boolean;
}

export interface Authorizations {
  info: CsvTableInfo;
  authorizations: AuthorizationRecord[];
}
