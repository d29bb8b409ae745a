import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import { notFound } from '../app-errors.js';

/**
 * `POST /api/unlinked-records/:id/dismiss`: a coder judged a record that matched no course not to need a
 * course (a test patient, a record sent in error) and says why. The dismissal is stored by the record's
 * identity (patient, file and position, kind, description), not by the row, which each re-link of the
 * patient replaces: the record stays dismissed when a later import finds it unlinked again. Dismissing
 * again replaces the reason. Access-logged as a change to the patient's data.
 */
export async function dismissUnlinkedRecord(
  ctx: AppContext,
  actor: Actor,
  id: string,
  reason: string,
): Promise<void> {
  if (!/^\d{1,18}$/.test(id)) throw notFound('unlinked record');
  const row = await ctx.db
    .selectFrom('unlinked_records as u')
    .leftJoin('patients as p', (j) =>
      j.onRef('p.mrn', '=', 'u.patient_key').on('p.practice_id', '=', actor.practiceId),
    )
    .select(['u.patient_key', 'u.source', 'u.kind', 'u.what', 'p.id as patient_row'])
    .where('u.id', '=', id)
    .where('u.practice_id', '=', actor.practiceId)
    .executeTakeFirst();
  if (!row) throw notFound('unlinked record');
  const dismissal = { reason, dismissed_by: actor.userId, dismissed_at: new Date(ctx.now()) };
  await ctx.db
    .insertInto('unlinked_dismissals')
    .values({
      practice_id: actor.practiceId,
      patient_key: row.patient_key,
      source: row.source,
      kind: row.kind,
      what: row.what,
      ...dismissal,
    })
    .onConflict((oc) =>
      oc.columns(['practice_id', 'patient_key', 'source', 'kind', 'what']).doUpdateSet(dismissal),
    )
    .execute();
  await recordAccess(ctx, actor, {
    action: 'change',
    patientIds: row.patient_row ? [row.patient_row] : [],
    route: 'POST /api/unlinked-records/:id/dismiss',
  });
}
