import { type ExpressionBuilder, sql } from 'kysely';
import type { FractionAudit } from '../../core/audit/audit-course.js';
import type { FractionStatus } from '../../core/audit/outcome.js';
import { lineLabel } from '../../core/model/billing-line.js';
import type { Database } from '../../storage/schema.js';
import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import { cappedPage, countCap, countUpTo } from './capped-count.js';
import { after as afterKey, decodeCursor, encodeCursor, from as fromKey } from './keyset-cursor.js';
import { searchedPatients } from './patient-search.js';
import { KNOWN_CENTS, LINES_WITHOUT_RATE, moneyTotal } from './money-total.js';
import type { ChargeStatus, FractionQuery, FractionRow, Page } from '../views.js';

export const MAX_PAGE = 500;

type Eb = ExpressionBuilder<
  Database & { f: Database['fractions']; c: Database['courses']; p: Database['patients'] },
  'f' | 'c' | 'p'
>;

/** An aggregate of a fraction's live charges (what is at risk while it is held). */
const liveCharges = (eb: Eb, aggregate: typeof KNOWN_CENTS) =>
  eb
    .selectFrom('charges as ch')
    .select(aggregate.as('v'))
    .whereRef('ch.fraction_id', '=', 'f.id')
    .where('ch.status', '!=', 'void');

/**
 * The fractions of the actor's practice matching the worklist filters (no paging, no joins). Payer,
 * physician and rule ids are on the fraction row (migrations/0020-worklist-columns.ts), each with its
 * index; rule ids are matched whatever their case (the catalogue's ids are upper case); a patient search
 * matches any part of the patient's name or MRN.
 */
export function fractionSelection(ctx: AppContext, actor: Actor, q: FractionQuery) {
  const search = q.search?.trim();
  return ctx.db
    .selectFrom('fractions as f')
    .where('f.practice_id', '=', actor.practiceId)
    .$if(q.status !== undefined, (s) => s.where('f.status', '=', q.status!))
    .$if(q.courseId !== undefined, (s) => s.where('f.course_id', '=', q.courseId!))
    .$if(q.physicianId !== undefined, (s) => s.where('f.physician_id', '=', q.physicianId!))
    .$if(q.payer !== undefined, (s) => s.where('f.payer', '=', q.payer!))
    .$if(q.from !== undefined, (s) => s.where('f.date_of_service', '>=', q.from!))
    .$if(q.to !== undefined, (s) => s.where('f.date_of_service', '<=', q.to!))
    .$if(q.ruleId !== undefined, (s) =>
      s.where(sql<boolean>`f.rule_ids @> array[${q.ruleId!.trim().toUpperCase()}]::text[]`),
    )
    .$if(Boolean(search), (s) =>
      s.where('f.course_id', 'in', (eb) =>
        eb
          .selectFrom('courses as sc')
          .select('sc.id')
          .where('sc.patient_id', 'in', searchedPatients(ctx.db, actor.practiceId, search!)),
      ),
    );
}

/**
 * `GET /api/fractions`: the worklist rows, filtered, sorted and paged by keyset (`after`, the `next` of
 * the page before) or by offset; the total is capped (capped-count.ts).
 */
export async function listFractions(
  ctx: AppContext,
  actor: Actor,
  q: FractionQuery,
): Promise<Page<FractionRow>> {
  const limit = Math.min(Math.max(q.limit ?? 50, 1), MAX_PAGE);
  const cap = countCap(q.after === undefined ? Math.max(q.offset ?? 0, 0) : 0, limit);
  const [page, counted] = await Promise.all([
    fractionPage(ctx, actor, q, limit),
    countUpTo(ctx.db, fractionSelection(ctx, actor, q).select('f.id'), cap),
  ]);
  await recordAccess(ctx, actor, {
    action: 'read',
    patientIds: page.items.map((i) => i.patientId),
    route: 'GET /api/fractions',
  });
  const total = cappedPage(page.items, counted, cap);
  return page.next === undefined ? total : { ...total, next: page.next };
}

/** The worklist rows (sorted, from `q.offset`, at most `limit`), without logging the access. */
export async function fractionRows(
  ctx: AppContext,
  actor: Actor,
  q: FractionQuery,
  limit: number,
): Promise<FractionRow[]> {
  return (await fractionPage(ctx, actor, q, limit)).items;
}

/** The sort key of each worklist order, ending with the fraction's id so that every row has its place. */
function sortKeys(q: FractionQuery) {
  switch (q.sort ?? 'date') {
    case 'deadline':
      // Fractions without a deadline last, either way (index fractions_deadline keeps that order).
      return [sql`f.signature_deadline`, sql`f.id`];
    case 'atRisk':
      return [sql`f.at_risk_cents`, sql`f.id`];
    case 'patient':
      return [sql`coalesce(p.name, '')`, sql`p.mrn`, sql`f.id`];
    default:
      return [sql`f.date_of_service`, sql`f.id`];
  }
}

async function fractionPage(
  ctx: AppContext,
  actor: Actor,
  q: FractionQuery,
  limit: number,
): Promise<{ items: FractionRow[]; next?: string }> {
  const dir = q.order === 'desc' ? 'desc' : 'asc';
  const rows = await fractionSelection(ctx, actor, q)
    .innerJoin('courses as c', 'c.id', 'f.course_id')
    // The patient's practice named too, so that the patient order is an index walk of the practice's
    // patients (patients_list_order, migrations/0028-list-walk-indexes.ts).
    .innerJoin('patients as p', (j) =>
      j.onRef('p.id', '=', 'c.patient_id').on('p.practice_id', '=', actor.practiceId),
    )
    .select((eb) => [
      'f.id',
      'f.course_id',
      'c.course_key',
      'c.patient_id',
      'p.name as patient_name',
      'p.mrn',
      'f.physician_id',
      'f.payer',
      'f.number',
      'f.date_of_service',
      'f.status',
      'f.audit',
      'f.signature_deadline',
      // KNOWN_CENTS of the live charges, kept on the row (0027-list-search-indexes.ts).
      'f.at_risk_cents as at_risk',
      liveCharges(eb as unknown as Eb, LINES_WITHOUT_RATE).as('without_rate'),
      eb
        .selectFrom('charges as ch')
        .select(
          sql<string>`case when count(distinct ch.status) > 1 then 'mixed' else min(ch.status) end`.as('s'),
        )
        .whereRef('ch.fraction_id', '=', 'f.id')
        .where('ch.status', '!=', 'void')
        .as('charge_status'),
      sql<(string | null)[]>`array[${sql.join(sortKeys(q).map((k) => sql`(${k})::text`))}]`.as('sort_key'),
    ])
    .$call((s) => {
      const keys = sortKeys(q);
      const nullsLast = q.sort === 'deadline';
      const cursor = q.after === undefined ? undefined : decodeCursor(q.after, keys.length);
      const page =
        cursor === undefined
          ? s.offset(Math.max(q.offset ?? 0, 0))
          : s
              .where(afterKey(keys, cursor, dir, nullsLast))
              // The patient's part of the key, where the walk of the patients starts.
              .$if(q.sort === 'patient', (w) => w.where(fromKey(keys.slice(0, 2), cursor.slice(0, 2), dir)));
      return keys.reduce(
        (o, k, i) =>
          o.orderBy(i === 0 && nullsLast ? sql`${k} ${sql.raw(dir)} nulls last` : sql`${k} ${sql.raw(dir)}`),
        page,
      );
    })
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const items = shown.map((r): FractionRow => {
    const audit = r.audit as FractionAudit;
    return {
      id: r.id,
      courseId: r.course_id,
      courseKey: r.course_key,
      patientId: r.patient_id,
      patientName: r.patient_name,
      mrn: r.mrn,
      physicianId: r.physician_id,
      payer: r.payer,
      number: r.number,
      date: r.date_of_service,
      status: r.status as FractionStatus,
      codes: audit.lines.map(lineLabel),
      reasons: audit.reasons,
      atRisk: moneyTotal(r.at_risk, r.without_rate),
      signatureDeadline: r.signature_deadline ? new Date(r.signature_deadline).toISOString() : null,
      chargeStatus: (r.charge_status ?? 'void') as ChargeStatus | 'mixed',
    };
  });
  return more ? { items, next: encodeCursor(shown.at(-1)!.sort_key) } : { items };
}
