import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import { notFound } from '../app-errors.js';
import type { ChargeHistoryEntry, ChargeStatus } from '../views.js';

/** `GET /api/charges/:id/history`: every status a charge has had, oldest first, and who moved it. */
export async function chargeHistory(
  ctx: AppContext,
  actor: Actor,
  chargeId: string,
): Promise<ChargeHistoryEntry[]> {
  const charge = await ctx.db
    .selectFrom('charges as ch')
    .innerJoin('fractions as f', 'f.id', 'ch.fraction_id')
    .innerJoin('courses as c', 'c.id', 'f.course_id')
    .select('c.patient_id')
    .where('ch.id', '=', chargeId)
    .where('ch.practice_id', '=', actor.practiceId)
    .executeTakeFirst();
  if (!charge) throw notFound('charge');
  const rows = await ctx.db
    .selectFrom('charge_status_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor')
    .select(['h.status', 'h.reason', 'h.actor', 'u.display_name', 'h.at'])
    .where('h.charge_id', '=', chargeId)
    .orderBy('h.at')
    .orderBy('h.id')
    .execute();
  await recordAccess(ctx, actor, {
    action: 'read',
    patientIds: [charge.patient_id],
    route: 'GET /api/charges/:id/history',
  });
  return rows.map((r) => ({
    status: r.status as ChargeStatus,
    reason: r.reason,
    actor: r.display_name ?? r.actor,
    at: new Date(r.at).toISOString(),
  }));
}
