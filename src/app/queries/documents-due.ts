import { sql } from 'kysely';
import { DOC_001 } from '../../core/audit/rules/doc-001-motion-management-order.js';
import { DOC_002 } from '../../core/audit/rules/doc-002-medical-necessity.js';
import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import type { DocumentDueView } from '../views.js';

/**
 * `GET /api/physician/documents`: courses whose fractions are held for their motion-management order
 * (DOC-001) or necessity statement (DOC-002), what each needs and how many fractions wait on it. A
 * physician sees the courses of their own patients, as Today counts them (its DOC-001/DOC-002 items and
 * their worklist links filter by the physician); other roles see every physician's.
 */
export async function documentsDue(
  ctx: AppContext,
  actor: Actor,
  query: { ruleId?: string | undefined },
): Promise<DocumentDueView[]> {
  // The same filter as Today's counts (today.ts): a physician without a chart physician id counts all.
  const physicianId = actor.role === 'physician' ? (actor.physicianId ?? undefined) : undefined;
  const rules = query.ruleId ? [query.ruleId.toUpperCase()] : [DOC_001.id, DOC_002.id];
  const rows = await ctx.db
    .selectFrom('findings as fi')
    .innerJoin('fractions as f', 'f.id', 'fi.fraction_id')
    .innerJoin('courses as c', 'c.id', 'f.course_id')
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .where('fi.practice_id', '=', actor.practiceId)
    .$if(physicianId !== undefined, (s) => s.where('f.physician_id', '=', physicianId!))
    .where('f.status', '=', 'hold')
    .where('fi.severity', '=', 'error')
    .where(
      'fi.rule_id',
      'in',
      rules.filter((r) => r === DOC_001.id || r === DOC_002.id),
    )
    .select([
      'c.id',
      'c.course_key',
      'c.patient_id',
      'p.name',
      'c.physician_id',
      sql<string[]>`array_agg(distinct fi.rule_id order by fi.rule_id)`.as('rules'),
      (eb) => eb.fn.count<string>('f.id').distinct().as('held'),
    ])
    .groupBy(['c.id', 'c.course_key', 'c.patient_id', 'p.name', 'c.physician_id'])
    .execute();
  rows.sort((a, b) => Number(b.held) - Number(a.held) || a.course_key.localeCompare(b.course_key));
  await recordAccess(ctx, actor, {
    action: 'read',
    patientIds: rows.map((r) => r.patient_id),
    route: 'GET /api/physician/documents',
  });
  return rows.map((r) => ({
    courseId: r.id,
    courseKey: r.course_key,
    patientName: r.name,
    physicianId: r.physician_id,
    rules: r.rules,
    heldFractions: Number(r.held),
  }));
}
