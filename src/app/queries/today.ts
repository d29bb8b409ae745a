import { sql } from 'kysely';
import { FIXERS, fixerOf, holdReason } from '../../core/rules/hold-fixers.js';
import { REMIT_QUEUES } from '../../core/remit/remit-category.js';
import { addDays } from '../../core/time/calendar-date.js';
import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import { claimPreview } from '../claims/claim-batches.js';
import { listImports } from '../upload/import-jobs.js';
import { listReleases } from '../reference/reference-settings.js';
import { practiceToday } from '../remit/remit-lines.js';
import { COUNT_CAP, countUpTo } from './capped-count.js';
import { dashboard } from './dashboard.js';
import { fractionSelection } from './fractions.js';
import { countSignaturesDue, signatureRows } from './signatures-due.js';
import { coveringToday } from './today-covering.js';
import { countUnlinkedRecords } from './unlinked-records.js';
import type { FractionQuery, RemitQuery, TodayHoldGroup, TodayItem, TodayView } from '../views.js';

/** Signatures listed by name on the physician's Today page. */
export const TODAY_SIGNATURES = 5;
/** The biller's appeal horizon: lines whose last day to appeal is within this many days. */
export const APPEAL_WITHIN_DAYS = 30;
/** The physician's own holds: no order (DOC-001), no patient-specific necessity statement (DOC-002). */
const PHYSICIAN_RULES = ['DOC-001', 'DOC-002'] as const;
const LABELS: Record<string, string> = {
  'DOC-001': 'Unsigned motion-management orders',
  'DOC-002': 'Missing or template necessity statements',
};

/** `GET /api/today`: the signed-in role's work for today, each count with the path of its list. */
export async function today(ctx: AppContext, actor: Actor): Promise<TodayView> {
  switch (actor.role) {
    case 'physician':
      return physicianToday(ctx, actor);
    case 'coder':
      return coderToday(ctx, actor);
    case 'biller':
      return { role: 'biller', items: await billerItems(ctx, actor), appealWithinDays: APPEAL_WITHIN_DAYS };
    case 'admin':
    case 'operator':
      return { role: 'admin', items: await adminItems(ctx, actor) };
    case 'viewer':
      return {
        role: 'viewer',
        items: [await fractionItem(ctx, actor, 'holds', 'Fractions on hold', { status: 'hold' })],
      };
  }
}

/**
 * Fractions matching the worklist's filters, counted as `GET /api/fractions` counts them: up to
 * COUNT_CAP, then "1,000+" (capped-count.ts), so Today never counts every fraction of a large practice.
 */
async function countFractions(
  ctx: AppContext,
  actor: Actor,
  q: FractionQuery,
): Promise<Pick<TodayItem, 'count' | 'capped'>> {
  const n = await countUpTo(ctx.db, fractionSelection(ctx, actor, q).select('f.id'), COUNT_CAP);
  return n > COUNT_CAP ? { count: COUNT_CAP, capped: true } : { count: n };
}

/** The web worklist's path for these filters (`/holds` for held fractions, else `/fractions`). */
export function worklistHref(q: FractionQuery): string {
  const params = new URLSearchParams();
  for (const key of ['status', 'ruleId', 'physicianId'] as const) {
    const v = q[key];
    if (v !== undefined && !(key === 'status' && v === 'hold')) params.set(key, v);
  }
  const s = params.toString();
  return `${q.status === 'hold' ? '/holds' : '/fractions'}${s ? `?${s}` : ''}`;
}

async function fractionItem(
  ctx: AppContext,
  actor: Actor,
  key: string,
  label: string,
  q: FractionQuery,
): Promise<TodayItem> {
  return { key, label, ...(await countFractions(ctx, actor, q)), href: worklistHref(q) };
}

async function physicianToday(ctx: AppContext, actor: Actor): Promise<TodayView> {
  const physicianId = actor.physicianId ?? undefined;
  const [top, due, reviews, covered] = await Promise.all([
    signatureRows(ctx, actor, { limit: TODAY_SIGNATURES }),
    countSignaturesDue(ctx, actor, {}),
    countSignaturesDue(ctx, actor, { document: 'igrt-review' }),
    coveringToday(ctx, actor),
  ]);
  await recordAccess(ctx, actor, {
    action: 'read',
    patientIds: [...new Set([...top.map((d) => d.patientId), ...covered.patientIds])],
    route: 'GET /api/today',
  });
  const holds = await Promise.all(
    PHYSICIAN_RULES.map((ruleId) =>
      fractionItem(ctx, actor, ruleId, LABELS[ruleId]!, { status: 'hold', ruleId, physicianId }),
    ),
  );
  return {
    role: 'physician',
    items: [
      { key: 'signatures', label: 'Signatures due', count: due, href: '/signatures' },
      ...holds,
      {
        key: 'image-reviews',
        label: 'Image reviews due',
        count: reviews,
        href: '/signatures?document=igrt-review',
      },
    ],
    signatures: top.map((d) => ({
      fractionId: d.fractionId,
      courseId: d.courseId,
      courseKey: d.courseKey,
      patientName: d.patientName,
      fractionNumber: d.fractionNumber,
      documents: d.documents,
      nextBeamOn: d.nextBeamOn,
      deadline: d.deadline,
      overdue: d.overdue,
    })),
    covering: covered.covering,
  };
}

/**
 * Held fractions per rule of their non-informational findings: the worklist's `ruleId` filter, grouped.
 * Counted from the rule ids kept on the fraction row (migrations/0020-worklist-columns.ts), not by
 * joining the findings (3 s per statement at a million fractions, bench/README.md).
 */
async function holdsByRule(ctx: AppContext, actor: Actor): Promise<{ ruleId: string; n: number }[]> {
  const rows = await sql<{ rule_id: string; n: string }>`select r.rule_id, count(*) as n
    from fractions f cross join lateral unnest(f.rule_ids) as r(rule_id)
    where f.practice_id = ${actor.practiceId} and f.status = 'hold'
    group by r.rule_id order by r.rule_id`.execute(ctx.db);
  return rows.rows.map((r) => ({ ruleId: r.rule_id, n: Number(r.n) }));
}

/** Held fractions with a finding of any of these rules (index fractions_held_rule_ids, migration 0026). */
async function heldFor(ctx: AppContext, actor: Actor, ruleIds: string[]): Promise<number> {
  const r = await ctx.db
    .selectFrom('fractions as f')
    .where('f.practice_id', '=', actor.practiceId)
    .where('f.status', '=', 'hold')
    .where(sql<boolean>`f.rule_ids && ${sql.val(ruleIds)}::text[]`)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function coderToday(ctx: AppContext, actor: Actor): Promise<TodayView> {
  const [byRule, downgrades, ready, dash] = await Promise.all([
    holdsByRule(ctx, actor),
    fractionItem(ctx, actor, 'downgrades', 'Downgrades to confirm', { status: 'downgrade' }),
    fractionItem(ctx, actor, 'ready', 'Fractions ready to release', { status: 'ready' }),
    dashboard(ctx, actor, {}),
  ]);
  const holds: TodayHoldGroup[] = [];
  for (const fixer of FIXERS) {
    const rules = byRule.filter((r) => fixerOf(r.ruleId) === fixer);
    if (!rules.length) continue;
    holds.push({
      fixer,
      fractions: await heldFor(
        ctx,
        actor,
        rules.map((r) => r.ruleId),
      ),
      rules: rules.map((r) => ({
        key: r.ruleId,
        label: r.ruleId,
        count: r.n,
        href: worklistHref({ status: 'hold', ruleId: r.ruleId }),
        reason: holdReason(r.ruleId),
      })),
    });
  }
  return {
    role: 'coder',
    items: [downgrades, ready],
    holds,
    share77412: {
      share: dash.share77412,
      min: dash.expected77412.min,
      max: dash.expected77412.max,
      of: 'delivery sessions (77402, 77407, 77412 lines not voided)',
      from: dash.period.from,
      to: dash.period.to,
    },
  };
}

/** The web Remittances page's path for these filters. */
export function remitHref(q: RemitQuery): string {
  const params = new URLSearchParams();
  if (q.matched === false) params.set('category', 'unmatched');
  for (const key of ['category', 'queue', 'appealFrom', 'appealTo'] as const) {
    const v = q[key];
    if (v !== undefined) params.set(key, v);
  }
  return `/denials?${params.toString()}`;
}

/**
 * The biller's remittance items in one grouped query: per work queue its lines and those whose last day
 * to appeal falls within the horizon, and the unmatched and unprocessable lines of all queues.
 */
async function billerItems(ctx: AppContext, actor: Actor): Promise<TodayItem[]> {
  const day = await practiceToday(ctx, actor.practiceId);
  const appealTo = addDays(day, APPEAL_WITHIN_DAYS);
  const [rows, preview] = await Promise.all([
    ctx.db
      .selectFrom('remit_lines as r')
      .where('r.practice_id', '=', actor.practiceId)
      .select([
        'r.queue',
        sql<string>`count(*)`.as('lines'),
        sql<string>`count(*) filter (where r.appeal_by between ${day} and ${appealTo})`.as('due'),
        sql<string>`count(*) filter (where r.charge_id is null)`.as('unmatched'),
        sql<string>`count(*) filter (where r.category = 'missing-information')`.as('rejected'),
      ])
      .groupBy('r.queue')
      .execute(),
    claimPreview(ctx, actor),
  ]);
  const total = (column: 'unmatched' | 'rejected') => rows.reduce((n, r) => n + Number(r[column]), 0);
  const item = (key: string, label: string, count: number, q: RemitQuery): TodayItem => ({
    key,
    label,
    count,
    href: remitHref(q),
  });
  const queues = REMIT_QUEUES.flatMap((queue) => {
    const r = rows.find((row) => row.queue === queue);
    return [
      item(`queue:${queue}`, queue, Number(r?.lines ?? 0), { queue }),
      item(`due:${queue}`, queue, Number(r?.due ?? 0), { queue, appealFrom: day, appealTo }),
    ];
  });
  return [
    ...queues.filter((q) => q.count > 0),
    item('unmatched', 'Unmatched remittance lines', total('unmatched'), { matched: false }),
    {
      key: 'ready-to-send',
      label: 'Claims ready to send',
      count: preview.rows.reduce((n, r) => n + r.claims, 0),
      href: '/claims',
    },
    item('rejected', 'Claims returned unprocessable', total('rejected'), { category: 'missing-information' }),
  ];
}

async function adminItems(ctx: AppContext, actor: Actor): Promise<TodayItem[]> {
  const [jobs, releases, unlinked] = await Promise.all([
    listImports(ctx, actor),
    listReleases(ctx),
    countUnlinkedRecords(ctx, actor.practiceId),
  ]);
  const problems = jobs.filter(
    (j) => j.status === 'failed' || j.files.some((f) => f.status === 'failed' || f.problems.length > 0),
  );
  return [
    { key: 'import-problems', label: 'Imports with problems', count: problems.length, href: '/imports' },
    {
      key: 'unlinked',
      label: 'Unlinked records',
      count: unlinked,
      href: '/unlinked',
    },
    {
      key: 'releases',
      label: 'Reference data releases in force',
      count: releases.filter((r) => r.inForce).length,
      href: '/rates',
    },
  ];
}
