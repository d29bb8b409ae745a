import type { Signature } from '../../core/model/course.js';
import type { Trx } from './course-store.js';

/**
 * Signatures made in the app for a course (by its chart course id), keyed `kind|document key`. They are
 * laid over the chart's on every re-audit, so a later import that still shows the record unsigned does
 * not undo a physician's sign-off.
 */
export async function appSignatures(
  trx: Trx,
  practiceId: string,
  courseKey: string,
): Promise<Map<string, Signature>> {
  const rows = await trx
    .selectFrom('signatures as s')
    .innerJoin('documents as d', 'd.id', 's.document_id')
    .innerJoin('courses as c', 'c.id', 'd.course_id')
    .select(['d.kind', 'd.document_key', 's.signer_id', 's.signer_role', 's.signed_at'])
    .where('c.practice_id', '=', practiceId)
    .where('c.course_key', '=', courseKey)
    .where('s.source', '=', 'app')
    .execute();
  return new Map(
    rows.map((r) => [
      `${r.kind}|${r.document_key}`,
      {
        signerId: r.signer_id,
        role: r.signer_role as Signature['role'],
        signedAt: new Date(r.signed_at).toISOString(),
      },
    ]),
  );
}
