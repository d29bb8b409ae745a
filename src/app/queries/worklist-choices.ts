import { type RawBuilder, sql } from 'kysely';
import type { Actor, AppContext } from '../app-context.js';
import type { WorklistChoices } from '../views.js';

/**
 * `GET /api/worklists/choices`: the payers and physicians of the practice's courses, for the worklists'
 * filters (a choice, not free text that must match exactly). A payer is named as the worklist shows it
 * (payer name, else payer profile); a physician by the name the billing settings give, else the id.
 */
export async function worklistChoices(ctx: AppContext, actor: Actor): Promise<WorklistChoices> {
  const [payers, physicians, practice] = await Promise.all([
    distinctValues(ctx, actor.practiceId, sql`coalesce(c.payer_name, c.payer_profile)`),
    distinctValues(ctx, actor.practiceId, sql`c.physician_id`),
    ctx.db.selectFrom('practices').select('billing').where('id', '=', actor.practiceId).executeTakeFirst(),
  ]);
  const named = physicianNames(practice?.billing);
  return {
    payers,
    physicians: physicians.map((id) => ({ id, name: named.get(id) ?? id })),
  };
}

/**
 * The distinct values of `value` (an expression over courses `c`, never null) among the practice's
 * courses, in order: a skip scan, one probe of the index on (practice_id, value) per distinct value
 * (migrations/0027-list-search-indexes.ts; PostgreSQL wiki "Loose indexscan": a recursive query whose
 * step is the least value greater than the last), instead of reading every course to find a few values.
 */
async function distinctValues(ctx: AppContext, practiceId: string, value: RawBuilder<string>) {
  const next = (after: RawBuilder<boolean>) =>
    sql`(select ${value} from courses c where c.practice_id = ${practiceId} and ${after}
      order by ${value} limit 1)`;
  const { rows } = await sql<{ v: string | null }>`with recursive d(v) as (
      select ${next(sql<boolean>`true`)}
      union all
      select ${next(sql<boolean>`${value} > d.v`)} from d where d.v is not null
    ) select v from d where v is not null`.execute(ctx.db);
  return rows.map((r) => r.v!);
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
