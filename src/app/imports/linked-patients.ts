import type { Trx } from '../../storage/repositories/course-store.js';
import { type RecordLinks, recordKey } from '../import/link-courses.js';

/** Patients looked up per statement (bound parameters stay well under PostgreSQL's limit). */
const BATCH = 1000;

/**
 * The patients to link together with `patients`, and the links the linker follows. A record a coder
 * linked to another patient's course (`unlinked_links`: a record whose MRN matched no course) ties the
 * two patients: re-linking either reads both, so that the course keeps the record and the record does
 * not show as unlinked under its own MRN. Followed until no link adds a patient.
 */
export async function linkedPatients(
  trx: Trx,
  practiceId: string,
  patients: readonly string[],
): Promise<{ patients: string[]; links: RecordLinks }> {
  const links = new Map<string, string>();
  const seen = new Set(patients);
  for (let frontier = [...patients]; frontier.length;) {
    const added: string[] = [];
    for (let i = 0; i < frontier.length; i += BATCH) {
      const part = frontier.slice(i, i + BATCH);
      const rows = await trx
        .selectFrom('unlinked_links')
        .select(['patient_key', 'source', 'kind', 'what', 'course_key', 'course_patient_key'])
        .where('practice_id', '=', practiceId)
        .where((eb) => eb.or([eb('patient_key', 'in', part), eb('course_patient_key', 'in', part)]))
        .execute();
      for (const r of rows) {
        links.set(recordKey({ patientId: r.patient_key, ...r }), r.course_key);
        for (const key of [r.patient_key, r.course_patient_key])
          if (!seen.has(key)) {
            seen.add(key);
            added.push(key);
          }
      }
    }
    frontier = added;
  }
  return { patients: [...seen], links };
}
