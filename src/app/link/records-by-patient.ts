import type { FhirBundleRead } from '../../formats/fhir/fhir-types.js';
import { emptyRecords, type ExportRecords } from '../read/export-records.js';
import { fhirDocuments } from '../read/fhir-documents.js';

/** The key of records that name no patient (they can link to no course). */
export const NO_PATIENT = '';

/**
 * A file's records split by the patient each names (the patient id `linkCourses` links it by), so that
 * linking one patient needs only that patient's records: courses belong to one patient, and every record
 * joins a course of the patient it names. Remittances and the clinic settings belong to no patient's
 * slice (remittances are matched to charges practice-wide, from the file's stored content). Records that
 * name no patient are under `NO_PATIENT`.
 */
export function recordsByPatient(records: ExportRecords): Map<string, ExportRecords> {
  const out = new Map<string, ExportRecords>();
  const slice = (patientId: string | null | undefined): ExportRecords => {
    const key = patientId ?? NO_PATIENT;
    let part = out.get(key);
    if (!part) out.set(key, (part = emptyRecords()));
    return part;
  };
  for (const h of records.headers) slice(h.patient.id).headers.push(h);
  for (const r of records.dicom) slice(r.patientId).dicom.push(r);
  for (const { source, history } of records.histories) {
    const records = byPatientId(history.records);
    for (const [id, fractions] of byPatientId(history.fractions)) {
      slice(id).histories.push({
        source,
        history: { info: history.info, records: records.get(id) ?? [], fractions },
      });
    }
  }
  for (const log of records.monitoring) slice(log.patientId).monitoring.push(log);
  for (const r of records.reports) slice(r.report.patientId).reports.push(r);
  for (const { source, table } of records.documents) {
    for (const [id, documents] of byPatientId(table.documents))
      slice(id).documents.push({ source, table: { info: table.info, documents } });
  }
  for (const { source, table } of records.authorizations) {
    for (const [id, authorizations] of byPatientId(table.authorizations))
      slice(id).authorizations.push({ source, table: { info: table.info, authorizations } });
  }
  for (const m of records.charges) slice(m.patient.id).charges.push(m);
  for (const { source, bundle } of records.fhir) {
    for (const [id, part] of bundleByPatient(bundle)) slice(id).fhir.push({ source, bundle: part });
  }
  return out;
}

/**
 * A file's rows grouped by the patient each names, in one pass (file order kept within a patient): a
 * scan per patient would cost rows × patients, hours for a history of 600k rows over 100k patients.
 */
function byPatientId<T extends { patientId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const group = out.get(row.patientId);
    if (group) group.push(row);
    else out.set(row.patientId, [row]);
  }
  return out;
}

/**
 * A FHIR bundle's orders and documents by the patient each is about (as `fhirDocuments` reads it), each
 * part with the resources its documents look up (patients, procedures, practitioners).
 */
function bundleByPatient(bundle: FhirBundleRead): Map<string, FhirBundleRead> {
  const found = fhirDocuments(bundle);
  const orders = bundle.serviceRequests.length;
  const byPatient = new Map<string, { orders: number[]; documents: number[] }>();
  found.forEach((d, i) => {
    const key = d.document?.patientId ?? NO_PATIENT;
    const at = byPatient.get(key) ?? { orders: [], documents: [] };
    if (i < orders) at.orders.push(i);
    else at.documents.push(i - orders);
    byPatient.set(key, at);
  });
  const out = new Map<string, FhirBundleRead>();
  for (const [key, at] of byPatient) {
    const serviceRequests = at.orders.map((i) => bundle.serviceRequests[i]!);
    const documentReferences = at.documents.map((i) => bundle.documentReferences[i]!);
    // Looked up by the resolved target's id (`fhirDocuments`), which may be null.
    const subjects = new Set(
      [...serviceRequests.map((r) => r.subject), ...documentReferences.map((d) => d.subject)].flatMap((s) =>
        s?.resolved ? [s.resolved.id] : [],
      ),
    );
    const related = new Set(
      documentReferences.flatMap((d) => d.related.flatMap((r) => (r.resolved ? [r.resolved.id] : []))),
    );
    out.set(key, {
      ...bundle,
      serviceRequests,
      documentReferences,
      patients: bundle.patients.filter((p) => subjects.has(p.id)),
      procedures: bundle.procedures.filter((p) => related.has(p.id)),
      coverages: [],
      claims: [],
    });
  }
  return out;
}
