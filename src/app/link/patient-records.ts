import type { Trx } from '../../storage/repositories/course-store.js';
import { copyRows } from '../../storage/copy-rows.js';
import { yieldIfDue } from '../../storage/event-loop-turn.js';
import { emptyRecords, type ExportRecords, mergeRecords } from '../read/export-records.js';
import { NO_PATIENT, recordsByPatient } from './records-by-patient.js';

/**
 * Patients whose records are read per statement. PGlite parses a statement's result in this thread in
 * one go: 40 patients' slices held the event loop ~80 ms of CPU (bench/README.md, "import-loop-gaps").
 */
export const READ_PATIENTS = 4;

/**
 * JSON characters of records serialised and written at a time. Serialising a whole batch first, then
 * inserting it in 32 MiB statements, held the event loop for seconds on PGlite (one statement runs in
 * this thread, synchronously); a megabyte per COPY still held it 130 ms of CPU (PGlite growing its
 * in-memory files included): a quarter of that at a time, and the loop gets a turn between them
 * (`event-loop-turn.ts`). Measured in bench/README.md, "import-loop-gaps".
 */
export const STORE_SLICE_CHARS = 256 * 1024;

/** A stored file's records, kept split by patient (`import_records`), with COPY (copy-rows.ts) a slice at a time. */
export async function storePatientRecords(
  trx: Trx,
  practiceId: string,
  files: readonly { importId: string; content: ExportRecords }[],
): Promise<void> {
  type Row = { practice_id: string; patient_key: string; import_id: string; content: string };
  let rows: Row[] = [];
  let chars = 0;
  const write = async () => {
    await copyRows(trx, 'import_records', rows);
    rows = [];
    chars = 0;
  };
  for (const { importId, content } of files) {
    await yieldIfDue();
    for (const [patientKey, part] of recordsByPatient(content)) {
      const json = JSON.stringify(part);
      if (rows.length && chars + json.length > STORE_SLICE_CHARS) await write();
      rows.push({ practice_id: practiceId, patient_key: patientKey, import_id: importId, content: json });
      chars += json.length;
    }
  }
  if (rows.length) await write();
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
 * Everything imported about each group of patients (`linked-patients.ts`), in import order (a later
 * courses.json entry replaces an earlier one), with what the given files say that names no patient in the
 * group of `NO_PATIENT` (those records link nowhere unless a coder linked one, and are reported once:
 * with their file). Nothing about any other patient is read.
 */
export async function loadPatientRecords(
  trx: Trx,
  practiceId: string,
  groups: readonly (readonly string[])[],
  importIds: readonly string[],
): Promise<ExportRecords[]> {
  const out = groups.map(() => emptyRecords());
  const groupOf = new Map(groups.flatMap((g, i) => g.map((p) => [p, i] as const)));
  // Whole groups per statement (a group's records stay in import order), about READ_PATIENTS at a time.
  let batch: string[] = [];
  const read = async () => {
    const rows = await trx
      .selectFrom('import_records')
      .select(['patient_key', 'content'])
      .where('practice_id', '=', practiceId)
      .where('patient_key', 'in', batch)
      .orderBy('import_id')
      .execute();
    for (const row of rows) mergeRecords(out[groupOf.get(row.patient_key)!]!, row.content as ExportRecords);
    batch = [];
  };
  for (const group of groups) {
    batch.push(...group.filter((p) => p !== NO_PATIENT));
    if (batch.length >= READ_PATIENTS) await read();
  }
  if (batch.length) await read();
  const noPatient = groupOf.get(NO_PATIENT);
  if (noPatient !== undefined && importIds.length) {
    const rows = await trx
      .selectFrom('import_records')
      .select('content')
      .where('practice_id', '=', practiceId)
      .where('patient_key', '=', NO_PATIENT)
      .where('import_id', 'in', importIds)
      .orderBy('import_id')
      .execute();
    for (const row of rows) mergeRecords(out[noPatient]!, row.content as ExportRecords);
  }
  return out;
}
