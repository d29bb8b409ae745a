import type { FractionAudit } from '../../core/audit/audit-course.js';
import type { FractionStatus } from '../../core/audit/outcome.js';
import { signatureCapacity } from '../../core/audit/signer-capacity.js';
import type { Course } from '../../core/model/course.js';
import { practiceCovers } from '../../storage/repositories/cover-store.js';
import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import { AppError, forbidden, notFound } from '../app-errors.js';
import { auditAndSave } from '../persist/audit-and-save.js';
import { fractionDetails } from '../queries/fraction-details.js';
import type { SignableDocument } from '../queries/signatures-due.js';
import type { FractionDetail } from '../views.js';

/**
 * `POST /api/fractions/:id/sign`: a physician signs a fraction's SGRT record and/or IGRT review in the
 * app. The signature time is the app's now (an instant) and the signer is the login's physician id, who
 * must be the course's physician or a covering physician the practice designated for it on the facility
 * date of signing (core/audit/signer-capacity.ts: seed "signed by the physician"; CMS reciprocal billing);
 * the signature keeps that capacity. The course is re-audited at once in the same transaction, so the
 * charge leaves hold (or is downgraded if the signature came after the next beam-on) and its history
 * records the move.
 */
export async function signFraction(
  ctx: AppContext,
  actor: Actor,
  fractionId: string,
  documents: readonly SignableDocument[],
): Promise<FractionDetail> {
  if (actor.role !== 'physician' || !actor.physicianId) {
    throw forbidden('only a physician login with a physician id can sign');
  }
  if (!documents.length) throw new AppError('invalid_input', 'name the documents to sign');
  const signedAt = new Date(ctx.now()).toISOString();
  const { patientId, capacity } = await ctx.db.transaction().execute(async (trx) => {
    const fraction = await trx
      .selectFrom('fractions as f')
      .innerJoin('courses as c', 'c.id', 'f.course_id')
      .select(['f.id', 'c.patient_id', 'c.document'])
      .where('f.id', '=', fractionId)
      .where('f.practice_id', '=', actor.practiceId)
      .forUpdate()
      .executeTakeFirst();
    if (!fraction) throw notFound('fraction');
    const course = fraction.document as Course;
    const signature = { signerId: actor.physicianId!, role: 'physician' as const, signedAt };
    const capacity = signatureCapacity(course, signature, await practiceCovers(trx, actor.practiceId));
    if (capacity === 'undesignated')
      throw forbidden(
        "you may sign only for your own courses or as a covering physician the practice designated for this course's physician (an administrator designates covers in Settings)",
      );
    const docs = await trx
      .selectFrom('documents as d')
      .select(['d.id', 'd.kind'])
      .where('d.fraction_id', '=', fractionId)
      .where('d.kind', 'in', [...documents])
      .where((eb) =>
        eb.not(
          eb.exists(eb.selectFrom('signatures as s').select('s.id').whereRef('s.document_id', '=', 'd.id')),
        ),
      )
      .execute();
    const missing = documents.filter((k) => !docs.some((d) => d.kind === k));
    if (missing.length)
      throw new AppError('conflict', `nothing to sign for ${missing.join(', ')}: absent or already signed`);
    for (const d of docs) {
      await trx
        .insertInto('signatures')
        .values({
          practice_id: actor.practiceId,
          document_id: d.id,
          signer_id: actor.physicianId!,
          signer_role: 'physician',
          signer_capacity: capacity,
          signed_at: signedAt,
          source: 'app',
          user_id: actor.userId,
        })
        .execute();
    }
    await auditAndSave(ctx, trx, actor.practiceId, course);
    return { patientId: fraction.patient_id, capacity };
  });
  ctx.log.info(
    { practiceId: actor.practiceId, userId: actor.userId, fractionId, documents, capacity },
    'signed in the app',
  );
  await recordAccess(ctx, actor, {
    action: 'change',
    patientIds: [patientId],
    route: 'POST /api/fractions/:id/sign',
  });
  const stored = await ctx.db
    .selectFrom('fractions as f')
    .innerJoin('courses as c', 'c.id', 'f.course_id')
    .select(['f.id', 'f.fraction_key', 'f.status', 'f.audit', 'c.document'])
    .where('f.id', '=', fractionId)
    .executeTakeFirstOrThrow();
  const [detail] = await fractionDetails(ctx, actor, stored.document as Course, [
    {
      id: stored.id,
      key: stored.fraction_key,
      status: stored.status as FractionStatus,
      audit: stored.audit as FractionAudit,
    },
  ]);
  return detail!;
}
