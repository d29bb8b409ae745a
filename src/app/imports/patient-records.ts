import type { Trx } from '../../storage/repositories/course-store.js';
import { copyRows } from '../../storage/copy-rows.js';
import { emptyRecords, type ExportRecords, mergeRecords } from '../import/export-records.js';
import { NO_PATIENT, recordsByPatient } from '../import/records-by-patient.js';

/** Slices read per statement: one statement returning a patient's whole history would be parsed in one go. */
const READ_BATCH = 200;

/** A stored file's records, kept split by patient (`import_records`), written with COPY (copy-rows.ts). */
export async function storePatientRecords(
  trx: Trx,
  practiceId: string,
  files: readonly { importId: string; content: ExportRecords }[],
): Promise<void> {
  const rows = files.flatMap(({ importId, content }) =>
    [...recordsByPatient(content)].map(([patientKey, part]) => ({
      practice_id: practiceId,
      patient_key: patientKey,
      import_id: importId,
      content: JSON.stringify(part),
    })),
  );
  await copyRows(trx, 'import_records', rows);
}

/**
 * Files imported before records were kept by patient: split now (once), and returned, so that their
 * patients are linked like a new file's (the unlinked records of each are then stored too).
 */
export async function splitEarlierImports(trx: Trx, practiceId: string): Promise<string[]> {
  const split: string[] = [];
  for (;;) {
    const rows = await trx
      .selectFrom('imports')
      .select(['id', 'content'])
      .where('practice_id', '=', practiceId)
      .where('by_patient', '=', false)
      .orderBy('id')
      .limit(25)
      .execute();
    if (!rows.length) return split;
    await storePatientRecords(
      trx,
      practiceId,
      rows.flatMap((r) => (r.content ? [{ importId: r.id, content: r.content as ExportRecords }] : [])),
    );
    const ids = rows.map((r) => r.id);
    // Kept once: in import_records from now on.
    await trx
      .updateTable('imports')
      .set({ by_patient: true, content: null })
      .where('id', 'in', ids)
      .execute();
    split.push(...ids);
  }
}

/** The patients (and `NO_PATIENT`) the given stored files name. */
export async function patientsOf(
  trx: Trx,
  practiceId: string,
  importIds: readonly string[],
): Promise<string[]> {
  if (!importIds.length) return [];
  const rows = await trx
    .selectFrom('import_records')
    .select('patient_key')
    .distinct()
    .where('practice_id', '=', practiceId)
    .where('import_id', 'in', importIds)
    .execute();
  return rows.map((r) => r.patient_key);
}

/** Every patient the practice's stored files name. */
export async function allPatients(trx: Trx, practiceId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('import_records')
    .select('patient_key')
    .distinct()
    .where('practice_id', '=', practiceId)
    .where('patient_key', '!=', NO_PATIENT)
    .execute();
  return rows.map((r) => r.patient_key);
}

/**
 * Everything imported about these patients, in import order (a later courses.json entry replaces an
 * earlier one), plus what the given files say that names no patient (those records link nowhere, and are
 * reported once: with their file). Nothing about any other patient is read.
 */
export async function loadPatientRecords(
  trx: Trx,
  practiceId: string,
  patients: readonly string[],
  importIds: readonly string[],
): Promise<ExportRecords> {
  const records = emptyRecords();
  const named = patients.filter((p) => p !== NO_PATIENT);
  for (let i = 0; i < named.length; i += READ_BATCH) {
    const rows = await trx
      .selectFrom('import_records')
      .select('content')
      .where('practice_id', '=', practiceId)
      .where('patient_key', 'in', named.slice(i, i + READ_BATCH))
      .orderBy('import_id')
      .execute();
    for (const row of rows) mergeRecords(records, row.content as ExportRecords);
  }
  if (patients.includes(NO_PATIENT) && importIds.length) {
    const rows = await trx
      .selectFrom('import_records')
      .select('content')
      .where('practice_id', '=', practiceId)
      .where('patient_key', '=', NO_PATIENT)
      .where('import_id', 'in', importIds)
      .orderBy('import_id')
      .execute();
    for (const row of rows) mergeRecords(records, row.content as ExportRecords);
  }
  return records;
}
