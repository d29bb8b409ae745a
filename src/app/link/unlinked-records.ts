import type { Trx } from '../../storage/repositories/course-store.js';
import { chunks } from '../../storage/repositories/insert-chunks.js';
import type { Unlinked } from './link-courses.js';
import { NO_PATIENT } from './records-by-patient.js';

/**
 * The records that matched no course, stored for the admin's list: those of each re-linked patient
 * replace that patient's earlier ones; those naming no patient come only from the files just imported
 * (each file is imported once), so they are added.
 */
export async function replaceUnlinked(
  trx: Trx,
  practiceId: string,
  patients: readonly string[],
  unlinked: readonly Unlinked[],
): Promise<void> {
  // In groups: one bound parameter per patient, and a statement binds at most 65,535 (PostgreSQL protocol).
  for (const named of chunks(patients.filter((p) => p !== NO_PATIENT)))
    await trx
      .deleteFrom('unlinked_records')
      .where('practice_id', '=', practiceId)
      .where('patient_key', 'in', named)
      .execute();
  const rows = unlinked.map((u) => ({
    practice_id: practiceId,
    patient_key: u.patientId ?? NO_PATIENT,
    source: u.source,
    kind: u.kind,
    what: u.what,
    reason: u.reason,
    record_date: u.date,
  }));
  for (const chunk of chunks(rows)) await trx.insertInto('unlinked_records').values(chunk).execute();
}
