import { sql } from 'kysely';
import { REMIT_CATEGORIES } from '../../core/remit/remit-category.js';
import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import type { Page, RemitLineView, RemitQuery, RemitSummaryView } from '../views.js';

const split = (v: string) => (v ? v.split(',') : []);
const DENIALS = new Set([
  'igrt-professional-denied',
  'zero-paid-no-denial-code',
  'authorization-2025',
  'other-denial',
]);

/** `GET /api/remittances/lines`: the practice's remittance lines by category (problems first, newest first). */
export async function listRemitLines(
  ctx: AppContext,
  actor: Actor,
  q: RemitQuery,
): Promise<Page<RemitLineView>> {
  const base = ctx.db
    .selectFrom('remit_lines as r')
    .leftJoin('patients as p', 'p.id', 'r.patient_id')
    .where('r.practice_id', '=', actor.practiceId)
    .$if(q.category !== undefined, (s) => s.where('r.category', '=', q.category!))
    .$if(q.payer !== undefined, (s) => s.where('r.payer', '=', q.payer!))
    .$if(q.matched === true, (s) => s.where('r.charge_id', 'is not', null))
    .$if(q.matched === false, (s) => s.where('r.charge_id', 'is', null));
  const [rows, total] = await Promise.all([
    base
      .selectAll('r')
      .select(['p.name as patient_name', 'p.mrn'])
      .orderBy(sql`case when r.category = 'paid-as-expected' then 1 else 0 end`)
      .orderBy('r.payment_date', 'desc')
      .orderBy('r.claim_pcn')
      .orderBy('r.line_no')
      .limit(Math.min(Math.max(q.limit ?? 50, 1), 500))
      .offset(Math.max(q.offset ?? 0, 0))
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items = rows.map((r): RemitLineView => ({
    id: r.id,
    payer: r.payer,
    paymentDate: r.payment_date,
    traceNumber: r.trace_number,
    claim: r.claim_pcn,
    line: r.line_no,
    dateOfService: r.date_of_service,
    code: r.code,
    modifiers: split(r.modifiers),
    submittedCode: r.submitted_code,
    billedCents: Number(r.billed_cents),
    paidCents: Number(r.paid_cents),
    allowedCents: Number(r.allowed_cents),
    expectedCents: r.expected_cents === null ? null : Number(r.expected_cents),
    category: r.category,
    ruleId: r.rule_id,
    carcs: split(r.carcs),
    remarks: split(r.remarks),
    flags: split(r.flags),
    message: r.message,
    nextAction: r.next_action,
    appealBy: r.appeal_by,
    chargeId: r.charge_id,
    courseId: r.course_id,
    patientId: r.patient_id,
    patientName: r.patient_name ?? null,
    mrn: r.mrn ?? null,
  }));
  await recordAccess(ctx, actor, {
    action: 'read',
    patientIds: items.flatMap((i) => (i.patientId ? [i.patientId] : [])),
    route: 'GET /api/remittances/lines',
  });
  return { items, total: Number(total.n) };
}

/**
 * `GET /api/remittances/summary`: lines and dollars per category, a scorecard per payer, and the same
 * scorecard per week of payment (the trend of issue #5's payer scorecards).
 */
export async function remitSummary(ctx: AppContext, actor: Actor): Promise<RemitSummaryView> {
  const rows = await ctx.db
    .selectFrom('remit_lines')
    .select([
      'payer',
      'category',
      // The Monday of the payment's week (ISO weeks start on Monday), `YYYY-MM-DD`.
      sql<string | null>`cast(cast(date_trunc('week', payment_date) as date) as text)`.as('week'),
      sql<string>`count(*)`.as('lines'),
      sql<string>`coalesce(sum(billed_cents), 0)`.as('billed'),
      sql<string>`coalesce(sum(paid_cents), 0)`.as('paid'),
      sql<string>`coalesce(sum(expected_cents), 0)`.as('expected'),
      sql<string>`coalesce(sum(greatest(coalesce(expected_cents, 0) - allowed_cents, 0)), 0)`.as('short'),
      sql<string>`count(*) filter (where charge_id is null)`.as('unmatched'),
    ])
    .where('practice_id', '=', actor.practiceId)
    .groupBy(['payer', 'category', sql`date_trunc('week', payment_date)`])
    .execute();
  const n = (v: string) => Number(v);
  const byCategory = REMIT_CATEGORIES.map((category) => {
    const of = rows.filter((r) => r.category === category);
    return {
      category,
      lines: of.reduce((s, r) => s + n(r.lines), 0),
      billedCents: of.reduce((s, r) => s + n(r.billed), 0),
      paidCents: of.reduce((s, r) => s + n(r.paid), 0),
      shortCents: of.reduce((s, r) => s + n(r.short), 0),
    };
  });
  const payerOf = (r: Row) => r.payer ?? 'unknown payer';
  const payers = [...new Set(rows.map(payerOf))]
    .sort()
    .map((payer) => ({ payer, ...scorecard(rows.filter((r) => payerOf(r) === payer)) }));
  const weeks = [...new Set(rows.flatMap((r) => (r.week ? [r.week] : [])))].sort();
  const trends = weeks.map((week) => ({
    week,
    ...scorecard(rows.filter((r) => r.week === week)),
    payers: [...new Set(rows.filter((r) => r.week === week).map(payerOf))].sort().map((payer) => ({
      payer,
      ...scorecard(rows.filter((r) => r.week === week && payerOf(r) === payer)),
    })),
  }));
  return { byCategory, payers, trends, unmatched: rows.reduce((s, r) => s + n(r.unmatched), 0) };
}

interface Row {
  payer: string | null;
  category: string;
  lines: string;
  paid: string;
  expected: string;
  short: string;
}

/** Denial and downcode rates, underpayment and dollars of a set of summary rows (one payer, one week). */
function scorecard(of: readonly Row[]): Omit<RemitSummaryView['payers'][number], 'payer'> {
  const n = (v: string) => Number(v);
  const lines = of.reduce((s, r) => s + n(r.lines), 0);
  const count = (pred: (c: string) => boolean) =>
    of.filter((r) => pred(r.category)).reduce((s, r) => s + n(r.lines), 0);
  return {
    lines,
    denialRate: lines ? count((c) => DENIALS.has(c)) / lines : 0,
    downcodeRate: lines ? count((c) => c === 'downcoded') / lines : 0,
    underpaidCents: of.filter((r) => r.category === 'underpaid').reduce((s, r) => s + n(r.short), 0),
    paidCents: of.reduce((s, r) => s + n(r.paid), 0),
    expectedCents: of.reduce((s, r) => s + n(r.expected), 0),
  };
}
