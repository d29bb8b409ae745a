import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Course } from '../../core/model/course.js';
import type { Trx } from '../../storage/repositories/course-store.js';
import type { Actor, AppContext } from '../app-context.js';
import { AppError, notFound } from '../app-errors.js';
import { auditAndSave } from '../persist/audit-and-save.js';
import type { CoverDesignationView } from '../views.js';

/**
 * Covering physicians the practice designates (core/audit/signer-capacity.ts: who may sign besides the
 * course's physician): for one course, or for a treating physician over facility dates. Adding or
 * removing one re-audits the courses it concerns at once, so an imported signature it covers counts (or
 * no longer does) without waiting for the next import. Every query filters by the actor's practice.
 */

export interface CoverInput {
  coveringPhysicianId: string;
  /** Per course: its chart course id. */
  courseKey?: string | null | undefined;
  /** Per date range: the treating physician covered, from and to (facility dates, inclusive). */
  forPhysicianId?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const invalid = (location: string, message: string) =>
  new AppError('invalid_input', `the designation is incomplete or invalid: ${message}`, [
    { location, message },
  ]);

/** The practice's designations, newest first, with the login that made each. */
export async function listCovers(ctx: AppContext, actor: Actor): Promise<CoverDesignationView[]> {
  const rows = await ctx.db
    .selectFrom('cover_designations as d')
    .leftJoin('courses as c', 'c.id', 'd.course_id')
    .leftJoin('users as u', 'u.id', 'd.created_by')
    .select([
      'd.id',
      'd.covering_physician_id',
      'd.scope',
      'c.course_key',
      'c.physician_id',
      'd.for_physician_id',
      'd.from_date',
      'd.to_date',
      'u.display_name',
      'd.created_at',
    ])
    .where('d.practice_id', '=', actor.practiceId)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    coveringPhysicianId: r.covering_physician_id,
    scope: r.scope === 'course' ? 'course' : 'dates',
    courseKey: r.course_key,
    forPhysicianId: r.scope === 'course' ? r.physician_id : r.for_physician_id,
    from: r.from_date,
    to: r.to_date,
    createdBy: r.display_name ?? 'command line',
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** A new designation (per course when `courseKey` is given, else per date range); the list after it. */
export async function addCover(
  ctx: AppContext,
  actor: Actor,
  input: CoverInput,
): Promise<CoverDesignationView[]> {
  const covering = input.coveringPhysicianId.trim();
  if (!covering) throw invalid('coveringPhysicianId', 'name the covering physician');
  const courseKey = input.courseKey?.trim() || null;
  const forPhysician = input.forPhysicianId?.trim() || null;
  await ctx.db.transaction().execute(async (trx) => {
    await requirePracticePhysician(trx, actor.practiceId, 'coveringPhysicianId', covering);
    if (courseKey) {
      const course = await trx
        .selectFrom('courses')
        .select(['id', 'physician_id'])
        .where('practice_id', '=', actor.practiceId)
        .where('course_key', '=', courseKey)
        .executeTakeFirst();
      if (!course) throw notFound('course');
      if (course.physician_id === covering)
        throw invalid('coveringPhysicianId', "the course's own physician signs without a designation");
      await insert(trx, actor, { covering_physician_id: covering, scope: 'course', course_id: course.id });
      await reaudit(ctx, trx, actor.practiceId, { courseId: course.id });
      return;
    }
    if (!forPhysician)
      throw invalid('courseKey', 'give a course, or a physician to cover with from and to dates');
    if (forPhysician === covering) throw invalid('forPhysicianId', 'a physician does not cover themselves');
    await requirePracticePhysician(trx, actor.practiceId, 'forPhysicianId', forPhysician);
    const from = input.from?.trim() ?? '';
    const to = input.to?.trim() ?? '';
    if (!validDate(from)) throw invalid('from', 'a date YYYY-MM-DD');
    if (!validDate(to)) throw invalid('to', 'a date YYYY-MM-DD');
    if (to < from) throw invalid('to', 'on or after the from date');
    await insert(trx, actor, {
      covering_physician_id: covering,
      scope: 'dates',
      for_physician_id: forPhysician,
      from_date: from,
      to_date: to,
    });
    await reaudit(ctx, trx, actor.practiceId, { physicianId: forPhysician });
  });
  ctx.log.info({ practiceId: actor.practiceId, userId: actor.userId }, 'cover designation added');
  return listCovers(ctx, actor);
}

/** Removes a designation of the actor's practice (another practice's id answers not found); the list after. */
export async function removeCover(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<CoverDesignationView[]> {
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('cover_designations')
      .where('id', '=', id)
      .where('practice_id', '=', actor.practiceId)
      .returning(['course_id', 'for_physician_id'])
      .executeTakeFirst();
    if (!removed) throw notFound('designation');
    await reaudit(
      ctx,
      trx,
      actor.practiceId,
      removed.course_id ? { courseId: removed.course_id } : { physicianId: removed.for_physician_id! },
    );
  });
  ctx.log.info({ practiceId: actor.practiceId, userId: actor.userId }, 'cover designation removed');
  return listCovers(ctx, actor);
}

/**
 * A designation names physicians the practice knows: one of its physician logins, the physician of one
 * of its courses, or a physician who signed one of its records (whose imported signature the designation
 * is meant to count). Any other id, another practice's physician included, designates nobody of this
 * practice: refused, naming the field.
 */
async function requirePracticePhysician(
  trx: Trx,
  practiceId: string,
  field: 'coveringPhysicianId' | 'forPhysicianId',
  physicianId: string,
): Promise<void> {
  const known = await trx
    .selectFrom('users')
    .select(sql<number>`1`.as('known'))
    .where('practice_id', '=', practiceId)
    .where('physician_id', '=', physicianId)
    .union((eb) =>
      eb
        .selectFrom('courses')
        .select(sql<number>`1`.as('known'))
        .where('practice_id', '=', practiceId)
        .where('physician_id', '=', physicianId),
    )
    .union((eb) =>
      eb
        .selectFrom('signatures')
        .select(sql<number>`1`.as('known'))
        .where('practice_id', '=', practiceId)
        .where('signer_id', '=', physicianId)
        .where('signer_role', '=', 'physician'),
    )
    .limit(1)
    .executeTakeFirst();
  if (!known) throw invalid(field, `${field} is not a physician of this practice`);
}

/** A real calendar date YYYY-MM-DD (2026-02-30 is not). */
function validDate(value: string): boolean {
  const ms = DATE.test(value) ? Date.parse(value) : NaN;
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

async function insert(
  trx: Trx,
  actor: Actor,
  row: {
    covering_physician_id: string;
    scope: 'course' | 'dates';
    course_id?: string;
    for_physician_id?: string;
    from_date?: string;
    to_date?: string;
  },
): Promise<void> {
  await trx
    .insertInto('cover_designations')
    .values({ id: randomUUID(), practice_id: actor.practiceId, created_by: actor.userId, ...row })
    .execute();
}

/** Re-audits the courses a designation concerns: the one course, or every course of the covered physician. */
async function reaudit(
  ctx: AppContext,
  trx: Trx,
  practiceId: string,
  which: { courseId: string } | { physicianId: string },
): Promise<void> {
  const courses = await trx
    .selectFrom('courses')
    .select('document')
    .where('practice_id', '=', practiceId)
    .where('document', 'is not', null)
    .$if('courseId' in which, (q) => q.where('id', '=', (which as { courseId: string }).courseId))
    .$if('physicianId' in which, (q) =>
      q.where('physician_id', '=', (which as { physicianId: string }).physicianId),
    )
    .execute();
  for (const c of courses) await auditAndSave(ctx, trx, practiceId, c.document as Course);
}
