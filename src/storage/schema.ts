import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely's view of the tables of migrations/0001-initial.ts. `timestamptz` columns are read as Date
 * and written as Date or ISO strings; `date` columns are read as 'YYYY-MM-DD' strings (see
 * database.ts: both drivers are told to leave dates as text); `bigint` money is read as string and
 * converted to number cents by the repositories.
 */
type Instant = ColumnType<Date, Date | string, Date | string>;
type CalendarDate = ColumnType<string, string, string>;
type Cents = ColumnType<string | null, number | bigint | null, number | bigint | null>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface PracticesTable {
  id: string;
  name: string;
  clinic: Json;
  /** Billing settings (src/app/claims/billing-settings.ts), null until set. */
  billing: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface UsersTable {
  id: string;
  practice_id: string;
  email: string;
  display_name: string;
  role: string;
  password_hash: string;
  physician_id: string | null;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  expires_at: Instant;
}

export interface LoginAttemptsTable {
  id: Generated<string>;
  key: string;
  at: Instant;
}

export interface PatientsTable {
  id: string;
  practice_id: string;
  mrn: string;
  name: string | null;
  birth_date: CalendarDate | null;
  /** Claim demographics (sex, member id, group number, address), null when the import had none. */
  demographics: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface CoursesTable {
  id: string;
  practice_id: string;
  patient_id: string;
  course_key: string;
  physician_id: string;
  payer_profile: string;
  payer_name: string | null;
  site: string;
  header: Json;
  document: Json | null;
  audit: Json | null;
  next_beam_on: Instant | null;
  audited_at: Instant | null;
}

export interface FractionsTable {
  id: string;
  practice_id: string;
  course_id: string;
  fraction_key: string;
  number: number;
  date_of_service: CalendarDate;
  status: string;
  first_beam_on: Instant | null;
  signature_deadline: Instant | null;
  audit: Json;
  /** migrations/0020-worklist-columns.ts: the course's payer as shown (name, else profile). */
  payer: string;
  /** migrations/0020: the course's physician. */
  physician_id: string;
  /** migrations/0020: rule ids of the fraction's non-informational findings, sorted. */
  rule_ids: Generated<string[]>;
  /**
   * migrations/0027-list-search-indexes.ts: the known expected cents of the fraction's charges that are
   * not void, kept by triggers on charges (the worklist's at-risk order).
   */
  at_risk_cents: Generated<string>;
}

export interface BeamsTable {
  id: Generated<string>;
  fraction_id: string;
  name: string;
  beam_on: string;
  beam_off: string;
  radiation_type: string | null;
}

export interface MonitoringSessionsTable {
  id: Generated<string>;
  fraction_id: string;
  session_key: string;
  system: string;
  start_local: string;
  end_local: string;
  gating_active: boolean;
  thresholds: Json | null;
  gaps: Json;
  excursions: Json;
}

export interface DocumentsTable {
  id: string;
  practice_id: string;
  course_id: string;
  fraction_id: string | null;
  kind: string;
  document_key: string;
  signed: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface SignaturesTable {
  id: Generated<string>;
  practice_id: string;
  document_id: string;
  signer_id: string;
  signer_role: string;
  signed_at: Instant;
  source: string;
  user_id: string | null;
  /** treating / covering / undesignated (a physician's signature); null for others and older rows. */
  signer_capacity: string | null;
}

/** A covering physician the practice designated: for one course, or for a physician over dates. */
export interface CoverDesignationsTable {
  id: string;
  practice_id: string;
  covering_physician_id: string;
  scope: string;
  course_id: string | null;
  for_physician_id: string | null;
  from_date: CalendarDate | null;
  to_date: CalendarDate | null;
  created_by: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** A chart document a physician wrote in the app (migration 0021): today the necessity statement. */
export interface WrittenDocumentsTable {
  id: string;
  practice_id: string;
  /** The chart's course id (courses.course_key). */
  course_key: string;
  kind: 'necessity';
  text: string;
  written_by: string;
  written_at: Instant;
}

export interface ChargesTable {
  id: string;
  practice_id: string;
  fraction_id: string;
  code: string;
  modifiers: string;
  units: number;
  expected_cents: Cents;
  status: string;
  reason: string | null;
  updated_at: Instant;
}

/** Fractions per date of service and status (migration 0014: kept by triggers, read by the dashboard). */
export interface FractionDaysTable {
  practice_id: string;
  date_of_service: CalendarDate;
  status: string;
  fractions: number;
}

/** Charges that are not void per date of service, fraction status and code (migration 0014, as above). */
export interface ChargeDaysTable {
  practice_id: string;
  date_of_service: CalendarDate;
  fraction_status: string;
  code: string;
  charges: number;
  cents: Cents;
  without_rate: number;
}

/** Held fractions and their charges per date of service and hold reason (migration 0014, as above). */
export interface HoldReasonDaysTable {
  practice_id: string;
  date_of_service: CalendarDate;
  rule_id: string;
  fractions: number;
  cents: Cents;
  without_rate: number;
}

export interface ChargeStatusHistoryTable {
  id: Generated<string>;
  charge_id: string;
  status: string;
  reason: string | null;
  actor: string;
  at: Instant;
}

export interface FindingsTable {
  id: Generated<string>;
  practice_id: string;
  course_id: string;
  fraction_id: string | null;
  rule_id: string;
  severity: string;
  subject: string;
  message: string;
  evidence: Json | null;
  fix: string | null;
}

export interface AuthorizationsTable {
  id: Generated<string>;
  practice_id: string;
  /** Null while the practice has no course for the patient the export names (`patient_mrn`). */
  patient_id: string | null;
  patient_mrn: string;
  payer: string | null;
  number: string;
  codes: string;
  fractions_authorized: number | null;
  obtained_on: CalendarDate | null;
  valid_from: CalendarDate | null;
  valid_to: CalendarDate | null;
}

export interface JobsTable {
  id: string;
  practice_id: string;
  kind: string;
  status: string;
  payload: Json;
  progress: Json | null;
  result: Json | null;
  error: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  locked_by: string | null;
  locked_until: Instant | null;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface UploadFilesTable {
  id: Generated<string>;
  job_id: string;
  name: string;
  /** Bytes (int8, read as text); the bytes themselves are rows of `upload_chunks`. */
  size: ColumnType<string, number, number>;
  sha256: string;
}

export interface UploadChunksTable {
  file_id: string;
  seq: number;
  bytes: Uint8Array;
}

export interface ImportsTable {
  id: Generated<string>;
  practice_id: string;
  file_hash: string;
  file_name: string;
  format: string;
  status: string;
  records: number;
  problems: Json;
  /** Emptied (null) once the file's records are in `import_records` or `remittances` (migration 0025). */
  content: Json | null;
  job_id: string | null;
  imported_at: Instant;
  /** Its records are in `import_records`, split by patient (false: imported before that was kept). */
  by_patient: Generated<boolean>;
}

/** One imported file's records about one patient (`patient_key` '' for records that name none). */
export interface ImportRecordsTable {
  practice_id: string;
  patient_key: string;
  import_id: string;
  content: Json;
}

/** A record that matched no course when its patient was last linked, and why. */
export interface UnlinkedRecordsTable {
  id: Generated<string>;
  practice_id: string;
  /** The patient id (MRN) the record names; '' when it names none. */
  patient_key: string;
  /** File and position (`day.csv:line 4`, `fx3.dcm`). */
  source: string;
  kind: string;
  what: string;
  reason: string;
  /** The record's date of service, when it has one (migration 0023; null on rows stored before). */
  record_date: ColumnType<string | null, string | null | undefined, string | null>;
}

/** An unlinked record dismissed with a reason, keyed by the record's identity across re-links. */
export interface UnlinkedDismissalsTable {
  practice_id: string;
  patient_key: string;
  source: string;
  kind: string;
  what: string;
  reason: string;
  dismissed_by: string;
  dismissed_at: Instant;
}

/** An unlinked record linked to a course by hand, keyed by the record's identity across re-links. */
export interface UnlinkedLinksTable {
  practice_id: string;
  patient_key: string;
  source: string;
  kind: string;
  what: string;
  /** The course's chart id (`courses.course_key`). */
  course_key: string;
  /** The MRN of the course's patient (its records are linked with the record's). */
  course_patient_key: string;
  linked_by: string;
  linked_at: Instant;
}

export interface RemitLinesTable {
  id: Generated<string>;
  practice_id: string;
  source: string;
  payer: string | null;
  payer_id: string | null;
  trace_number: string | null;
  payment_date: CalendarDate | null;
  claim_pcn: string;
  line_no: number;
  date_of_service: CalendarDate | null;
  code: string;
  modifiers: string;
  submitted_code: string;
  billed_cents: ColumnType<string, number, number>;
  paid_cents: ColumnType<string, number, number>;
  allowed_cents: ColumnType<string, number, number>;
  expected_cents: Cents;
  category: string;
  rule_id: string | null;
  carcs: string;
  remarks: string;
  flags: string;
  message: string;
  next_action: string | null;
  appeal_by: CalendarDate | null;
  charge_id: string | null;
  course_id: string | null;
  patient_id: string | null;
  /** 0007-remittance-work.ts: the payment, work queue, CLP02/CLP07, PR, what is open, the reversal pair. */
  payment_id: string | null;
  queue: string | null;
  claim_status: ColumnType<string, string | undefined, string>;
  payer_claim_control_number: string | null;
  /** Defaults 0; a copied row's value (text) is accepted. */
  patient_responsibility_cents: ColumnType<string, number | string | undefined, number>;
  open_cents: ColumnType<string, number | string | undefined, number>;
  /** `take-back` (CLP02 22), `reversed` (the payment it cancels), `correction`; null outside a reversal. */
  reversal_role: string | null;
  reversal_partner_id: string | null;
  /** 0010: CLP06 of the line's claim (the appeal window of a Medicare claim reads it). */
  claim_filing_indicator: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One imported 835 payment (transaction set) as read, without its claims (`remit_claims`). */
export interface RemittancesTable {
  practice_id: string;
  import_id: string;
  /** Its place in the file (0-based). */
  payment_no: number;
  source: string;
  /** `paymentKey`: payer and TRN02 trace number (null without a trace number). */
  payment_key: string | null;
  /** `paymentContent`: what tells two copies of a payment apart. */
  content_key: string;
  /** False for a later copy of a payment already imported (its lines count once). */
  counted: boolean;
  remittance: Json;
}

/** One claim (CLP loop) of an imported 835, found by what may tie it to other claims and to charges. */
export interface RemitClaimsTable {
  practice_id: string;
  import_id: string;
  payment_no: number;
  claim_no: number;
  /** CLP01, CLP07, REF*G1 (`authorizationKey`). */
  pcn: string;
  control_number: string | null;
  authorization_key: string | null;
  /** The course keys CLP01 may name (itself and its prefixes before each `-`). */
  course_keys: string[];
  claim: Json;
}

/** One 835 payment (transaction set) with its provider-level adjustments and its balance. */
export interface RemitPaymentsTable {
  id: Generated<string>;
  practice_id: string;
  /** The payment it was made from (`remittances`); null in rows made before migration 0025. */
  import_id: string | null;
  payment_no: number | null;
  source: string;
  payer: string | null;
  payer_id: string | null;
  trace_number: string | null;
  payment_date: CalendarDate | null;
  /** BPR02, Σ CLP04, Σ PLB amounts. */
  paid_cents: ColumnType<string, number, number>;
  claims_paid_cents: ColumnType<string, number, number>;
  provider_adjustment_cents: ColumnType<string, number, number>;
  /** `[{ reason, reference, amountCents }]` (PLB03-1/PLB03-2, PLB04; repeated pairs become several). */
  provider_adjustments: Json;
  /** BPR02 − (Σ CLP04 − Σ PLB): 0 when balanced. */
  difference_cents: ColumnType<string, number, number>;
  balanced: boolean;
  claims: number;
  /** `[{ location, paidCents }]`: the claims the reader refused (damaged), CLP04 null when unreadable. */
  refused_claims: ColumnType<unknown, string | undefined, string>;
}

export interface LetterTemplatesTable {
  id: string;
  practice_id: string;
  type: string;
  version: number;
  text: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  created_by: string;
}

export interface LettersTable {
  id: string;
  practice_id: string;
  course_id: string;
  remit_line_id: string | null;
  type: string;
  template_id: string;
  template_version: number;
  status: string;
  ready: boolean;
  title: string;
  body: string;
  cover: Json;
  references: Json;
  warnings: Json;
  missing: Json;
  created_by: string;
  created_at: Instant;
  updated_at: Instant;
}

export interface ClaimBatchesTable {
  id: string;
  practice_id: string;
  format: string;
  created_at: Instant;
  created_by: string;
  interchange_control_number: number;
  interchange_count: number;
  first_claim_number: number;
  claim_count: number;
  line_count: number;
  total_cents: ColumnType<string, number, number>;
  period: string;
  file_text: string;
  /** `claims` (a batch of originals), `replacement`, `void` or `secondary` (migration 0008). */
  kind: ColumnType<string, string | undefined, string>;
}

/** One claim as sent: original, replacement (7), void (8) or secondary (migration 0008). */
export interface ClaimVersionsTable {
  id: string;
  practice_id: string;
  claim_pcn: string;
  batch_id: string;
  format: string;
  kind: string;
  frequency_code: string;
  payer_profile: string;
  payer_name: string;
  payer_claim_number: string | null;
  patient_id: string;
  draft: ColumnType<unknown, string, string>;
  total_cents: ColumnType<string, number, number>;
  created_at: Instant;
  created_by: string;
}

export interface ClaimLinesTable {
  id: Generated<string>;
  practice_id: string;
  batch_id: string;
  format: string;
  claim_pcn: string;
  charge_id: string;
}

export interface AccessLogTable {
  id: Generated<string>;
  at: Instant;
  practice_id: string;
  user_id: string;
  action: string;
  /** migrations/0020-worklist-columns.ts: the patients the request read or changed (one row per request). */
  patient_ids: Generated<string[]>;
  route: string;
  /** migrations/0030-access-reason.ts: the reason the user typed for an override (null: none needed). */
  reason: Generated<string | null>;
}

/** migrations/0005-reference-data.ts: CMS releases (shared, public data) and their rows. */
export interface CmsReleasesTable {
  id: string;
  kind: string;
  year: number;
  quarter: number;
  effective_from: CalendarDate;
  effective_to: CalendarDate | null;
  sources: string;
  imported_at: Instant;
  /** migrations/0011: the operator's user id; null when loaded on the server (`reference import`). */
  imported_by: string | null;
}

export interface CmsRvusTable {
  release_id: string;
  hcpcs: string;
  modifier: string;
  status: string;
  work_rvu: number;
  non_facility_pe_rvu: number | null;
  facility_pe_rvu: number | null;
  mp_rvu: number;
  conversion_factor: number | null;
}

export interface CmsGpcisTable {
  release_id: string;
  carrier: string;
  locality: string;
  locality_name: string | null;
  work_gpci: number;
  pe_gpci: number;
  mp_gpci: number;
}

export interface CmsLocalitiesTable {
  release_id: string;
  carrier: string;
  locality: string;
  state: string | null;
  fee_schedule_area: string;
}

export interface CmsOppsRatesTable {
  release_id: string;
  hcpcs: string;
  status_indicator: string;
  apc: string | null;
  payment_cents: Cents;
}

export interface CmsPtpEditsTable {
  release_id: string;
  column1: string;
  column2: string;
  effective_from: CalendarDate;
  deleted_on: CalendarDate | null;
  modifier_indicator: string;
}

export interface CmsMueLimitsTable {
  release_id: string;
  hcpcs: string;
  max_units: number;
  adjudication: string;
  rationale: string | null;
}

/** migrations/0009-icd10cm.ts: the codes of an ICD-10-CM release (`cms_releases` kind `icd10cm`), without the dot. */
export interface CmsIcd10cmCodesTable {
  release_id: string;
  code: string;
  billable: boolean;
  description: string;
}

/** The practice's Medicare payment locality (contractor and locality number). */
export interface PracticeLocalitiesTable {
  practice_id: string;
  carrier: string;
  locality: string;
}

export interface PayerSettingsTable {
  practice_id: string;
  payer: string;
  payer_profile: string | null;
  /** Null (0017): the payer's kind decides the window. */
  appeal_days: number | null;
  /** 0017: `medicare`, `medicare-advantage`, `other`; null: by profile and claim filing indicator. */
  payer_kind: ColumnType<string | null, string | null | undefined, string | null>;
  notes: string | null;
}

export interface ContractRatesTable {
  id: string;
  practice_id: string;
  payer: string;
  code: string;
  modifier: string;
  cents: ColumnType<string, number, number>;
  effective_from: CalendarDate;
  effective_to: CalendarDate | null;
}

export interface Database {
  practices: PracticesTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  patients: PatientsTable;
  courses: CoursesTable;
  fractions: FractionsTable;
  beams: BeamsTable;
  monitoring_sessions: MonitoringSessionsTable;
  documents: DocumentsTable;
  signatures: SignaturesTable;
  cover_designations: CoverDesignationsTable;
  written_documents: WrittenDocumentsTable;
  charges: ChargesTable;
  charge_status_history: ChargeStatusHistoryTable;
  fraction_days: FractionDaysTable;
  charge_days: ChargeDaysTable;
  hold_reason_days: HoldReasonDaysTable;
  findings: FindingsTable;
  authorizations: AuthorizationsTable;
  jobs: JobsTable;
  upload_files: UploadFilesTable;
  upload_chunks: UploadChunksTable;
  imports: ImportsTable;
  import_records: ImportRecordsTable;
  unlinked_records: UnlinkedRecordsTable;
  unlinked_dismissals: UnlinkedDismissalsTable;
  unlinked_links: UnlinkedLinksTable;
  access_log: AccessLogTable;
  remit_lines: RemitLinesTable;
  remit_payments: RemitPaymentsTable;
  remittances: RemittancesTable;
  remit_claims: RemitClaimsTable;
  claim_batches: ClaimBatchesTable;
  claim_lines: ClaimLinesTable;
  claim_versions: ClaimVersionsTable;
  cms_releases: CmsReleasesTable;
  cms_rvus: CmsRvusTable;
  cms_gpcis: CmsGpcisTable;
  cms_localities: CmsLocalitiesTable;
  cms_opps_rates: CmsOppsRatesTable;
  cms_ptp_edits: CmsPtpEditsTable;
  cms_mue_limits: CmsMueLimitsTable;
  cms_icd10cm_codes: CmsIcd10cmCodesTable;
  practice_localities: PracticeLocalitiesTable;
  payer_settings: PayerSettingsTable;
  contract_rates: ContractRatesTable;
  letter_templates: LetterTemplatesTable;
  letters: LettersTable;
}
