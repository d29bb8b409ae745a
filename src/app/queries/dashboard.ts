import { sql } from 'kysely';
import type { FractionStatus } from '../../core/audit/outcome.js';
import { DELIVERY_CODES } from '../../core/model/billing-line.js';
import { RULE_CATALOGUE } from '../../core/rules/catalogue.js';
import { addDays } from '../../core/time/calendar-date.js';
import type { Actor, AppContext } from '../app-context.js';
import { moneyTotal } from './money-total.js';
import type { DashboardView } from '../views.js';

/** The expected share of 77412 among delivery sessions (domain.md §2: "77407 the workhorse (>50% of fractions), 77412 ~30–35%"). */
export const EXPECTED_77412 = { min: 0.3, max: 0.35 } as const;
const DEFAULT_DAYS = 30;
const TOP_REASONS = 8;
const TITLES = new Map(RULE_CATALOGUE.map((r) => [r.id, r.title]));

/** `GET /api/dashboard`: the period's fractions, code mix, holds and their reasons (no patient rows). */
export async function dashboard(
  ctx: AppContext,
  actor: Actor,
  period: { from?: string | undefined; to?: string | undefined },
): Promise<DashboardView> {
  const db = ctx.db;
  const practice = actor.practiceId;
  const last = await db
    .selectFrom('fractions')
    .select((eb) => eb.fn.max('date_of_service').as('d'))
    .where('practice_id', '=', practice)
    .executeTakeFirst();
  const to = period.to ?? last?.d ?? new Date(ctx.now()).toISOString().slice(0, 10);
  const from = period.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  // Counts per day from the rollups the database keeps with every write (migration 0014-dashboard-rollup).
  const chargeDays = db
    .selectFrom('charge_days')
    .where('practice_id', '=', practice)
    .where('date_of_service', '>=', from)
    .where('date_of_service', '<=', to);
  const [daily, codes, reasons, risk] = await Promise.all([
    db
      .selectFrom('fraction_days')
      .select(['date_of_service as date', 'status', 'fractions as n'])
      .where('practice_id', '=', practice)
      .where('date_of_service', '>=', from)
      .where('date_of_service', '<=', to)
      .where('fractions', '>', 0)
      .orderBy('date_of_service')
      .execute(),
    chargeDays
      .select(['code', sql<string>`sum(charges)`.as('n')])
      .groupBy('code')
      .having(sql<boolean>`sum(charges) > 0`)
      .orderBy('code')
      .execute(),
    // The rules that hold each fraction (FractionAudit.reasons), not every warning it carries; a fraction
    // held for two rules counts under each, with its charges' amounts.
    db
      .selectFrom('hold_reason_days')
      .where('practice_id', '=', practice)
      .where('date_of_service', '>=', from)
      .where('date_of_service', '<=', to)
      .select([
        'rule_id',
        sql<string>`sum(fractions)`.as('fractions'),
        sql<string>`sum(cents)`.as('cents'),
        sql<string>`sum(without_rate)`.as('without_rate'),
      ])
      .groupBy('rule_id')
      .having(sql<boolean>`sum(fractions) > 0`)
      .orderBy(sql`sum(fractions)`, 'desc')
      .orderBy('rule_id')
      .limit(TOP_REASONS)
      .execute(),
    chargeDays
      .where('fraction_status', '=', 'hold')
      .select([
        sql<string>`coalesce(sum(cents), 0)`.as('cents'),
        sql<string>`coalesce(sum(without_rate), 0)`.as('without_rate'),
      ])
      .executeTakeFirstOrThrow(),
  ]);

  const byStatus: Record<FractionStatus, number> = { ready: 0, downgrade: 0, hold: 0 };
  const days = new Map<string, DashboardView['daily'][number]>();
  for (const r of daily) {
    const n = Number(r.n);
    const status = r.status as FractionStatus;
    byStatus[status] += n;
    const day = days.get(r.date) ?? { date: r.date, ready: 0, downgrade: 0, hold: 0 };
    day[status] += n;
    days.set(r.date, day);
  }
  const codeTotal = codes.reduce((n, c) => n + Number(c.n), 0);
  const delivery = codes.filter((c) => (DELIVERY_CODES as readonly string[]).includes(c.code));
  const deliveryTotal = delivery.reduce((n, c) => n + Number(c.n), 0);
  const count77412 = Number(delivery.find((c) => c.code === '77412')?.n ?? 0);
  return {
    period: { from, to },
    fractions: byStatus.ready + byStatus.downgrade + byStatus.hold,
    byStatus,
    codeMix: codes.map((c) => ({
      code: c.code,
      count: Number(c.n),
      share: codeTotal ? Number(c.n) / codeTotal : 0,
    })),
    share77412: deliveryTotal ? count77412 / deliveryTotal : 0,
    expected77412: EXPECTED_77412,
    holds: { count: byStatus.hold, atRisk: moneyTotal(risk.cents, risk.without_rate) },
    topHoldReasons: reasons.map((r) => ({
      ruleId: r.rule_id,
      title: TITLES.get(r.rule_id) ?? r.rule_id,
      fractions: Number(r.fractions),
      atRisk: moneyTotal(r.cents, r.without_rate),
    })),
    daily: [...days.values()],
  };
}
