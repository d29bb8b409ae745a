import type { Course } from '../../core/model/course.js';
import { NO_COURSE, SEVERAL_COURSES } from './link-courses.js';
import { NO_PATIENT } from './records-by-patient.js';
import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import { conflict, notFound } from '../app-errors.js';
import { relinkPractice } from './relink-practice.js';

const ROUTE = 'POST /api/unlinked-records/:id/link';

/**
 * `POST /api/unlinked-records/:id/link`: a coder places a record that matched no course in a course of
 * the practice: one of the patient's courses when the record names a patient who has courses (it matched
 * two, or named none of them), any course when its MRN matches no patient with a course (an MRN typed
 * wrong at the console). The link is stored by the record's identity, like a dismissal, so every later
 * re-link follows it; the patients of the record and of the course are re-linked and re-audited in the
 * same transaction (`relinkPractice`), and the link stands only if the record then joins the course:
 * linked to a course with no fraction at the record's time it would still be unlinked, so nothing is
 * stored and the reason is given. Refused, with the reason: a course of another practice (not found), a
 * record whose question is not its course (its course had no fraction at that time) or that names no
 * patient, another patient's course when the record's patient has courses, a course whose dates
 * contradict the record's date of service (`dateContradiction`), and, unless the user overrides it
 * with a typed reason, a course of another MRN than the record's (`identityMismatch`). Access-logged as
 * a change to both patients' data, with the override's reason (the access log only: it may name a
 * patient, so the server log says only that there was one).
 */
export async function linkUnlinkedRecord(
  ctx: AppContext,
  actor: Actor,
  id: string,
  courseId: string,
  override?: { reason: string },
): Promise<void> {
  if (!/^\d{1,18}$/.test(id)) throw notFound('unlinked record');
  const patientIds = await ctx.db.transaction().execute(async (trx) => {
    const record = await trx
      .selectFrom('unlinked_records')
      .select(['patient_key', 'source', 'kind', 'what', 'reason', 'record_date'])
      .where('id', '=', id)
      .where('practice_id', '=', actor.practiceId)
      .executeTakeFirst();
    if (!record) throw notFound('unlinked record');
    const course = await trx
      .selectFrom('courses as c')
      .innerJoin('patients as p', 'p.id', 'c.patient_id')
      .select(['c.course_key', 'c.document', 'p.mrn', 'p.id as patient_row'])
      .where('c.id', '=', courseId)
      .where('c.practice_id', '=', actor.practiceId)
      .forUpdate()
      .executeTakeFirst();
    if (!course) throw notFound('course');
    const refusal = linkRefusal(record);
    if (refusal) throw conflict(refusal);
    const named = await trx
      .selectFrom('patients')
      .select('id')
      .where('practice_id', '=', actor.practiceId)
      .where('mrn', '=', record.patient_key)
      .executeTakeFirst();
    const own = named
      ? await trx
          .selectFrom('courses')
          .select('course_key')
          .where('practice_id', '=', actor.practiceId)
          .where('patient_id', '=', named.id)
          .orderBy('course_key')
          .execute()
      : [];
    if (own.length && record.patient_key !== course.mrn)
      throw conflict(
        `the record names a patient whose courses are ${own.map((c) => c.course_key).join(', ')}: course ${course.course_key} is another patient's`,
      );
    const mismatch = override ? null : identityMismatch(record.patient_key, course);
    if (mismatch) throw conflict(mismatch);
    const contradiction =
      record.record_date && course.document
        ? dateContradiction(course.document as Course, record.record_date)
        : null;
    if (contradiction) throw conflict(contradiction);

    const identity = {
      practice_id: actor.practiceId,
      patient_key: record.patient_key,
      source: record.source,
      kind: record.kind,
      what: record.what,
    };
    const link = {
      course_key: course.course_key,
      course_patient_key: course.mrn,
      linked_by: actor.userId,
      linked_at: new Date(ctx.now()),
    };
    await trx
      .insertInto('unlinked_links')
      .values({ ...identity, ...link })
      .onConflict((oc) =>
        oc.columns(['practice_id', 'patient_key', 'source', 'kind', 'what']).doUpdateSet(link),
      )
      .execute();
    // The record is placed now: a dismissal of it no longer says anything.
    await trx
      .deleteFrom('unlinked_dismissals')
      .where('practice_id', '=', actor.practiceId)
      .where('patient_key', '=', record.patient_key)
      .where('source', '=', record.source)
      .where('kind', '=', record.kind)
      .where('what', '=', record.what)
      .execute();
    await relinkPractice(ctx, trx, actor.practiceId, { patients: [record.patient_key, course.mrn] });
    const still = await trx
      .selectFrom('unlinked_records')
      .select('reason')
      .where('practice_id', '=', actor.practiceId)
      .where('patient_key', '=', record.patient_key)
      .where('source', '=', record.source)
      .where('kind', '=', record.kind)
      // A report is placed session by session: a session with no fraction is unlinked by itself.
      .where((eb) =>
        record.kind === 'report'
          ? eb.or([eb('what', '=', record.what), eb('what', 'like', 'report session %')])
          : eb('what', '=', record.what),
      )
      .executeTakeFirst();
    if (still)
      throw conflict(
        `in course ${course.course_key} the record still matches nothing (${still.reason}): it was not linked`,
      );
    return [...new Set([course.patient_row, ...(named ? [named.id] : [])])];
  });
  ctx.log.info(
    { practiceId: actor.practiceId, userId: actor.userId, unlinkedId: id, courseId, override: !!override },
    ROUTE,
  );
  await recordAccess(ctx, actor, {
    action: 'change',
    patientIds,
    route: ROUTE,
    ...(override ? { reason: override.reason } : {}),
  });
}

/**
 * Why a record may not go to a course without an override, or null when their patients agree. A stored
 * unlinked record identifies its patient by the MRN it carries (`unlinked_records.patient_key`; the
 * readers keep no name or birth date with it), so the MRN is what is compared: a record of another MRN
 * in a course is another patient's data in this patient's chart and claim (HIPAA §164.312(c)(1)
 * integrity), unless the user knows the MRN was mistyped and says why. The message names the course,
 * never an MRN.
 */
export function identityMismatch(
  recordMrn: string,
  course: { mrn: string; course_key: string },
): string | null {
  if (recordMrn === course.mrn) return null;
  return `the record's MRN is not that of course ${course.course_key}'s patient: it is another patient's record unless the MRN was mistyped; to link it anyway, override with a reason`;
}

/**
 * Why no link to a course can place a stored unlinked record, or null when one can: it must name a
 * patient, and have matched no course or two (a record whose course was known and whose fraction was
 * not found needs its times or the treatment records corrected instead).
 */
export function linkRefusal(record: { patient_key: string; reason: string }): string | null {
  if (record.patient_key === NO_PATIENT)
    return 'the record names no patient: correct its file and import it again';
  if (record.reason !== NO_COURSE && record.reason !== SEVERAL_COURSES)
    return `the record's course is not in question (${record.reason}): correct its times or the treatment records and import them again`;
  return null;
}

/**
 * Whether a record's date of service contradicts a course's dates. A course whose delivered and
 * scheduled fractions reach the number its prescription plans (`plan.fractionsPlanned`, the course
 * document's schema) has no treatment day before its first or after its last, so a record dated outside
 * them is not this course's. A course with fractions still to place is not bounded: the record may be
 * one of them (its earlier treatment records may be among the unlinked). Dates are the facility's
 * calendar dates, compared as text (ISO `YYYY-MM-DD`). The message names the course, never the date.
 */
export function dateContradiction(
  course: {
    courseId: string;
    plan: Pick<Course['plan'], 'fractionsPlanned'>;
    fractions: readonly { date: string }[];
    schedule: readonly { date: string }[];
  },
  date: string,
): string | null {
  const dates = [...course.fractions.map((f) => f.date), ...course.schedule.map((s) => s.date)].sort();
  const planned = course.plan.fractionsPlanned;
  if (!dates.length || dates.length < planned) return null;
  const [first, last] = [dates[0]!, dates.at(-1)!];
  if (date >= first && date <= last) return null;
  return `course ${course.courseId} has its ${planned} planned fractions delivered or scheduled, and the record's date of service is ${date < first ? 'before the first' : 'after the last'} of them`;
}
