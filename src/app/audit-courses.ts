import { type AuditContext, auditCourse, type CourseAudit } from '../core/audit/audit-course.js';
import { courseSchema } from '../core/model/course.js';
import { loadCourse } from '../core/model/course-times.js';
import type { InputProblem } from '../core/model/input-problem.js';
import { validateDocument } from '../formats/json/validate-document.js';
import { InputError } from './engine-context.js';
import { readInputFiles } from './input-files.js';

export interface AuditedFile {
  file: string;
  audit: CourseAudit;
}

export interface AuditRun {
  audited: AuditedFile[];
  /** Files that could not be read or validated (only with `skipInvalid`; otherwise they raise InputError). */
  invalid: InputProblem[];
}

/**
 * `sgrt-billing audit`: course documents → per-fraction statuses. By default any invalid document stops
 * the run before anything is audited (every problem listed); `skipInvalid` audits the valid ones and
 * reports the rest.
 */
export async function auditCourses(
  paths: readonly string[],
  ctx: AuditContext,
  { skipInvalid = false } = {},
): Promise<AuditRun> {
  const { files, problems } = await readInputFiles(paths);
  const parsed = files.map((f) => ({ file: f.name, result: validateDocument(f.text, f.name, courseSchema) }));
  problems.push(...parsed.flatMap((p) => (p.result.ok ? [] : p.result.problems)));
  const valid = parsed.flatMap((p) =>
    p.result.ok ? [{ file: p.file, course: loadCourse(p.result.value) }] : [],
  );
  if (problems.length > 0 && (!skipInvalid || valid.length === 0)) throw new InputError(problems);
  return {
    audited: valid.map(({ file, course }) => ({ file, audit: auditCourse(course, ctx) })),
    invalid: problems,
  };
}
