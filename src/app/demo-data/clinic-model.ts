import type { ImagingModality, Plan } from '../../core/model/course.js';
import type { Site } from '../../core/model/session-facts.js';

/**
 * The simulated clinic: every course with its whole planned timeline (delivered or not), before it is
 * cut at the export instant and written as course documents (ground truth) and as clinic exports
 * (evidence). Wall-clock readings are zone-less milliseconds (clinic-time.ts); signing and posting times
 * are instants (epoch milliseconds).
 */

export const FACILITY = { timeZone: 'America/New_York', placeOfService: '11' } as const;
export const CLINIC_NAME = 'Synthetic Radiation Oncology Center (demo data)';
/** HL7 sending facility and assigning authority of the medical record numbers. */
export const FACILITY_CODE = 'SYNCLINIC';

export const COURSE_KINDS = [
  'breast-left-dibh',
  'breast-right-dibh',
  'prostate-vmat',
  'head-neck-vmat',
  'palliative-2d',
  'electrons',
  'multi-isocenter',
  'lung-sbrt',
  'lung-bid',
] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

/** Share of each kind among the courses: 77407 the workhorse, 77412 about a third (domain.md §2). */
export const COURSE_MIX: readonly (readonly [CourseKind, number])[] = [
  ['breast-left-dibh', 0.2],
  ['breast-right-dibh', 0.08],
  ['prostate-vmat', 0.22],
  ['head-neck-vmat', 0.16],
  ['palliative-2d', 0.1],
  ['electrons', 0.05],
  ['multi-isocenter', 0.07],
  ['lung-sbrt', 0.07],
  ['lung-bid', 0.05],
];

/** Courses whose 77412 rests on active motion management (AlignRT during delivery, beam hold). */
export const AMM_KINDS: ReadonlySet<CourseKind> = new Set(['breast-left-dibh', 'breast-right-dibh']);

export interface Physician {
  id: string;
  family: string;
  given: string;
  npi: string;
}

/** The physicians the courses are drawn among (synthetic NPIs with a valid check digit). */
export const PHYSICIANS: readonly Physician[] = [
  { id: 'DR-SYN-01', family: 'Doctorfake', given: 'Rita', npi: '1999000015' },
  { id: 'DR-SYN-02', family: 'Examplemd', given: 'Omar', npi: '1999000023' },
  { id: 'DR-SYN-03', family: 'Notreal', given: 'Helena', npi: '1999000031' },
  { id: 'DR-SYN-04', family: 'Placeholder-Md', given: 'Kenji', npi: '1999000049' },
];

/**
 * A physician who signs his SGRT records and IGRT reviews at the end of the clinical day (still before
 * each patient's next beam-on, the deadline; domain.md §3.2): at the export instant, noon, the records of
 * his morning patients await his signature. He takes over about a fifth of the courses.
 */
export const EVENING_SIGNER: Physician = {
  id: 'DR-SYN-05',
  family: 'Fictivus',
  given: 'Victor',
  npi: '1999000056',
};
/** Every physician of the clinic. */
export const ALL_PHYSICIANS: readonly Physician[] = [...PHYSICIANS, EVENING_SIGNER];

export const PAYERS = {
  evicore: { profile: 'evicore', name: 'Example Health Plan (eviCore)' },
  uhc: { profile: 'uhc', name: 'UnitedHealthcare (synthetic)' },
  medicare: { profile: 'medicare', name: 'Medicare Part B (synthetic)' },
  default: { profile: 'default', name: 'Synthetic Commercial PPO' },
  medicareAdvantage: { profile: 'medicare-advantage', name: 'Synthetic Medicare Advantage HMO' },
} as const;
export type PayerKey = keyof typeof PAYERS;

/** Medicare's beneficiaries: traditional Medicare, or a Medicare Advantage plan in its place. */
export const medicareAged = (payer: PayerKey): boolean =>
  payer === 'medicare' || payer === 'medicareAdvantage';

/**
 * About a third of the traditional Medicare patients also have a supplemental (Medigap) policy: derived
 * from the patient id, no draw from the random streams.
 */
export const hasMedigap = (patientId: string): boolean => Number(patientId.replace(/\D/g, '')) % 3 === 0;

export const FAMILY_NAMES = [
  'Testpatient',
  'Fakename',
  'Sampleperson',
  'Placeholder',
  'Mockrecord',
  'Dummydata',
  'Exampleton',
  'Notapatient',
  'Syntheticus',
  'Testcase',
] as const;
export const GIVEN_NAMES = {
  F: ['Ada', 'Bea', 'Cora', 'Dora', 'Edna', 'Flora', 'Greta', 'Hilda', 'Ines', 'June'],
  M: ['Abe', 'Bruno', 'Cyril', 'Dexter', 'Elmer', 'Felix', 'Gus', 'Hugo', 'Ivo', 'Jasper'],
} as const;

export interface SimPatient {
  id: string;
  family: string;
  given: string;
  /** YYYY-MM-DD, 1950–1980. */
  birthDate: string;
  sex: 'F' | 'M';
}

export type RadiationType = 'PHOTON' | 'ELECTRON';

export interface SimBeam {
  name: string;
  radiationType: RadiationType;
  /** Energy label as the record-and-verify system shows it (`6X`, `10X-FFF`, `9E`). */
  energy: string;
  /** Wall-clock beam-on and beam-off (the beam's whole delivery, beam-hold pauses included). */
  on: number;
  off: number;
  /** Specified meterset of the beam (MU). */
  mu: number;
  /** Delivered meterset of this record item (MU): `mu`, or a share of it for an interrupted beam. */
  deliveredMu: number;
  /** Pauses of a gated beam (XRayState 0 inside [on, off]): beam holds. */
  holds: { from: number; to: number }[];
  /** An interrupted beam: part 1 ended by the operator, part 2 its continuation. */
  part?: 1 | 2;
}

/** How an AlignRT session was run. */
export type MonitoringMode = 'gated' | 'no-thresholds' | 'setup-only';

/** Something that happens in the monitoring data (absolute wall-clock times). */
export type MonitoringEvent =
  /** Invalid deltas (999) for samples strictly inside (from, to): a camera occlusion. */
  | { kind: 'occlusion'; from: number; to: number }
  /** Out of tolerance for samples in [from, to); the beam is held (the beam's `holds`) or not. */
  | { kind: 'excursion'; from: number; to: number; held: boolean };

export interface SimMonitoring {
  /** Index of the session in the fraction (1-based). */
  k: number;
  /** The session id in the course document: its log's file name, `<courseId>-<fractionId>-<k>.txt`. */
  id: string;
  /** Wall-clock `Start Time` / `End Time` (whole seconds). */
  start: number;
  end: number;
  mode: MonitoringMode;
  events: MonitoringEvent[];
  /** Seed of the session's sample stream (the samples are regenerated from it when written). */
  seed: number;
}

export interface SimCharge {
  code: string;
  modifiers: string[];
  units: number;
}

export interface SimFraction {
  id: string;
  number: number;
  date: string;
  /** 0 for the first session of the day, 1 for a twice-daily second session. */
  session: 0 | 1;
  beams: SimBeam[];
  monitoring: SimMonitoring[];
  /** Wall-clock start of the session on the linac (DICOM Treatment Time). */
  sessionStart: number;
  sgrtRecord: { documentId: string; signedAt: number | null } | null;
  igrtReview: { documentId: string; signedAt: number | null; modality: ImagingModality } | null;
  charges: SimCharge[];
  /** Instant the OIS posts the charges. */
  postedAt: number;
  /** An alignRT treatment report PDF is exported for this fraction as well as its logs. */
  report: boolean;
  /** Index into `beams` of the first beam item of a second DICOM record (an interrupted beam's continuation). */
  secondRecordFrom: number | null;
  /** Set by the cut: the session had ended at the export instant. */
  delivered: boolean;
  /** Fraction-level defects injected into this fraction (signature defects are derived after the cut). */
  injected: DefectKind[];
}

export interface SimDocument {
  id: string;
  text: string;
  system?: string;
  signedAt: number | null;
}

export interface SimAuthorization {
  number: string;
  codes: string[];
  fractions: number;
  validFrom: string;
  validTo: string;
  obtainedOn: string;
  status: 'approved' | 'pending';
}

export interface SimCourse {
  index: number;
  kind: CourseKind;
  courseId: string;
  patient: SimPatient;
  payer: PayerKey;
  physician: Physician;
  site: Site;
  diagnosis: string;
  plan: Plan;
  planUid: string;
  machine: string;
  recordSource: 'dicom' | 'csv';
  documentSource: 'csv' | 'fhir';
  /** How the AlignRT sessions of a motion-managed course were run; null for other courses. */
  ammMode: 'gated' | 'no-thresholds' | null;
  /** A shape of course that real practices bring and the default mix does not (see `CourseShape`). */
  shape: CourseShape | null;
  order: SimDocument | null;
  necessity: SimDocument | null;
  authorization: SimAuthorization | null;
  fractions: SimFraction[];
}

/**
 * Shapes of course the mix does not make on its own, one course each: a practice that keeps only the
 * AlignRT PDF reports (no real-time logs), an electron course whose sessions add a photon field (mixed),
 * an SBRT course prescribed past five fractions, a cranial SRS course in three fractions on a linac, and
 * an emergency course whose first session spans the spring-forward change, its DICOM record stating its
 * UTC offset (`dst-night.ts`).
 */
export type CourseShape =
  'alignrt-report-only' | 'mixed-beams' | 'sbrt-past-five' | 'srs-fractionated' | 'dst-night-emergency';

export type DefectKind =
  | CourseShape
  | 'sgrt-signature-pending'
  | 'sgrt-signature-overdue'
  | 'sgrt-signature-late'
  | 'igrt-review-pending'
  | 'monitoring-gap'
  | 'brief-occlusion'
  | 'monitoring-record-missing'
  | 'monitoring-setup-only-fraction'
  | 'setup-only-sgrt'
  | 'no-thresholds'
  | 'missed-beam-hold'
  | 'dibh-only-necessity'
  | 'unsigned-amm-order'
  | 'deleted-code-posted'
  | 'grandfathered-authorization'
  | 'evicore-breast-criteria'
  | 'twice-daily'
  | 'twice-daily-short-break';

export const DEFECT_KINDS: readonly DefectKind[] = [
  'sgrt-signature-pending',
  'sgrt-signature-overdue',
  'sgrt-signature-late',
  'igrt-review-pending',
  'monitoring-gap',
  'brief-occlusion',
  'monitoring-record-missing',
  'monitoring-setup-only-fraction',
  'setup-only-sgrt',
  'no-thresholds',
  'missed-beam-hold',
  'dibh-only-necessity',
  'unsigned-amm-order',
  'deleted-code-posted',
  'grandfathered-authorization',
  'evicore-breast-criteria',
  'twice-daily',
  'twice-daily-short-break',
  'alignrt-report-only',
  'mixed-beams',
  'sbrt-past-five',
  'srs-fractionated',
  'dst-night-emergency',
];

/** What the audit says about each kind: the rule that reports it (null: none does, by design). */
export const DEFECT_RULES: Readonly<Record<DefectKind, string | null>> = {
  'sgrt-signature-pending': 'DOC-008',
  'sgrt-signature-overdue': 'DOC-008',
  'sgrt-signature-late': 'DOC-008',
  'igrt-review-pending': 'DOC-009',
  'monitoring-gap': 'DOC-005',
  'brief-occlusion': null,
  'monitoring-record-missing': 'DOC-004',
  'monitoring-setup-only-fraction': 'DOC-005',
  'setup-only-sgrt': 'CODE-006',
  'no-thresholds': 'DOC-006',
  'missed-beam-hold': 'DOC-007',
  'dibh-only-necessity': 'DOC-002',
  'unsigned-amm-order': 'DOC-001',
  'deleted-code-posted': 'CODE-009',
  'grandfathered-authorization': 'AUTH-001',
  'evicore-breast-criteria': 'PAYER-002',
  'twice-daily': null,
  'twice-daily-short-break': 'CODE-008',
  // Reports state no thresholds or beam hold: the plan's motion management decides (no finding).
  'alignrt-report-only': null,
  'mixed-beams': 'CODE-013',
  'sbrt-past-five': 'CODE-011',
  // Cranial SRS in three fractions on a linac is 77373 per fraction: nothing to report.
  'srs-fractionated': null,
  // The record states its offset (0008,0201): its times are instants, no DOC-010 (PS3.3 C.12.1.1.8).
  'dst-night-emergency': null,
};

export interface Defect {
  courseId: string;
  /** Null for a course-level defect. */
  fractionId: string | null;
  fraction: number | null;
  kind: DefectKind;
  detail: string;
}

/** Not defects, but what the import must handle (and tests can find). */
export type EventKind = 'interrupted-beam' | 'beam-hold' | 'two-monitoring-sessions' | 'alignrt-report';

export interface ClinicEvent {
  courseId: string;
  fractionId: string;
  fraction: number;
  kind: EventKind;
  detail: string;
}

export interface GenerateOptions {
  patients: number;
  days: number;
  seed: number;
  /** The export instant (epoch ms); default: the last treatment day 08:00 facility time + 4 h. */
  now?: number;
  /**
   * The facility's place of service (CMS POS codes): 11 freestanding office (default), 19/22 hospital
   * outpatient department, whose technical lines go on the 837I (domain.md §6).
   */
  placeOfService?: PlaceOfService;
}

/** CMS place-of-service codes the course model accepts (session-facts.ts `placeOfService`). */
export type PlaceOfService = '11' | '19' | '22';

export interface SimClinic {
  options: Required<GenerateOptions>;
  /** The stream seed of the clinic (from the user's seed). */
  seed: number;
  days: string[];
  courses: SimCourse[];
  defects: Defect[];
}
