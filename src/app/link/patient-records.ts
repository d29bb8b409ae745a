import type { Trx } from '../../storage/repositories/course-store.js';
import { copyRows } from '../../storage/copy-rows.js';
import { yieldIfDue } from '../../storage/event-loop-turn.js';
import { emptyRecords, type ExportRecords, mergeRecords } from '../read/export-records.js';
import { NO_PATIENT, recordsByPatient } from './records-by-patient.js';

/** Slices read per statement: one statement returning a patient's whole history would be parsed in one go. */
const READ_BATCH = 200;

/**
 * JSON characters of records serialised and written at a time. Serialising a whole batch first, then
 * inserting it in 32 MiB statements, held the event loop for seconds on PGlite (one statement runs in
 * this thread, synchronously): a megabyte at a time is a few tens of milliseconds each, and the loop
 * gets a turn between them (`event-loop-turn.ts`). Measured in bench/README.md, "import-responsiveness".
 */
const STORE_SLICE_CHARS = 1024 * 1024;

/** A stored file's records, kept split by patient (`import_records`), with COPY (copy-rows.ts) a megabyte at a time. */
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
      rows.push({ practice_id: practiceId, patient_key: patientKey, import_id: importId, content: json });
      chars += json.length;
    }
    if (chars >= STORE_SLICE_CHARS) await write();
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
  // Patients in group order: a group's records are read in as few statements as may be.
  const groupOf = new Map(groups.flatMap((g, i) => g.map((p) => [p, i] as const)));
  const named = [...groupOf.keys()].filter((p) => p !== NO_PATIENT);
  for (let i = 0; i < named.length; i += READ_BATCH) {
    const rows = await trx
      .selectFrom('import_records')
      .select(['patient_key', 'content'])
      .where('practice_id', '=', practiceId)
      .where('patient_key', 'in', named.slice(i, i + READ_BATCH))
      .orderBy('import_id')
      .execute();
    for (const row of rows) mergeRecords(out[groupOf.get(row.patient_key)!]!, row.content as ExportRecords);
  }
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
