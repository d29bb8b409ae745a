import { randomUUID } from 'node:crypto';
import { necessityProblem } from '../../core/audit/documentation-elements.js';
import { NECESSITY_MESSAGES } from '../../core/audit/rules/doc-002-medical-necessity.js';
import type { Actor, AppContext } from '../app-context.js';
import { AppError } from '../app-errors.js';
import type { CourseDocumentsView } from '../views.js';
import { insertCourseDocument, insertSignatures, physicianAction } from './sign-course-document.js';

/**
 * `POST /api/courses/:id/necessity`: the physician writes the patient-specific medical-necessity
 * statement (seed "Documentation Requirements": a paragraph tailored to each patient; ASTRO: "DIBH" alone
 * is insufficient) and signs it in one step. The text is kept in `written_documents` and read by every
 * later audit in place of the chart's statement (app/persist/app-documents.ts); a statement DOC-002 would
 * still hold (missing, DIBH only, template placeholders, no patient facts) is refused with DOC-002's
 * message. The course is re-audited in the same transaction.
 */
export async function writeNecessity(
  ctx: AppContext,
  actor: Actor,
  courseId: string,
  text: string,
): Promise<CourseDocumentsView> {
  const statement = text.trim();
  const problem = necessityProblem(statement);
  if (problem) throw new AppError('invalid_input', NECESSITY_MESSAGES[problem]);
  return physicianAction(ctx, actor, courseId, 'POST /api/courses/:id/necessity', async (trx, locked) => {
    const id = `necessity-app-${randomUUID()}`;
    await trx
      .insertInto('written_documents')
      .values({
        id,
        practice_id: actor.practiceId,
        course_key: locked.course.courseId,
        kind: 'necessity',
        text: statement,
        written_by: actor.userId,
        written_at: locked.signedAt,
      })
      .execute();
    const documentId = await insertCourseDocument(trx, actor.practiceId, locked.id, 'necessity', id);
    await insertSignatures(trx, actor, [documentId], locked);
    return { document: 'necessity', written: id };
  });
}
