import type { InputProblem } from '../../core/model/input-problem.js';
import type { Db } from '../../storage/database.js';
import type { ExportRecords } from '../read/export-records.js';

/**
 * A course list (courses.json) that gives a stored course id to another patient would move that course,
 * with its fractions, charges and claims, to the wrong chart: typically another site's or another
 * clinic's export numbered the same way. Such a file is refused, naming the course ids (never the
 * patients); a later list for the same patient replaces the course's header as before.
 */
export async function conflictingCourses(
  db: Db,
  practiceId: string,
  files: readonly { name: string; content: ExportRecords }[],
): Promise<Map<string, InputProblem[]>> {
  const found = new Map<string, InputProblem[]>();
  const keys = [...new Set(files.flatMap((f) => f.content.headers.map((h) => h.courseId)))];
  if (!keys.length) return found;
  const owner = new Map(
    (
      await db
        .selectFrom('courses as c')
        .innerJoin('patients as p', 'p.id', 'c.patient_id')
        .select(['c.course_key', 'p.mrn'])
        .where('c.practice_id', '=', practiceId)
        .where('c.course_key', 'in', keys)
        .execute()
    ).map((r) => [r.course_key, r.mrn]),
  );
  for (const f of files) {
    const problems = f.content.headers.flatMap((h, i): InputProblem[] => {
      const patient = owner.get(h.courseId);
      if (patient === undefined) {
        owner.set(h.courseId, h.patient.id); // the first list of a new course decides within a batch
        return [];
      }
      return patient === h.patient.id
        ? []
        : [
            {
              location: `${f.name}: [${i}].courseId`,
              message: `course ${h.courseId} belongs to another patient in this practice: nothing of this file was imported; give the course its own id or correct its patient`,
            },
          ];
    });
    if (problems.length) found.set(f.name, problems);
  }
  return found;
}
