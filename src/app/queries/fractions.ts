import { type ExpressionBuilder, sql } from 'kysely';
import type { FractionAudit } from '../../core/audit/audit-course.js';
import type { FractionStatus } from '../../core/audit/outcome.js';
import { lineLabel } from '../../core/model/billing-line.js';
import type { Database } from '../../storage/schema.js';
import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import { cappedPage, countCap, countUpTo } from './capped-count.js';
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
 * The fractions of the actor's practice matching the worklist filters (no paging, no joins: course-level
 * filters are subqueries, so counting never joins courses and patients).
 */
export function fractionSelection(ctx: AppContext, actor: Actor, q: FractionQuery) {
  const byCourse = q.physicianId !== undefined || q.payer !== undefined;
  return ctx.db
    .selectFrom('fractions as f')
    .where('f.practice_id', '=', actor.practiceId)
    .$if(q.status !== undefined, (s) => s.where('f.status', '=', q.status!))
    .$if(q.courseId !== undefined, (s) => s.where('f.course_id', '=', q.courseId!))
    .$if(byCourse, (s) =>
      s.where('f.course_id', 'in', (eb) =>
        eb
          .selectFrom('courses as fc')
          .select('fc.id')
          .where('fc.practice_id', '=', actor.practiceId)
          .$if(q.physicianId !== undefined, (c) => c.where('fc.physician_id', '=', q.physicianId!))
          .$if(q.payer !== undefined, (c) =>
            c.where((w) => w.or([w('fc.payer_profile', '=', q.payer!), w('fc.payer_name', '=', q.payer!)])),
          ),
      ),
    )
    .$if(q.from !== undefined, (s) => s.where('f.date_of_service', '>=', q.from!))
    .$if(q.to !== undefined, (s) => s.where('f.date_of_service', '<=', q.to!))
    .$if(q.ruleId !== undefined, (s) =>
      s.where((eb) =>
        eb.exists(
          eb
            .selectFrom('findings as fi')
            .select('fi.id')
            .whereRef('fi.fraction_id', '=', 'f.id')
            .where('fi.practice_id', '=', actor.practiceId)
            .where('fi.rule_id', '=', q.ruleId!)
            .where('fi.severity', '<>', 'info'),
        ),
      ),
    );
}

/** `GET /api/fractions`: the worklist rows, filtered, sorted and paged; the total is capped (capped-count.ts). */
export async function listFractions(
  ctx: AppContext,
  actor: Actor,
  q: FractionQuery,
): Promise<Page<FractionRow>> {
  const limit = Math.min(Math.max(q.limit ?? 50, 1), MAX_PAGE);
  const cap = countCap(Math.max(q.offset ?? 0, 0), limit);
  const [items, counted] = await Promise.all([
    fractionRows(ctx, actor, q, limit),
    countUpTo(ctx.db, fractionSelection(ctx, actor, q).select('f.id'), cap),
  ]);
  await recordAccess(ctx, actor, {
    action: 'read',
    patientIds: items.map((i) => i.patientId),
    route: 'GET /api/fractions',
  });
  return cappedPage(items, counted, cap);
}

/** The worklist rows (sorted, from `q.offset`, at most `limit`), without logging the access. */
export async function fractionRows(
  ctx: AppContext,
  actor: Actor,
  q: FractionQuery,
  limit: number,
): Promise<FractionRow[]> {
  const dir = q.order === 'desc' ? 'desc' : 'asc';
  const rows = await fractionSelection(ctx, actor, q)
    .innerJoin('courses as c', 'c.id', 'f.course_id')
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .select((eb) => [
      'f.id',
      'f.course_id',
      'c.course_key',
      'c.patient_id',
      'p.name as patient_name',
      'p.mrn',
      'c.physician_id',
      'c.payer_profile',
      'c.payer_name',
      'f.number',
      'f.date_of_service',
      'f.status',
      'f.audit',
      'f.signature_deadline',
      liveCharges(eb as unknown as Eb, KNOWN_CENTS).as('at_risk'),
      liveCharges(eb as unknown as Eb, LINES_WITHOUT_RATE).as('without_rate'),
      eb
        .selectFrom('charges as ch')
        .select(
          sql<string>`case when count(distinct ch.status) > 1 then 'mixed' else min(ch.status) end`.as('s'),
        )
        .whereRef('ch.fraction_id', '=', 'f.id')
        .where('ch.status', '!=', 'void')
        .as('charge_status'),
    ])
    .$call((s) => {
      switch (q.sort ?? 'date') {
        case 'deadline':
          return s.orderBy(sql`f.signature_deadline ${sql.raw(dir)} nulls last`);
        case 'atRisk':
          return s.orderBy('at_risk', dir);
        case 'patient':
          return s.orderBy('p.name', dir).orderBy('p.mrn', dir);
        default:
          return s.orderBy('f.date_of_service', dir);
      }
    })
    .orderBy('c.course_key')
    .orderBy('f.number')
    .limit(limit)
    .offset(Math.max(q.offset ?? 0, 0))
    .execute();
  return rows.map((r): FractionRow => {
    const audit = r.audit as FractionAudit;
    return {
      id: r.id,
      courseId: r.course_id,
      courseKey: r.course_key,
      patientId: r.patient_id,
      patientName: r.patient_name,
      mrn: r.mrn,
      physicianId: r.physician_id,
      payer: r.payer_name ?? r.payer_profile,
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
}
