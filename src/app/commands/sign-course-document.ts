import { randomUUID } from 'node:crypto';
import { necessityProblem } from '../../core/audit/documentation-elements.js';
import { NECESSITY_MESSAGES } from '../../core/audit/rules/doc-002-medical-necessity.js';
import { type SignerCapacity, signatureCapacity } from '../../core/audit/signer-capacity.js';
import type { Course } from '../../core/model/course.js';
import { practiceCovers } from '../../storage/repositories/cover-store.js';
import type { Trx } from '../../storage/repositories/course-store.js';
import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import { conflict, forbidden, notFound } from '../app-errors.js';
import { auditAndSave } from '../persist/audit-and-save.js';
import { courseDocumentsView } from '../queries/course-documents.js';
import type { CourseDocumentsView } from '../views.js';

/** Course-level documents a physician signs in the app. */
export const COURSE_DOCUMENTS = ['motion-management-order', 'necessity'] as const;
export type CourseDocument = (typeof COURSE_DOCUMENTS)[number];

/**
 * `POST /api/courses/:id/documents/sign`: the physician signs the course's unsigned motion-management
 * order(s) (DOC-001, seed "Documentation Requirements": AMM ordered by the physician for each patient) or
 * attests its medical-necessity statement (DOC-002). The same signing rights as an SGRT record
 * (core/audit/signer-capacity.ts: the course's physician or a designated cover), the signature kept with
 * its capacity; the course is re-audited in the same transaction, so its holds clear or say what is
 * still missing.
 */
export async function signCourseDocument(
  ctx: AppContext,
  actor: Actor,
  courseId: string,
  document: CourseDocument,
): Promise<CourseDocumentsView> {
  return physicianAction(
    ctx,
    actor,
    courseId,
    `POST /api/courses/:id/documents/sign`,
    async (trx, locked) => {
      const { course } = locked;
      if (
        document === 'motion-management-order' &&
        !course.orders.some((o) => o.kind === 'motion-management')
      )
        throw conflict(
          'the chart has no motion-management order for this course: enter it in the chart (best practice: a section of the treatment plan) and import it',
        );
      if (document === 'necessity') {
        if (!course.necessity) throw conflict('the course has no necessity statement: write one');
        const problem = necessityProblem(course.necessity.text);
        if (problem)
          throw conflict(`${NECESSITY_MESSAGES[problem]} Write a patient-specific statement instead.`);
      }
      const keys =
        document === 'necessity'
          ? [course.necessity!.documentId]
          : course.orders.filter((o) => o.kind === 'motion-management').map((o) => o.id);
      const ids = await unsignedDocuments(trx, locked.id, document, keys);
      if (!ids.length) throw conflict(`nothing to sign for ${document}: already signed`);
      await insertSignatures(trx, actor, ids, locked);
      return { document, documents: ids.length };
    },
  );
}

/** The course locked for a physician's change, with the signer's capacity at the app's now. */
export interface LockedCourse {
  id: string;
  patientId: string;
  course: Course;
  capacity: Exclude<SignerCapacity, 'undesignated'>;
  signedAt: string;
}

/**
 * Runs a physician's change to a course in one transaction: checks the signing rights, runs `change`,
 * re-audits the course, then logs the action (identifiers only) and records it in the access log.
 */
export async function physicianAction(
  ctx: AppContext,
  actor: Actor,
  courseId: string,
  route: string,
  change: (trx: Trx, locked: LockedCourse) => Promise<Record<string, unknown>>,
): Promise<CourseDocumentsView> {
  if (actor.role !== 'physician' || !actor.physicianId) {
    throw forbidden('only a physician login with a physician id can sign');
  }
  const signedAt = new Date(ctx.now()).toISOString();
  const { patientId, detail } = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('courses')
      .select(['id', 'patient_id', 'document'])
      .where('id', '=', courseId)
      .where('practice_id', '=', actor.practiceId)
      .forUpdate()
      .executeTakeFirst();
    if (!row || !row.document) throw notFound('course');
    const course = row.document as Course;
    const capacity = signatureCapacity(
      course,
      { signerId: actor.physicianId!, role: 'physician', signedAt },
      await practiceCovers(trx, actor.practiceId),
    );
    if (capacity !== 'treating' && capacity !== 'covering')
      throw forbidden(
        "you may sign only for your own courses or as a covering physician the practice designated for this course's physician (an administrator designates covers in Settings)",
      );
    const detail = await change(trx, { id: row.id, patientId: row.patient_id, course, capacity, signedAt });
    await auditAndSave(ctx, trx, actor.practiceId, course);
    return { patientId: row.patient_id, detail };
  });
  ctx.log.info({ practiceId: actor.practiceId, userId: actor.userId, courseId, ...detail }, route);
  await recordAccess(ctx, actor, { action: 'change', patientIds: [patientId], route });
  return (await courseDocumentsView(ctx, actor, courseId)).documents;
}

/** The ids of the course's documents of `kind` with these keys that have no signature yet. */
async function unsignedDocuments(
  trx: Trx,
  courseId: string,
  kind: CourseDocument,
  keys: readonly string[],
): Promise<string[]> {
  if (!keys.length) return [];
  const rows = await trx
    .selectFrom('documents as d')
    .select('d.id')
    .where('d.course_id', '=', courseId)
    .where('d.kind', '=', kind)
    .where('d.document_key', 'in', [...keys])
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('signatures as s').select('s.id').whereRef('s.document_id', '=', 'd.id')),
      ),
    )
    .execute();
  return rows.map((r) => r.id);
}

/** App signatures (source 'app', with the login and capacity) on `documents` rows. */
export async function insertSignatures(
  trx: Trx,
  actor: Actor,
  documentIds: readonly string[],
  locked: Pick<LockedCourse, 'capacity' | 'signedAt'>,
): Promise<void> {
  for (const id of documentIds)
    await trx
      .insertInto('signatures')
      .values({
        practice_id: actor.practiceId,
        document_id: id,
        signer_id: actor.physicianId!,
        signer_role: 'physician',
        signer_capacity: locked.capacity,
        signed_at: locked.signedAt,
        source: 'app',
        user_id: actor.userId,
      })
      .execute();
}

/** A `documents` row for a document written in the app (the audit's save keeps its id). */
export async function insertCourseDocument(
  trx: Trx,
  practiceId: string,
  courseId: string,
  kind: CourseDocument,
  key: string,
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('documents')
    .values({
      id,
      practice_id: practiceId,
      course_id: courseId,
      fraction_id: null,
      kind,
      document_key: key,
      signed: true,
    })
    .execute();
  return id;
}
