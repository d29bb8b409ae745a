/**
 * What the application returns to its callers (the HTTP API and, through it, the web UI). These types
 * are the API's response bodies; src/web imports them with `import type` only. Times: `…At`/deadline
 * fields are ISO instants (UTC, `Z`); `…Local` fields are facility wall-clock readings; `date` fields
 * are dates of service. Money is integer cents.
 */
import type { ElementScore, NecessityProblem } from '../core/audit/documentation-elements.js';
import type { FractionStatus } from '../core/audit/outcome.js';
import type { BillingLine } from '../core/model/billing-line.js';
import type { Finding } from '../core/model/finding.js';
import type { BillingSettings } from './claims/billing-settings.js';
import type { ContractRate } from './reference/expected-rate.js';
import type { ReversalRole } from '../core/remit/pair-reversals.js';
import type { RemarkView, RemitCategory, RemitQueue } from '../core/remit/remit-category.js';
import type {
  EvidenceSummary,
  LetterMissing,
  LetterReference,
  LetterType,
  LetterWarning,
} from '../core/letters/letter-types.js';

/**
 * A login's role. `operator` is the installation's operator: an admin of its own practice who alone loads
 * the CMS reference data every practice shares (ARCHITECTURE.md, "Who loads reference data").
 */
export const ROLES = ['admin', 'physician', 'coder', 'biller', 'viewer', 'operator'] as const;
export type Role = (typeof ROLES)[number];
/** The roles a practice's admin may give; an operator is made on the server (`user add --role operator`). */
export const PRACTICE_ROLES = [
  'admin',
  'physician',
  'coder',
  'biller',
  'viewer',
] as const satisfies readonly Role[];

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  practiceId: string;
  practiceName: string;
  /** The chart physician id a physician login signs as; null for other roles. */
  physicianId: string | null;
  /** The practice's facility zone (IANA): the UI shows every instant in it. */
  timeZone: string;
}

export interface SessionView {
  user: UserView;
  /** Echo in the `x-csrf-token` header of every state-changing request. */
  csrfToken: string;
  /** The app's now (ISO): "in 3 h" and "overdue" are read against it (the demo runs on its own clock). */
  serverTime: string;
}

export type ChargeStatus = 'hold' | 'ready' | 'manual-hold' | 'released' | 'void';

export interface ChargeView {
  id: string;
  fractionId: string;
  code: string;
  modifiers: string[];
  units: number;
  /** `77387-26`, `77412 ×2`. */
  label: string;
  expectedCents: number | null;
  status: ChargeStatus;
  reason: string | null;
  updatedAt: string;
}

/**
 * A sum of charges' expected amounts. A charge without a rate (no rate table or contract prices its code)
 * is unknown, never $0.00: `cents` is then null and the total says how much is known and how many lines
 * are missing from it.
 */
export interface MoneyTotal {
  /** The total, or null when any line has no rate. */
  cents: number | null;
  /** The sum of the lines with a rate. */
  knownCents: number;
  linesWithoutRate: number;
}

export interface ChargeHistoryEntry {
  status: ChargeStatus;
  reason: string | null;
  /** A user's display name, or 'audit'. */
  actor: string;
  at: string;
}

/** One row of a fraction worklist (`GET /api/fractions`). */
export interface FractionRow {
  id: string;
  courseId: string;
  /** The chart's course id (shown to staff). */
  courseKey: string;
  patientId: string;
  patientName: string | null;
  mrn: string;
  physicianId: string;
  payer: string;
  number: number;
  date: string;
  status: FractionStatus;
  /** Codes to bill once any hold is resolved, as labels. */
  codes: string[];
  /** Rule ids of the findings that hold or downgrade it. */
  reasons: string[];
  /** Dollars at risk while on hold: expected cents of its charges. */
  atRisk: MoneyTotal;
  signatureDeadline: string | null;
  chargeStatus: ChargeStatus | 'mixed';
}

export interface FractionQuery {
  status?: FractionStatus | undefined;
  ruleId?: string | undefined;
  payer?: string | undefined;
  physicianId?: string | undefined;
  courseId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: 'date' | 'deadline' | 'atRisk' | 'patient' | undefined;
  order?: 'asc' | 'desc' | undefined;
  /** Any part of the patient's name or MRN. */
  search?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
  /** The `next` of the page before (keyset pagination; `offset` is then ignored). */
  after?: string | undefined;
}

/** The worklists' filter choices (`GET /api/worklists/choices`). */
export interface WorklistChoices {
  payers: string[];
  physicians: { id: string; name: string }[];
}

export interface Page<T> {
  items: T[];
  total: number;
  /** Counting stopped at `total`: there are more rows than that (shown as "1,000+"). */
  capped?: true;
  /** The cursor of the next page (`after`), when there is one (keyset-paged lists). */
  next?: string;
}

/** A record that matched no course (`GET /api/unlinked-records`). */
export interface UnlinkedRecordRow {
  id: string;
  /** The patient id (MRN) the record names, if any. */
  patientId: string | null;
  /** File and position (`day.csv:line 4`). */
  source: string;
  kind: string;
  what: string;
  reason: string;
  /** The record's date of service, when it has one. */
  date: string | null;
  /** Whether a link to a course can place it (`linkRefusal`). */
  linkable: boolean;
  /** Set when a coder dismissed the record (kept across re-links of its patient). */
  dismissal: { reason: string; by: string; at: string } | null;
}

/** A signature a physician owes (`GET /api/worklists/signatures`), most urgent first. */
export interface SignatureDue {
  fractionId: string;
  courseId: string;
  courseKey: string;
  patientId: string;
  patientName: string | null;
  mrn: string;
  physicianId: string;
  fractionNumber: number;
  date: string;
  /** What must be signed: the SGRT record, the IGRT review, or both. */
  documents: ('sgrt-record' | 'igrt-review')[];
  /** The patient's next scheduled beam-on (the deadline), when known. */
  nextBeamOn: string | null;
  deadline: string | null;
  overdue: boolean;
  atRisk: MoneyTotal;
}

export interface DashboardView {
  period: { from: string; to: string };
  fractions: number;
  byStatus: Record<FractionStatus, number>;
  codeMix: { code: string; count: number; share: number }[];
  /** Share of delivery sessions billed 77412, against the expected band. */
  share77412: number;
  expected77412: { min: number; max: number };
  holds: { count: number; atRisk: MoneyTotal };
  topHoldReasons: { ruleId: string; title: string; fractions: number; atRisk: MoneyTotal }[];
  /** Per date of service, for the chart. */
  daily: { date: string; ready: number; downgrade: number; hold: number }[];
}

export interface BeamView {
  name: string;
  beamOnLocal: string;
  beamOffLocal: string;
  beamOnAt: string | null;
  beamOffAt: string | null;
  /** Seconds of this beam-on interval with valid monitoring (DOC-005's coverage). */
  monitoredSeconds: number;
  /** The longest stretch of this beam-on without monitoring, in seconds (0 when fully covered). */
  longestGapSeconds: number;
}

export interface IntervalView {
  startAt: string;
  endAt: string;
}

export interface MonitoringView {
  system: string;
  startAt: string | null;
  endAt: string | null;
  /** null: the record states none (AlignRT "N/A"); 'unknown': its source does not state them. */
  thresholds: Record<string, number> | null | 'unknown';
  gatingActive: boolean | 'unknown';
  gaps: IntervalView[];
  excursions: (IntervalView & { beamHeld: boolean })[];
}

export interface SignatureView {
  document: 'sgrt-record' | 'igrt-review' | 'motion-management-order' | 'image-guidance-order' | 'necessity';
  signerId: string;
  signedAt: string;
  /** Signed in this app (with the login) or imported from the chart. */
  source: 'import' | 'app';
  /** A physician's capacity (DOC-011); null for another role's signature or one stored before capacities. */
  capacity: 'treating' | 'covering' | 'undesignated' | null;
  beforeDeadline: boolean | null;
}

/** A covering physician the practice designated (who may sign besides the course's physician). */
export interface CoverDesignationView {
  id: string;
  coveringPhysicianId: string;
  scope: 'course' | 'dates';
  /** Per course: its chart course id. */
  courseKey: string | null;
  /** The physician covered: the course's physician, or the one named for the date range. */
  forPhysicianId: string | null;
  from: string | null;
  to: string | null;
  createdBy: string;
  createdAt: string;
}

export interface FractionDetail {
  id: string;
  number: number;
  date: string;
  status: FractionStatus;
  lines: BillingLine[];
  findings: Finding[];
  charges: ChargeView[];
  beams: BeamView[];
  monitoring: MonitoringView[];
  signatures: SignatureView[];
  signatureDeadline: string | null;
  /** What a physician may sign now in the app. */
  signable: ('sgrt-record' | 'igrt-review')[];
  /** The monitoring gap tolerated within a beam (DOC-005's occlusion tolerance), in seconds. */
  occlusionToleranceSec: number;
}

export interface CourseSummary {
  id: string;
  courseKey: string;
  patientId: string;
  patientName: string | null;
  mrn: string;
  physicianId: string;
  payer: string;
  site: string;
  fractions: number;
  holds: number;
  lastDate: string | null;
}

export interface CourseView extends CourseSummary {
  timeZone: string;
  diagnosis: string | null;
  technique: string;
  motionManagement: string | null;
  findings: Finding[];
  elements: ElementScore[] | null;
  fractionDetails: FractionDetail[];
  /** Rule id → title and source citation, for every rule named in the findings. */
  rules: Record<string, { title: string; source: string }>;
}

/**
 * `partial`: finished, some files refused (listed with their problems) and the others imported.
 * `cancelled`: stopped by an administrator, never run again.
 */
export type JobStatus = 'queued' | 'running' | 'done' | 'partial' | 'failed' | 'cancelled';

export interface ImportFileView {
  name: string;
  format: string;
  status: 'imported' | 'duplicate' | 'skipped' | 'failed';
  records: number;
  problems: { location: string; message: string }[];
}

export interface ImportJobView {
  id: string;
  status: JobStatus;
  createdAt: string;
  updatedAt: string;
  /** Reading files, then storing the re-audited courses (in one transaction). */
  progress: { phase: 'read' | 'store'; done: number; total: number; file: string | null } | null;
  files: ImportFileView[];
  /** The files of the upload: those read once it ran, else those uploaded (a queued or cancelled job). */
  fileCount: number;
  summary: {
    courses: number;
    fractions: number;
    unlinked: number;
    byStatus: Record<FractionStatus, number>;
  } | null;
  /** Why the job failed, or how many files a partial one refused. */
  error: string | null;
}

/** A patient an access-log entry names: the name and MRN are null when the patient is no longer on file. */
export interface AccessLogPatient {
  id: string;
  name: string | null;
  mrn: string | null;
}

export interface AccessLogEntry {
  at: string;
  userId: string;
  userName: string;
  action: 'read' | 'change';
  /** The patients the request read or changed, once each, with name and MRN (null: no longer on file). */
  patients: AccessLogPatient[];
  route: string;
  /** The reason the user typed for an override (linking a record of another MRN), else null. */
  reason: string | null;
}

export interface AccessLogQuery {
  userId?: string | undefined;
  /** Any part of the patient's name, MRN or id, any case. */
  patient?: string | undefined;
  /** The facility's days, inclusive (`YYYY-MM-DD`). */
  from?: string | undefined;
  to?: string | undefined;
  action?: 'read' | 'change' | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/**
 * One service line of an imported 835 with its category and work queue (`GET /api/remittances/lines`).
 * A claim the payer answered without service lines is one line numbered 0.
 */
export interface RemitLineView {
  id: string;
  payer: string | null;
  paymentDate: string | null;
  traceNumber: string | null;
  claim: string;
  line: number;
  /** CLP02 (1 primary, 2 secondary, 4 denied, 19–21 forwarded, 22 reversal…) and CLP07. */
  claimStatus: string;
  payerClaimControlNumber: string | null;
  dateOfService: string | null;
  /** As adjudicated (SVC01) and as submitted (SVC06, else the same). */
  code: string;
  modifiers: string[];
  submittedCode: string;
  billedCents: number;
  paidCents: number;
  allowedCents: number;
  expectedCents: number | null;
  /** Σ group PR: what the patient (or a secondary payer) owes. */
  patientResponsibilityCents: number;
  /** What is still to recover on the line through its queue (0 when nothing is). */
  openCents: number;
  category: RemitCategory;
  /** Null when there is nothing to do. */
  queue: RemitQueue | null;
  ruleId: string | null;
  carcs: string[];
  /** Line remarks (LQ*HE) then the claim's (MOA/MIA), with their meaning. */
  remarks: RemarkView[];
  /** `secondary-claim-due`, `pre-2015-level`, `half-of-medicare`… */
  flags: string[];
  message: string;
  nextAction: string | null;
  /** The last day to appeal (payment date + the payer's appeal window). */
  appealBy: string | null;
  /**
   * Its place in a reversal (CLP02 22): a take-back and the payment it reverses net out (`netCents`, this
   * line's paid + its partner's); a correction is the payment that replaces a reversed one (its partner).
   * `partner` null: not found on file (an unpaired take-back is money taken back).
   */
  reversal: {
    role: ReversalRole;
    partner: { id: string; claim: string; paymentDate: string | null; paidCents: number } | null;
    netCents: number;
  } | null;
  /** The letter drafted for this line, or its claim's (null: none yet); drafting again opens it. */
  letterId: string | null;
  /**
   * How that letter answers the line: drafted for it (`line`), or the claim's letter drafted from another
   * line of the claim denied for the same reason (`claim`: a retro-authorization request or a 2025
   * authorization appeal lists every such line of its claim); null without a letter.
   */
  letterCovers: 'line' | 'claim' | null;
  /**
   * The letter that answers this line and whether it can be drafted, as the server decides it for a
   * draft (`lineLetterRefusal`); null when no letter answers the line (its category, or unmatched).
   */
  letter: RemitLineLetter | null;
  /** The charge and course the line pays, when matched (null: listed as unmatched). */
  chargeId: string | null;
  courseId: string | null;
  patientId: string | null;
  patientName: string | null;
  mrn: string | null;
}

export interface RemitQuery {
  category?: string | undefined;
  queue?: string | undefined;
  payer?: string | undefined;
  matched?: boolean | undefined;
  /** Lines whose appeal-by date falls in these dates (inclusive, `YYYY-MM-DD`). */
  appealFrom?: string | undefined;
  appealTo?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** Per category, per work queue and per payer: lines and dollars (`GET /api/remittances/summary`). */
export interface RemitSummaryView {
  /**
   * `paidCents` never counts a reversal as income: a take-back and the payment it cancels net out, and
   * a take-back whose original is not on file is `takenBackCents`, not a negative payment.
   */
  byCategory: {
    category: RemitCategory;
    lines: number;
    billedCents: number;
    paidCents: number;
    takenBackCents: number;
    shortCents: number;
  }[];
  /** Each work queue: its lines, the dollars still open, the soonest appeal date not yet passed. */
  queues: {
    queue: RemitQueue;
    lines: number;
    /** Against the expected amount only (never the billed charge): see `withoutRate`. */
    openCents: number;
    /** Lines whose open amount is not known: the practice has no rate for them. */
    withoutRate: number;
    soonestAppealBy: string | null;
    /** Lines whose appeal date has passed. */
    overdue: number;
  }[];
  /** Payer scorecards: denial and downcode rates, underpayment totals. */
  payers: {
    payer: string;
    lines: number;
    denialRate: number;
    downcodeRate: number;
    underpaidCents: number;
    paidCents: number;
    /** Σ expected of the known-rate lines, each service once (a reversal pair expects nothing). */
    expectedCents: number;
  }[];
  /** The scorecard of all payers, and of each, per week of payment (its Monday, `YYYY-MM-DD`), oldest first. */
  trends: (Omit<RemitSummaryView['payers'][number], 'payer'> & {
    week: string;
    payers: RemitSummaryView['payers'];
  })[];
  unmatched: number;
}

/**
 * One 835 payment with its provider-level adjustments (PLB) reconciled (`GET /api/remittances/payments`):
 * BPR02 = Σ CLP04 − Σ PLB (005010X221A1), `differenceCents` the amount that does not balance.
 */
export interface RemitPaymentView {
  id: string;
  payer: string | null;
  payerId: string | null;
  traceNumber: string | null;
  paymentDate: string | null;
  /** BPR02. */
  paidCents: number;
  /** Σ CLP04 of its claims (take-backs negative). */
  claimsPaidCents: number;
  /** Σ PLB amounts: positive withheld (recoupment WO/72, forward balance FB), negative added (interest L6). */
  providerAdjustmentCents: number;
  providerAdjustments: {
    reason: string;
    meaning: string | null;
    reference: string | null;
    amountCents: number;
  }[];
  differenceCents: number;
  balanced: boolean;
  claims: number;
  /** Claims the reader refused for damage inside them: not in Σ CLP04 (CLP04 null when unreadable). */
  refusedClaims: { location: string; paidCents: number | null }[];
  /** Why it does not balance when claims were refused (each named with its CLP04), else null. */
  differenceReason: string | null;
}

export interface RemitPaymentQuery {
  payer?: string | undefined;
  /** true: only the payments that do not balance. */
  unbalanced?: boolean | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export type LetterStatus = 'draft' | 'final';

/** The letter of a remittance line: its type, and why it cannot be drafted (null: it can). */
export interface RemitLineLetter {
  type: LetterType;
  /** The reason and what to do instead (a new or corrected claim, a reprocessing request…). */
  refusal: string | null;
}

/** A remittance line of a batch that gets no letter, with why. */
export interface RefusedLine {
  remitLineId: string;
  /** Its place in the request (`remitLineIds[2]`). */
  location: string;
  reason: string;
}

/** A line of a request whose letter was not drafted by it: the line's letter, or its claim's, already answers it. */
export interface CoveredLine {
  remitLineId: string;
  /** Its place in the request (`remitLineIds[2]`, `remitLineId`). */
  location: string;
  letterId: string;
  reason: string;
}

/**
 * `POST /api/letters`: the letters drafted or given back (each once, in the order of the lines), the
 * lines refused, and the lines an existing letter (or one drafted for another line of the claim in the
 * same request) answers, said so: no twin is drafted silently.
 */
export interface DraftedLetters {
  letters: LetterSummary[];
  refused: RefusedLine[];
  covered: CoveredLine[];
}

/** A letter to a payer in the Letters list (`GET /api/letters`). */
export interface LetterSummary {
  id: string;
  type: LetterType;
  status: LetterStatus;
  title: string;
  /** False when the chart cannot support the letter yet (see `missing`). */
  ready: boolean;
  courseId: string;
  courseKey: string;
  patientId: string;
  patientName: string | null;
  /** The remittance line an appeal answers; null for course letters or once the 835 is re-imported. */
  remitLineId: string | null;
  warningCount: number;
  missingCount: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** One letter (`GET /api/letters/:id`): the edited body with the drafting's cover, references and checks. */
export interface LetterView extends LetterSummary {
  body: string;
  cover: EvidenceSummary;
  references: LetterReference[];
  warnings: LetterWarning[];
  missing: LetterMissing[];
  template: { id: string; version: number };
  /** The remittance line, while it is linked. */
  claim: {
    claim: string;
    line: number;
    payer: string | null;
    dateOfService: string | null;
    category: string;
    submittedCode: string;
    code: string;
  } | null;
}

export interface LetterQuery {
  type?: LetterType | undefined;
  status?: LetterStatus | undefined;
  courseId?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** A version of a practice's letter template; version 0 is the bundled default. */
export interface LetterTemplateVersion {
  version: number;
  text: string;
  /** Null for the bundled default. */
  createdAt: string | null;
  createdBy: string | null;
}

/** A letter type's template (`GET /api/letter-templates/:type`): the versions, newest first. */
export interface LetterTemplateView {
  type: LetterType;
  /** The version new letters use: the newest. */
  current: number;
  versions: LetterTemplateVersion[];
  placeholders: { name: string; description: string }[];
}

/** Each letter type's template in use (`GET /api/letter-templates`). */
export interface LetterTemplateSummary {
  type: LetterType;
  version: number;
  createdAt: string | null;
  createdBy: string | null;
}

/** A stored CMS release (`GET /api/reference/releases`): public data shared by every practice. */
export interface CmsReleaseView {
  id: string;
  kind: 'mpfs' | 'opps' | 'ncci-practitioner' | 'ncci-hospital' | 'icd10cm';
  year: number;
  quarter: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  sources: string[];
  importedAt: string;
  /** Who loaded it: the operator's name, or `server command line` (`sgrt-billing reference import`). */
  importedBy: string;
  /** The release of its kind in force today (the latest-starting one whose dates cover today). */
  inForce: boolean;
  /** Rows stored per table (`rvus`, `gpcis`, `localities`, `opps`, `ptp`, `mue`, `icd10cm`). */
  rows: Record<string, number>;
}

/** The practice's Medicare locality, and the localities of the stored releases to choose from. */
export interface LocalityView {
  carrier: string | null;
  locality: string | null;
  choices: { carrier: string; locality: string; area: string; state: string | null }[];
}

/** A payer's settings (`GET/PUT /api/payer-settings`). Payers seen on courses are listed with defaults. */
export interface PayerSettingView {
  payer: string;
  payerProfile: string | null;
  /** As the practice declared it (`medicare`, `medicare-advantage`, `other`); null: by profile and SBR09. */
  payerKind: 'medicare' | 'medicare-advantage' | 'other' | null;
  /** The window that applies: the practice's own (`ownWindow`), else the payer kind's. */
  appealDays: number;
  ownWindow: boolean;
  notes: string | null;
  /** Whether the practice saved it (else the defaults are shown). */
  saved: boolean;
}

/** A contract rate of the practice, as the rates page lists it. */
export type ContractRateView = ContractRate;

/** What one line should pay, and why (`GET /api/reference/expected`). */
export interface ExpectedRateView {
  code: string;
  modifiers: string[];
  payer: string | null;
  placeOfService: string;
  dateOfService: string;
  cents: number | null;
  basis: 'contract' | 'medicare' | 'national' | null;
  /** `contract (UHC)`, `medicare locality 99901-01 (RVU26A)`, `national table (seed-2026)`. */
  label: string | null;
}

/** Result of a reference import (CMS files or contract-rate CSVs). */
export interface ReferenceImportView {
  files: { name: string; kind: string; rows: number; release: string | null }[];
  releases: string[];
  contractRates: number;
  warnings: { location: string; message: string }[];
}

export type ClaimFormat = '837P' | '837I';
export type ClaimPeriod = 'date' | 'week' | 'month';

/** One 837 batch the practice generated (`GET /api/claims/batches`). */
/** What a batch holds: originals, or one replacement, void or secondary claim. */
export type ClaimBatchKind = 'claims' | 'replacement' | 'resubmission' | 'void' | 'secondary';

export interface ClaimBatchView {
  id: string;
  format: ClaimFormat;
  kind: ClaimBatchKind;
  createdAt: string;
  /** The display name of the login that created it. */
  createdBy: string;
  /** ISA13 of the first interchange (one interchange per payer, numbered on). */
  interchangeControlNumber: number;
  interchanges: number;
  claims: number;
  lines: number;
  totalCents: number;
  period: ClaimPeriod;
}

/** A released charge no claim of the batch carries, with the rule that kept it out. */
export interface UnbilledCharge {
  chargeId: string;
  ruleId: string;
  reason: string;
}

/** The answer of `POST /api/claims/batches`: the batch (null when nothing was left to bill). */
export interface ClaimBatchResult {
  batch: ClaimBatchView | null;
  findings: Finding[];
  unbilled: UnbilledCharge[];
  /** Diagnosis warnings (laterality against the site, no ICD-10-CM code file loaded), located by course. */
  warnings: { location: string; message: string }[];
}

/**
 * What one claim version was: the original, a replacement (CLM05-3 7), a resubmission (a new claim,
 * CLM05-3 1, after Medicare Part B returned it unprocessable), a void (8), the secondary claim.
 */
export type ClaimVersionKind = 'original' | 'replacement' | 'resubmission' | 'void' | 'secondary';

/** One claim sent (`GET /api/claims`): its number, format, payer, total and latest version. */
export interface ClaimSummaryView {
  claimNumber: string;
  format: ClaimFormat;
  payer: string;
  totalCents: number;
  createdAt: string;
  latest: ClaimVersionKind;
}

/**
 * One claim number's history (`GET /api/claims/:number/history`): each version sent, what the payers'
 * 835s said to it (claim loops and classified lines), the payer's claim control number a replacement
 * or void would carry (REF*F8), and what can be sent next.
 */
export interface ClaimHistoryView {
  claimNumber: string;
  format: ClaimFormat;
  versions: {
    id: string;
    batchId: string;
    kind: ClaimVersionKind;
    frequencyCode: string;
    /** Who it went to (2010BB payer name). */
    payer: string;
    /** REF*F8 it carried (replacement, void). */
    payerClaimNumber: string | null;
    totalCents: number;
    createdAt: string;
    createdBy: string;
  }[];
  /** The 835 claim loops answering it: CLP02 status, CLP07, CLP03 charge, CLP04 paid. */
  answers: {
    payer: string;
    paymentDate: string | null;
    status: string;
    payerClaimNumber: string | null;
    chargeCents: number;
    paidCents: number;
  }[];
  remitLines: {
    id: string;
    payer: string | null;
    paymentDate: string | null;
    traceNumber: string | null;
    line: number;
    dateOfService: string | null;
    code: string;
    billedCents: number;
    paidCents: number;
    category: string;
    carcs: string[];
    message: string;
  }[];
  payerClaimNumber: string | null;
  canCorrect: boolean;
  canVoid: boolean;
  /** How this payer takes corrections when it is not by replacement/void (Medicare Part B), else null. */
  correctionNote: string | null;
  /** The primary answered and the patient has a secondary payer (courses.json otherCoverage). */
  canSendSecondary: boolean;
}

/** Released charges not yet sent, per format and payer (`GET /api/claims/preview`). */
export interface ClaimPreviewView {
  rows: { format: ClaimFormat; payer: string; claims: number; lines: number; totalCents: number }[];
  /** Released charges no claim could carry. */
  unbilled: UnbilledCharge[];
  /** Whether the practice's billing settings are complete (else batches are refused). */
  settingsComplete: boolean;
}

/** The practice's 837 billing settings (src/app/claims/billing-settings.ts), as the Settings page edits them. */
export type { BillingSettings };

/** A login of the practice (`GET /api/users`, `sgrt-billing user list`). */
export interface PracticeUserView {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  /** The chart physician id a physician login signs as; null for other roles. */
  physicianId: string | null;
  disabled: boolean;
  createdAt: string;
}

/** A practice of the database (`sgrt-billing practice list`). */
export interface PracticeSummary {
  id: string;
  name: string;
  users: number;
  /** Whether its billing settings are complete (837 batches are refused until they are). */
  billingConfigured: boolean;
}

/**
 * The practice's 837 billing settings (`GET /api/practice/billing`): the saved settings, or null with
 * the fields to add; and the payer profiles of the practice's courses, each with whether the settings
 * name its payer (a claim to a profile without one is refused).
 */
export interface BillingSettingsView {
  settings: BillingSettings | null;
  missing: { location: string; message: string }[];
  payerProfiles: { profile: string; courses: number; configured: boolean }[];
  /** The physician ids of the practice's courses (the keys of `physicians`), each with whether it is set. */
  physicians: { id: string; courses: number; configured: boolean }[];
  /** The guidelines letters cite (keys of `guidelineVersions`): the practice sets the version it follows. */
  guidelines: { id: string; title: string }[];
}

/** One item of the Today page: a count and the web path of the list that shows those items. */
export interface TodayItem {
  key: string;
  label: string;
  count: number;
  /** Counting stopped at `count`: there are more (shown as "1,000+"). */
  capped?: true;
  /** The web app's path (with the list's filters) that lists exactly these items. */
  href: string;
}

/** A signature due, for the physician's Today list (top 5, the patient's next beam-on soonest first). */
export interface TodaySignature {
  fractionId: string;
  courseId: string;
  courseKey: string;
  patientName: string | null;
  fractionNumber: number;
  documents: SignatureDue['documents'];
  nextBeamOn: string | null;
  /** The fraction's signature deadline, as `/api/worklists/signatures` gives it. */
  deadline: string | null;
  overdue: boolean;
}

/**
 * A course a covering physician sees on Today (the practice designated them for the course, or for its
 * physician over dates that include today): what waits on a physician's signature or document.
 */
export interface TodayCoveredCourse {
  courseId: string;
  courseKey: string;
  patientName: string | null;
  /** Fractions with an SGRT record or IGRT review unsigned. */
  signatures: number;
  /** Fractions held for the motion-management order (DOC-001). */
  orders: number;
  /** Fractions held for the patient-specific necessity statement (DOC-002). */
  statements: number;
  nextBeamOn: string | null;
}

/** The courses of one physician that the signed-in physician covers today, soonest next beam-on first. */
export interface TodayCovering {
  /** The physician covered (chart physician id), and the name the billing settings give (else the id). */
  forPhysicianId: string;
  forPhysicianName: string;
  /** Sums over `courses`. */
  signatures: number;
  orders: number;
  statements: number;
  courses: TodayCoveredCourse[];
}

/** Held fractions of the rules one person can fix (src/core/rules/hold-fixers.ts), per rule. */
export interface TodayHoldGroup {
  fixer: 'physician' | 'therapist' | 'front-desk' | 'coder';
  /** Held fractions with a finding of any of these rules (a fraction held for two rules counts once). */
  fractions: number;
  /** Per rule, with why its holds go to this person (every rule has one: hold-fixers.ts `holdReason`). */
  rules: (TodayItem & { reason: string })[];
}

/** `GET /api/today`: what needs the signed-in role today, each with a link to its list. */
export type TodayView =
  | {
      role: 'physician';
      /** Their own patients' work (the courses whose physician they are). */
      items: TodayItem[];
      signatures: TodaySignature[];
      /** The work of the patients they cover today, per physician covered (none when they cover no one). */
      covering: TodayCovering[];
    }
  | {
      role: 'coder';
      items: TodayItem[];
      holds: TodayHoldGroup[];
      /** 77412 among delivery sessions (the dashboard's definition), against the expected band. */
      share77412: { share: number; min: number; max: number; of: string; from: string; to: string };
    }
  | { role: 'biller'; items: TodayItem[]; appealWithinDays: number }
  | { role: 'admin'; items: TodayItem[] }
  | { role: 'viewer'; items: TodayItem[] };

/** A signature on a course-level document (order, necessity statement). */
export interface CourseDocumentSignatureView {
  signerId: string;
  signedAt: string;
  source: 'import' | 'app';
  capacity: 'treating' | 'covering' | 'undesignated' | null;
}

/** The live check of a necessity statement being written: DOC-002 and DOC-003 on the draft text. */
export interface NecessityCheckView {
  /** DOC-002's problem with the text, null when it is patient-specific. */
  problem: NecessityProblem;
  /** DOC-002's message for the problem. */
  warning: string | null;
  /**
   * The five documentation elements scored with the draft and the course's orders (DOC-003), each with
   * where it was found: the statement itself, else only the chart's motion-management order.
   */
  elements: (ElementScore & { from: 'statement' | 'order' | null })[];
  /** DOC-003's message against the payer's bar. */
  documentation: string;
}

/** What only a physician can fix on a course: its motion-management order(s) and necessity statement. */
export interface CourseDocumentsView {
  courseId: string;
  courseKey: string;
  physicianId: string;
  /** The signed-in physician's capacity for this course today; null for other roles. */
  capacity: 'treating' | 'covering' | 'undesignated' | null;
  orders: {
    id: string;
    text: string | null;
    system: string | null;
    signature: CourseDocumentSignatureView | null;
  }[];
  necessity: {
    documentId: string;
    text: string;
    writtenInApp: boolean;
    signature: CourseDocumentSignatureView | null;
    check: NecessityCheckView;
  } | null;
  /** Fractions on hold, and those held by DOC-001 or DOC-002 (what these documents can clear). */
  holds: { fractions: number; byDocuments: number };
  /** What the audit still says about the order and statement (DOC-001, DOC-002, DOC-003), once each. */
  findings: Finding[];
}

/** A course held for what only a physician can fix (DOC-001 order, DOC-002 necessity statement). */
export interface DocumentDueView {
  courseId: string;
  courseKey: string;
  patientName: string | null;
  physicianId: string;
  /** DOC-001 and/or DOC-002. */
  rules: string[];
  heldFractions: number;
}
