import type { Clinic } from '../../core/model/clinic.js';
import type { CourseHeader, MonitoringSession } from '../../core/model/course.js';
import type { TreatmentReport } from '../../formats/alignrt/report/report-types.js';
import type { Authorizations, OrdersSignatures, TreatmentHistory } from '../../formats/csv/csv-types.js';
import type { RtBeamsRecord } from '../../formats/dicom/rt-record-types.js';
import type { FhirBundleRead } from '../../formats/fhir/fhir-types.js';
import type { DftMessage } from '../../formats/hl7v2/dft-types.js';
import type { Remittance } from '../../core/model/remittance.js';

/** An AlignRT log read and turned into the course model's monitoring session, with its patient. */
export interface MonitoringLog {
  source: string;
  patientId: string | null;
  session: MonitoringSession;
}

/** Everything read from an import folder, by kind, before linking. */
export interface ExportRecords {
  clinic: Clinic | null;
  headers: CourseHeader[];
  dicom: RtBeamsRecord[];
  histories: { source: string; history: TreatmentHistory }[];
  monitoring: MonitoringLog[];
  reports: { source: string; report: TreatmentReport }[];
  documents: { source: string; table: OrdersSignatures }[];
  authorizations: { source: string; table: Authorizations }[];
  charges: DftMessage[];
  fhir: { source: string; bundle: FhirBundleRead }[];
  /** X12 835 remittances, one per transaction set. */
  remittances: { source: string; remittance: Remittance }[];
}

export function emptyRecords(): ExportRecords {
  return {
    clinic: null,
    headers: [],
    dicom: [],
    histories: [],
    monitoring: [],
    reports: [],
    documents: [],
    authorizations: [],
    charges: [],
    fhir: [],
    remittances: [],
  };
}

/** Add what `part` says to `into` (the clinic settings of the first part that has them win). */
export function mergeRecords(into: ExportRecords, part: ExportRecords): ExportRecords {
  into.clinic ??= part.clinic;
  into.headers.push(...part.headers);
  into.dicom.push(...part.dicom);
  into.histories.push(...part.histories);
  into.monitoring.push(...part.monitoring);
  into.reports.push(...part.reports);
  into.documents.push(...part.documents);
  into.authorizations.push(...part.authorizations);
  into.charges.push(...part.charges);
  into.fhir.push(...part.fhir);
  into.remittances.push(...part.remittances);
  return into;
}
