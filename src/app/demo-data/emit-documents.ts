import { writeCsv } from '../../formats/csv/write-csv.js';
import { type FhirBundleInput, writeFhirBundle } from '../../formats/fhir/write-fhir-bundle.js';
import { firstOn, lastOff } from './build-fraction.js';
import { FACILITY, type SimClinic, type SimCourse } from './clinic-model.js';
import { formatInstant, instantOf } from './clinic-time.js';
import type { ClinicFile } from './clinic-files.js';

const zone = FACILITY.timeZone;
/** Placeholder OIDs (2.16.840.1.113883.3.9999 is not assigned to anyone real). */
export const PATIENT_ID_SYSTEM = 'urn:oid:2.16.840.1.113883.3.9999.1';
export const STAFF_ID_SYSTEM = 'urn:oid:2.16.840.1.113883.3.9999.2';
export const DOCUMENT_TYPE_SYSTEM = 'urn:oid:2.16.840.1.113883.3.9999.5';
export const ORDER_CODE_SYSTEM = 'urn:oid:2.16.840.1.113883.3.9999.4';
const PROCEDURE_CODE_SYSTEM = 'urn:oid:2.16.840.1.113883.3.9999.6';

export const ORDERS_HEADER = [
  'Patient ID',
  'Patient Name',
  'Course ID',
  'Kind',
  'Document ID',
  'Fraction',
  'Date',
  'Signer ID',
  'Signer Role',
  'Signed At',
  'Time Zone',
  'System',
  'Modality',
  'Text',
] as const;

const hasDocuments = (c: SimCourse) =>
  c.order !== null || c.fractions.some((f) => f.igrtReview || f.sgrtRecord);

/**
 * `documents/orders-signatures.csv` (the default layout of src/formats/csv/mappings/orders-signatures.ts):
 * per course with CSV documents its AMM order and necessity note (with their text), and per delivered
 * fraction its SGRT record and IGRT review; signer, role and signing time (with its offset) blank when
 * the document is not signed.
 */
export function ordersSignaturesCsv(clinic: SimClinic): ClinicFile {
  const rows: (string | number)[][] = [];
  for (const c of clinic.courses.filter((x) => x.documentSource === 'csv' && hasDocuments(x))) {
    const row = (
      kind: string,
      id: string,
      fraction: number | '',
      date: string,
      signedAt: number | null,
      system: string,
      text: string,
      modality = '',
    ) =>
      rows.push([
        c.patient.id,
        `${c.patient.family}, ${c.patient.given}`,
        c.courseId,
        kind,
        id,
        fraction,
        date,
        signedAt === null ? '' : c.physician.id,
        signedAt === null ? '' : 'physician',
        signedAt === null ? '' : formatInstant(signedAt, zone),
        '',
        system,
        modality,
        text,
      ]);
    if (c.order)
      row(
        'motion-management-order',
        c.order.id,
        '',
        '',
        c.order.signedAt,
        c.order.system ?? '',
        c.order.text,
      );
    if (c.necessity)
      row('necessity-note', c.necessity.id, '', '', c.necessity.signedAt, '', c.necessity.text);
    for (const f of c.fractions.filter((x) => x.delivered).sort((a, b) => a.number - b.number)) {
      if (f.sgrtRecord)
        row('sgrt-record', f.sgrtRecord.documentId, f.number, f.date, f.sgrtRecord.signedAt, 'AlignRT', '');
      if (f.igrtReview)
        row(
          'igrt-review',
          f.igrtReview.documentId,
          f.number,
          f.date,
          f.igrtReview.signedAt,
          '',
          '',
          f.igrtReview.modality,
        );
    }
  }
  return {
    path: 'documents/orders-signatures.csv',
    data: writeCsv([ORDERS_HEADER, ...rows], { quote: 'all' }),
  };
}

/** `documents/fhir/<courseId>.json`: the chart documents of the FHIR courses as a FHIR R4 collection Bundle. */
export function* fhirBundles(clinic: SimClinic): Generator<ClinicFile> {
  for (const c of clinic.courses.filter((x) => x.documentSource === 'fhir' && hasDocuments(x))) {
    yield { path: `documents/fhir/${c.courseId}.json`, data: writeFhirBundle(fhirInput(clinic, c)) };
  }
}

function fhirInput(clinic: SimClinic, c: SimCourse): FhirBundleInput {
  const at = (instant: number) => formatInstant(instant, zone);
  const doc = (code: string, text: string) => ({
    text,
    coding: [{ system: DOCUMENT_TYPE_SYSTEM, code, display: text }],
  });
  const signer = (signedAt: number | null) =>
    signedAt === null ? {} : { authenticatorId: c.physician.id, signedAt: at(signedAt) };
  const delivered = c.fractions.filter((x) => x.delivered).sort((a, b) => a.number - b.number);
  const input: FhirBundleInput = {
    type: 'collection',
    namespace: `sgrt-billing demo-data ${clinic.seed} ${c.courseId}`,
    patient: {
      id: c.patient.id,
      identifier: { system: PATIENT_ID_SYSTEM, value: c.patient.id },
      family: c.patient.family,
      given: c.patient.given,
      birthDate: c.patient.birthDate,
      gender: c.patient.sex === 'F' ? 'female' : 'male',
    },
    practitioners: [
      {
        id: c.physician.id,
        identifier: { system: STAFF_ID_SYSTEM, value: c.physician.id },
        family: c.physician.family,
        given: c.physician.given,
        physician: true,
      },
    ],
    serviceRequests: [],
    procedures: [],
    documentReferences: [],
  };
  if (c.order) {
    input.serviceRequests.push({
      id: c.order.id,
      status: c.order.signedAt === null ? 'draft' : 'active',
      code: {
        text: 'Active motion management (surface-guided, during delivery)',
        coding: [{ system: ORDER_CODE_SYSTEM, code: 'AMM-SGRT', display: 'Active motion management' }],
      },
      ...(c.order.signedAt === null ? {} : { authoredOn: at(c.order.signedAt) }),
      requesterId: c.physician.id,
      note: c.order.text,
    });
  }
  if (c.necessity) {
    input.documentReferences.push({
      id: c.necessity.id,
      type: doc('necessity-note', 'Medical necessity: motion management'),
      date: at((c.necessity.signedAt ?? clinic.options.now) - 15 * 60_000),
      authorId: c.physician.id,
      ...signer(c.necessity.signedAt),
      text: c.necessity.text,
      title: 'Medical necessity',
    });
  }
  for (const f of delivered) {
    const created = instantOf(lastOff(f), zone) + 60_000;
    input.procedures.push({
      id: `PROC-${f.id}`,
      code: {
        text: 'Radiation treatment delivery (fraction)',
        coding: [{ system: PROCEDURE_CODE_SYSTEM, code: 'RT-FRACTION' }],
      },
      performedStart: at(instantOf(firstOn(f), zone)),
      performedEnd: at(instantOf(lastOff(f), zone)),
      fractionNumber: f.number,
      ...(c.order ? { basedOnId: c.order.id } : {}),
    });
    if (f.sgrtRecord) {
      input.documentReferences.push({
        id: f.sgrtRecord.documentId,
        type: doc('sgrt-record', 'SGRT monitoring record'),
        date: at(created),
        ...signer(f.sgrtRecord.signedAt),
        text: `Fraction ${f.number}: AlignRT surface monitoring record.`,
        relatedProcedureId: `PROC-${f.id}`,
      });
    }
    if (f.igrtReview) {
      input.documentReferences.push({
        id: f.igrtReview.documentId,
        type: doc('igrt-review', 'IGRT review'),
        date: at(created),
        ...signer(f.igrtReview.signedAt),
        text: `Fraction ${f.number}: ${f.igrtReview.modality === 'CBCT' ? 'cone-beam CT' : 'kV images'} reviewed.`,
        relatedProcedureId: `PROC-${f.id}`,
      });
    }
  }
  return input;
}
