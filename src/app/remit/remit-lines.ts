import { sql } from 'kysely';
import { clinicSchema } from '../../core/model/clinic.js';
import {
  REMIT_CATEGORIES,
  REMIT_QUEUES,
  type RemitCategory,
  type RemitQueue,
} from '../../core/remit/remit-category.js';
import type { ReversalRole } from '../../core/remit/pair-reversals.js';
import { clockFor } from '../../core/time/local-clock.js';
import { recordAccess } from '../access-log.js';
import { cappedPage, countCap, countUpTo } from '../queries/capped-count.js';
import { lineLetters } from '../letters/letter-store.js';
import { remitLineLetters } from '../letters/remit-line-letters.js';
import type { Actor, AppContext } from '../app-context.js';
import type { Page, RemitLineView, RemitQuery, RemitSummaryView } from '../views.js';
import { remarkViews } from '../../core/remit/remark-codes.js';
import { RATE_FREE_QUEUES } from './reversal-lines.js';

const split = (v: string) => (v ? v.split(',') : []);
const isReversalRole = (role: string | null): role is ReversalRole =>
  role === 'take-back' || role === 'reversed' || role === 'correction';
/** What a payer scorecard counts as a denial: the payer refused the service (not PR, COB or a reversal). */
const DENIALS: ReadonlySet<string> = new Set<RemitCategory>([
  'igrt-professional-denied',
  'zero-paid-no-denial-code',
  'authorization-2025',
  'authorization-denial',
  'frequency-denial',
  'missing-information',
  'other-denial',
]);

/**
 * `GET /api/remittances/lines`: the practice's remittance lines by category or queue (problems first,
 * newest first); the total is capped as the worklist's (capped-count.ts).
 */
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
    .$if(q.queue !== undefined, (s) => s.where('r.queue', '=', q.queue!))
    .$if(q.payer !== undefined, (s) => s.where('r.payer', '=', q.payer!))
    .$if(q.matched === true, (s) => s.where('r.charge_id', 'is not', null))
    .$if(q.matched === false, (s) => s.where('r.charge_id', 'is', null))
    .$if(q.appealFrom !== undefined, (s) => s.where('r.appeal_by', '>=', q.appealFrom!))
    .$if(q.appealTo !== undefined, (s) => s.where('r.appeal_by', '<=', q.appealTo!));
  const limit = Math.min(Math.max(q.limit ?? 50, 1), 500);
  const offset = Math.max(q.offset ?? 0, 0);
  const cap = countCap(offset, limit);
  const [rows, counted] = await Promise.all([
    base
      .leftJoin('remit_lines as partner', (j) =>
        j
          .onRef('partner.id', '=', 'r.reversal_partner_id')
          .onRef('partner.practice_id', '=', 'r.practice_id'),
      )
      .selectAll('r')
      .select([
        'p.name as patient_name',
        'p.mrn',
        'partner.id as partner_id',
        'partner.claim_pcn as partner_claim',
        'partner.payment_date as partner_payment_date',
        'partner.paid_cents as partner_paid_cents',
      ])
      // Lines with a work queue first (false before true); within one queue, the soonest deadline first.
      // Each order is an index's (remit_lines_page, remit_lines_queue_page: 0027-list-search-indexes.ts;
      // the lines no charge matches: remit_lines_unmatched_page, 0028-list-walk-indexes.ts), so a page is
      // read in order and the scan stops at it.
      .$if(q.queue === undefined, (s) => s.orderBy(sql`r.queue is null`))
      .$if(q.queue !== undefined, (s) => s.orderBy('r.appeal_by'))
      .orderBy('r.payment_date', 'desc')
      .orderBy('r.claim_pcn')
      .orderBy('r.line_no')
      .limit(limit)
      .offset(offset)
      .execute(),
    countUpTo(ctx.db, base.select('r.id'), cap),
  ]);
  const [letters, lineLetter] = await Promise.all([
    lineLetters(
      ctx.db,
      actor.practiceId,
      rows.map((r) => r.id),
    ),
    remitLineLetters(ctx.db, actor.practiceId, rows),
  ]);
  const items = rows.map((r): RemitLineView => {
    const paid = Number(r.paid_cents);
    const partnerPaid = r.partner_paid_cents === null ? null : Number(r.partner_paid_cents);
    return {
      id: r.id,
      payer: r.payer,
      paymentDate: r.payment_date,
      traceNumber: r.trace_number,
      claim: r.claim_pcn,
      line: r.line_no,
      claimStatus: r.claim_status,
      payerClaimControlNumber: r.payer_claim_control_number,
      dateOfService: r.date_of_service,
      code: r.code,
      modifiers: split(r.modifiers),
      submittedCode: r.submitted_code,
      billedCents: Number(r.billed_cents),
      paidCents: paid,
      allowedCents: Number(r.allowed_cents),
      expectedCents: r.expected_cents === null ? null : Number(r.expected_cents),
      patientResponsibilityCents: Number(r.patient_responsibility_cents),
      openCents: Number(r.open_cents),
      category: r.category as RemitCategory,
      queue: r.queue as RemitQueue | null,
      ruleId: r.rule_id,
      carcs: split(r.carcs),
      remarks: remarkViews(split(r.remarks), []),
      flags: split(r.flags),
      message: r.message,
      nextAction: r.next_action,
      appealBy: r.appeal_by,
      reversal: isReversalRole(r.reversal_role)
        ? {
            role: r.reversal_role,
            partner:
              r.partner_id !== null && partnerPaid !== null
                ? {
                    id: r.partner_id,
                    claim: r.partner_claim ?? r.claim_pcn,
                    paymentDate: r.partner_payment_date,
                    paidCents: partnerPaid,
                  }
                : null,
            netCents: r.reversal_role === 'correction' ? paid : paid + (partnerPaid ?? 0),
          }
        : null,
      letterId: letters.get(r.id)?.id ?? null,
      letterCovers: letters.get(r.id)?.covers ?? null,
      letter: lineLetter.get(r.id) ?? null,
      chargeId: r.charge_id,
      courseId: r.course_id,
      patientId: r.patient_id,
      patientName: r.patient_name ?? null,
      mrn: r.mrn ?? null,
    };
  });
  await recordAccess(ctx, actor, {
    action: 'read',
    patientIds: items.flatMap((i) => (i.patientId ? [i.patientId] : [])),
    route: 'GET /api/remittances/lines',
  });
  return cappedPage(items, counted, cap);
}

/**
 * `GET /api/remittances/summary`: lines and dollars per category and per work queue, a scorecard per
 * payer, and the same scorecard per week of payment. A reversal is never income (domain.md §6.1): the
 * payment a take-back cancels counts with it, net, in the week and payer of the payment; a take-back
 * whose payment is not on file is money taken back, never a negative payment.
 */
export async function remitSummary(ctx: AppContext, actor: Actor): Promise<RemitSummaryView> {
  const day = await practiceToday(ctx, actor.practiceId);
  const [rows, queueRows] = await Promise.all([
    ctx.db
      .selectFrom('remit_lines as r')
      .leftJoin('remit_lines as partner', (j) =>
        j
          .onRef('partner.id', '=', 'r.reversal_partner_id')
          .onRef('partner.practice_id', '=', 'r.practice_id'),
      )
      .select([
        'r.payer',
        'r.category',
        // The Monday of the payment's week (ISO weeks start on Monday), `YYYY-MM-DD`.
        sql<string | null>`cast(cast(date_trunc('week', r.payment_date) as date) as text)`.as('week'),
        sql<string>`count(*)`.as('lines'),
        sql<string>`coalesce(sum(r.billed_cents), 0)`.as('billed'),
        sql<string>`coalesce(sum(${INCOME}), 0)`.as('paid'),
        sql<string>`coalesce(sum(${TAKEN_BACK}), 0)`.as('taken_back'),
        sql<string>`coalesce(sum(${EXPECTED}), 0)`.as('expected'),
        sql<string>`coalesce(sum(${SHORT}), 0)`.as('short'),
        sql<string>`count(*) filter (where r.charge_id is null)`.as('unmatched'),
      ])
      .where('r.practice_id', '=', actor.practiceId)
      .groupBy(['r.payer', 'r.category', sql`date_trunc('week', r.payment_date)`])
      .execute(),
    ctx.db
      .selectFrom('remit_lines')
      .select([
        'queue',
        sql<string>`count(*)`.as('lines'),
        sql<string>`coalesce(sum(open_cents), 0)`.as('open'),
        // Lines whose open amount rests on a rate the practice does not have (reversal-lines.ts rateUnknown).
        sql<string>`count(*) filter (where expected_cents is null and queue not in (${sql.join(
          [...RATE_FREE_QUEUES].map((q) => sql`${q}`),
        )}))`.as('without_rate'),
        sql<string | null>`cast(min(appeal_by) filter (where appeal_by >= ${day}) as text)`.as('soonest'),
        sql<string>`count(*) filter (where appeal_by < ${day})`.as('overdue'),
      ])
      .where('practice_id', '=', actor.practiceId)
      .where('queue', 'is not', null)
      .groupBy('queue')
      .execute(),
  ]);
  const n = (v: string) => Number(v);
  const byCategory = REMIT_CATEGORIES.map((category) => {
    const of = rows.filter((r) => r.category === category);
    return {
      category,
      lines: of.reduce((s, r) => s + n(r.lines), 0),
      billedCents: of.reduce((s, r) => s + n(r.billed), 0),
      paidCents: of.reduce((s, r) => s + n(r.paid), 0),
      takenBackCents: of.reduce((s, r) => s + n(r.taken_back), 0),
      shortCents: of.reduce((s, r) => s + n(r.short), 0),
    };
  });
  const queues = REMIT_QUEUES.map((queue) => {
    const r = queueRows.find((q) => q.queue === queue);
    return {
      queue,
      lines: r ? n(r.lines) : 0,
      openCents: r ? n(r.open) : 0,
      withoutRate: r ? n(r.without_rate) : 0,
      soonestAppealBy: r?.soonest ?? null,
      overdue: r ? n(r.overdue) : 0,
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
  return {
    byCategory,
    queues,
    payers,
    trends,
    unmatched: rows.reduce((s, r) => s + n(r.unmatched), 0),
  };
}

/**
 * A line's income: its payment, except that a take-back counts nothing and the payment it cancels
 * counts net of it (the pair nets out); a negative payment with no partner is taken back, not income
 * (reversal-lines.ts lineIncome).
 */
const INCOME = sql`case
  when r.reversal_role = 'take-back' and partner.id is not null then 0
  when r.reversal_role = 'reversed' and partner.id is not null then r.paid_cents + partner.paid_cents
  else greatest(r.paid_cents, 0) end`;
/**
 * What a line should have paid, once per service: a take-back and the payment it reverses (category
 * reversal) expect nothing, the corrected claim carries the service's expected amount (domain.md §6.1:
 * the pair nets out).
 */
const EXPECTED = sql`case when r.category = 'reversal' then 0 else coalesce(r.expected_cents, 0) end`;
/** Expected − allowed where it fell short; nothing for a reversal (reversal-lines.ts shortCents). */
const SHORT = sql`case when r.category = 'reversal' or r.expected_cents is null then 0
  else greatest(r.expected_cents - r.allowed_cents, 0) end`;
const TAKEN_BACK = sql`case when r.paid_cents < 0 and partner.id is null then -r.paid_cents else 0 end`;

/** The practice's calendar date now, in its clinic's time zone (appeal dates are dates there). */
export async function practiceToday(ctx: AppContext, practiceId: string): Promise<string> {
  const practice = await ctx.db
    .selectFrom('practices')
    .select('clinic')
    .where('id', '=', practiceId)
    .executeTakeFirstOrThrow();
  const zone = clinicSchema.safeParse(practice.clinic).data?.facility.timeZone ?? 'UTC';
  return clockFor(zone).toLocal(ctx.now()).slice(0, 10);
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
