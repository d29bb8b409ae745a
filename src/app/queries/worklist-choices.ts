import type { Actor, AppContext } from '../app-context.js';
import type { WorklistChoices } from '../views.js';

/**
 * `GET /api/worklists/choices`: the payers and physicians of the practice's courses, for the worklists'
 * filters (a choice, not free text that must match exactly). A payer is named as the worklist shows it
 * (payer name, else payer profile); a physician by the name the billing settings give, else the id.
 */
export async function worklistChoices(ctx: AppContext, actor: Actor): Promise<WorklistChoices> {
  const [payers, physicians, practice] = await Promise.all([
    ctx.db
      .selectFrom('courses')
      .where('practice_id', '=', actor.practiceId)
      .select((eb) => eb.fn.coalesce('payer_name', 'payer_profile').as('payer'))
      .distinct()
      .orderBy('payer')
      .execute(),
    ctx.db
      .selectFrom('courses')
      .where('practice_id', '=', actor.practiceId)
      .select('physician_id')
      .distinct()
      .orderBy('physician_id')
      .execute(),
    ctx.db.selectFrom('practices').select('billing').where('id', '=', actor.practiceId).executeTakeFirst(),
  ]);
  const named = physicianNames(practice?.billing);
  return {
    payers: payers.map((p) => p.payer),
    physicians: physicians.map(({ physician_id: id }) => ({ id, name: named.get(id) ?? id })),
  };
}

/** "Last, First" per physician id, from billing settings as stored (complete or not). */
export function physicianNames(billing: unknown): Map<string, string> {
  const physicians = (billing as { physicians?: unknown } | null)?.physicians;
  if (!physicians || typeof physicians !== 'object') return new Map();
  return new Map(
    Object.entries(physicians as Record<string, { lastName?: unknown; firstName?: unknown }>).flatMap(
      ([id, p]) =>
        typeof p?.lastName === 'string' && typeof p.firstName === 'string'
          ? [[id, `${p.lastName}, ${p.firstName}`] as const]
          : [],
    ),
  );
}
