import { sql } from 'kysely';
import { DOC_001 } from '../../core/audit/rules/doc-001-motion-management-order.js';
import { DOC_002 } from '../../core/audit/rules/doc-002-medical-necessity.js';
import type { Actor, AppContext } from '../app-context.js';
import { practiceToday } from '../remit/remit-lines.js';
import { SIGNABLE } from './signatures-due.js';
import { physicianNames } from './worklist-choices.js';
import type { TodayCoveredCourse, TodayCovering } from '../views.js';

/**
 * The covered part of a physician's Today: the courses of other physicians the practice designated them
 * to cover (setup/cover-designations.ts), with what waits on a physician there: records to sign before
 * the patient's next beam-on (seed: each SGRT document "signed by the physician prior to next beam on"),
 * fractions held for the motion-management order (DOC-001) or the necessity statement (DOC-002). A
 * designation for a course covers it while it lasts; one for a physician over dates covers their courses
 * when today (the facility's date) is in the range, the dates on which a covering signature counts
 * (core/audit/signer-capacity.ts; CMS Medicare Claims Processing Manual ch. 1 §30.2.10). Grouped per
 * physician covered, each group and its courses soonest next beam-on first; courses with nothing due are
 * left out. `patientIds`: the patients shown, for the caller's access log.
 */
export async function coveringToday(
  ctx: AppContext,
  actor: Actor,
): Promise<{ covering: TodayCovering[]; patientIds: string[] }> {
  const me = actor.physicianId;
  if (!me) return { covering: [], patientIds: [] };
  const [day, practice] = await Promise.all([
    practiceToday(ctx, actor.practiceId),
    ctx.db.selectFrom('practices').select('billing').where('id', '=', actor.practiceId).executeTakeFirst(),
  ]);
  const names = physicianNames(practice?.billing);
  const held = (ruleId: string) =>
    sql<string>`(select count(*) from fractions f where f.course_id = c.id and f.status = 'hold'
      and f.rule_ids @> array[${ruleId}]::text[])`;
  const rows = await ctx.db
    .selectFrom('courses as c')
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .where('c.practice_id', '=', actor.practiceId)
    .where('c.physician_id', '<>', me)
    .where(
      sql<boolean>`exists (select 1 from cover_designations d
        where d.practice_id = c.practice_id and d.covering_physician_id = ${me}
        and ((d.scope = 'course' and d.course_id = c.id)
          or (d.scope = 'dates' and d.for_physician_id = c.physician_id
            and ${day}::date between d.from_date and d.to_date)))`,
    )
    .select([
      'c.id',
      'c.course_key',
      'c.patient_id',
      'c.physician_id',
      'c.next_beam_on',
      'p.name',
      // documents.signed: kept with the signatures (course-store.ts), as the signatures worklist reads it.
      sql<string>`(select count(distinct d.fraction_id) from documents d
        where d.course_id = c.id and d.signed = false
        and d.kind in (${sql.join(SIGNABLE.map((k) => sql.val(k)))}))`.as('signatures'),
      held(DOC_001.id).as('orders'),
      held(DOC_002.id).as('statements'),
    ])
    .orderBy(sql`c.next_beam_on asc nulls last`)
    .orderBy('c.course_key')
    .execute();
  const groups = new Map<string, TodayCovering>();
  const patientIds = new Set<string>();
  for (const r of rows) {
    const course: TodayCoveredCourse = {
      courseId: r.id,
      courseKey: r.course_key,
      patientName: r.name,
      signatures: Number(r.signatures),
      orders: Number(r.orders),
      statements: Number(r.statements),
      nextBeamOn: r.next_beam_on ? new Date(r.next_beam_on).toISOString() : null,
    };
    if (course.signatures + course.orders + course.statements === 0) continue;
    patientIds.add(r.patient_id);
    let group = groups.get(r.physician_id);
    if (!group) {
      group = {
        forPhysicianId: r.physician_id,
        forPhysicianName: names.get(r.physician_id) ?? r.physician_id,
        signatures: 0,
        orders: 0,
        statements: 0,
        courses: [],
      };
      groups.set(r.physician_id, group);
    }
    group.signatures += course.signatures;
    group.orders += course.orders;
    group.statements += course.statements;
    group.courses.push(course);
  }
  return { covering: [...groups.values()], patientIds: [...patientIds] };
}
