import type { Trx } from '../../storage/repositories/course-store.js';
import { type RecordLinks, recordKey } from './link-courses.js';

/** Patients looked up per statement (bound parameters stay well under PostgreSQL's limit). */
const BATCH = 1000;

/**
 * The patients to link together with `patients`, and the links the linker follows. A record a coder
 * linked to another patient's course (`unlinked_links`: a record whose MRN matched no course) ties the
 * two patients: re-linking either reads both, so that the course keeps the record and the record does
 * not show as unlinked under its own MRN. Followed until no link adds a patient. `groups` are the
 * patients that links tie together (each patient alone when no link ties it): each group is linked on
 * its own (courses belong to one patient; a link is the only thing that crosses patients).
 */
export async function linkedPatients(
  trx: Trx,
  practiceId: string,
  patients: readonly string[],
): Promise<{ patients: string[]; groups: string[][]; links: RecordLinks }> {
  const links = new Map<string, string>();
  const seen = new Set(patients);
  // Union-find over the patients: a link joins its record's patient and its course's patient.
  const parent = new Map<string, string>();
  const root = (key: string): string => {
    let r = key;
    while (parent.has(r)) r = parent.get(r)!;
    if (r !== key) parent.set(key, r);
    return r;
  };
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
        const [a, b] = [root(r.patient_key), root(r.course_patient_key)];
        if (a !== b) parent.set(a, b);
        for (const key of [r.patient_key, r.course_patient_key])
          if (!seen.has(key)) {
            seen.add(key);
            added.push(key);
          }
      }
    }
    frontier = added;
  }
  const groups = new Map<string, string[]>();
  for (const key of seen) groups.set(root(key), [...(groups.get(root(key)) ?? []), key]);
  return { patients: [...seen], groups: [...groups.values()], links };
}
