import { type AuditContext, auditCourse, type CourseAudit } from '../../core/audit/audit-course.js';
import { type Course, courseSchema } from '../../core/model/course.js';
import { loadCourse } from '../../core/model/course-times.js';
import type { InputProblem } from '../../core/model/input-problem.js';
import { formatPath } from '../../formats/json/validate-document.js';
import { InputError } from '../engine-context.js';
import { linkCourses, type Unlinked } from '../link/link-courses.js';
import {
  type FileResult,
  listExportFiles,
  type ReadOptions,
  readExportFiles,
} from '../read/read-export-files.js';

export interface ImportRun {
  files: FileResult[];
  unlinked: Unlinked[];
  courses: { course: Course; audit: CourseAudit }[];
  /** Linked courses that do not make a valid course document (e.g. no treatment record at all). */
  invalidCourses: InputProblem[];
}

/**
 * `sgrt-billing import`: read every export under the paths (format by content), link the records into
 * the courses of `courses.json`, and audit them. Nothing is stored yet: the result is returned whole,
 * so an import is all or nothing by construction. Raises InputError when nothing could be imported.
 */
export async function importClinic(
  paths: readonly string[],
  ctx: AuditContext,
  options: ReadOptions = {},
): Promise<ImportRun> {
  const { files, missing } = await listExportFiles(paths);
  if (missing.length)
    throw new InputError(missing.map((m) => ({ location: m, message: 'no such file or folder' })));
  const { records, results } = await readExportFiles(files, options);
  if (records.headers.length === 0) {
    throw new InputError([
      ...results.flatMap((r) => r.problems),
      {
        location: paths.join(', '),
        message:
          'no courses.json (the courses to link the exports to: schema/course-headers.schema.json); nothing was imported',
      },
    ]);
  }
  const { courses, unlinked, notes } = linkCourses(records);
  // What linking noticed about a record (e.g. a beam part after a NORMAL end) shows with its file.
  for (const n of notes) {
    results
      .find((r) => r.file === n.source)
      ?.warnings.push({ location: n.source, message: `${n.what}: ${n.note}` });
  }
  const invalidCourses: InputProblem[] = [];
  const audited = courses.flatMap((linked) => {
    const parsed = courseSchema.safeParse(linked);
    if (!parsed.success) {
      invalidCourses.push(
        ...parsed.error.issues.map((i) => ({
          location: `course ${linked.courseId}:${formatPath(i.path)}`,
          message: `linked course is not valid: ${i.message}`,
        })),
      );
      return [];
    }
    const course = loadCourse(parsed.data);
    return [{ course, audit: auditCourse(course, ctx) }];
  });
  return { files: results, unlinked, courses: audited, invalidCourses };
}
