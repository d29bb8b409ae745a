import { type ExpressionBuilder, sql } from 'kysely';
import type { CourseAudit, FractionAudit } from '../../core/audit/audit-course.js';
import type { ElementScore } from '../../core/audit/documentation-elements.js';
import type { FractionStatus } from '../../core/audit/outcome.js';
import type { Course } from '../../core/model/course.js';
import type { Finding } from '../../core/model/finding.js';
import { RULE_CATALOGUE } from '../../core/rules/catalogue.js';
import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import { notFound } from '../app-errors.js';
import type { CoursesTable, Database } from '../../storage/schema.js';
import type { CourseSummary, CourseView, Page } from '../views.js';
import { cappedPage, countCap, countUpTo } from './capped-count.js';
import { fractionDetails } from './fraction-details.js';
import { containsPattern, searchedPatients, searchWords } from './patient-search.js';

const RULES = new Map(RULE_CATALOGUE.map((r) => [r.id, r]));

function summaryQuery(ctx: AppContext, actor: Actor) {
  return ctx.db
    .selectFrom('courses as c')
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .where('c.practice_id', '=', actor.practiceId)
    .select((eb) => [
      'c.id',
      'c.course_key',
      'c.patient_id',
      'p.name as patient_name',
      'p.mrn',
      'c.physician_id',
      'c.payer_profile',
      'c.payer_name',
      'c.site',
      eb
        .selectFrom('fractions as f')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('f.course_id', '=', 'c.id')
        .as('fractions'),
      eb
        .selectFrom('fractions as f')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('f.course_id', '=', 'c.id')
        .where('f.status', '=', 'hold')
        .as('holds'),
      eb
        .selectFrom('fractions as f')
        .select(sql<string>`max(f.date_of_service)`.as('d'))
        .whereRef('f.course_id', '=', 'c.id')
        .as('last_date'),
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

function summary(r: SummaryRow): CourseSummary {
  return {
    id: r.id,
    courseKey: r.course_key,
    patientId: r.patient_id,
    patientName: r.patient_name,
    mrn: r.mrn,
    physicianId: r.physician_id,
    payer: r.payer_name ?? r.payer_profile,
    site: r.site,
    fractions: Number(r.fractions ?? 0),
    holds: Number(r.holds ?? 0),
    lastDate: r.last_date ?? null,
  };
}

/**
 * `GET /api/courses`: the practice's courses, searched by any part of the course id, MRN or patient
 * name; the total is capped as the worklist's (capped-count.ts).
 */
export async function listCourses(
  ctx: AppContext,
  actor: Actor,
  q: { search?: string | undefined; limit?: number | undefined; offset?: number | undefined },
): Promise<Page<CourseSummary>> {
  const search = q.search?.trim();
  const limit = Math.min(Math.max(q.limit ?? 50, 1), 500);
  const offset = Math.max(q.offset ?? 0, 0);
  const cap = countCap(offset, limit);
  const courses = ctx.db
    .selectFrom('courses as c')
    .where('c.practice_id', '=', actor.practiceId)
    .select('c.id');
  const pageOf = (ids: typeof courses) =>
    summaryQuery(ctx, actor)
      .where('c.id', 'in', ids.orderBy('c.course_key').limit(limit).offset(offset))
      .orderBy('c.course_key')
      .execute();
  if (search === undefined || search === '') {
    const [rows, counted] = await Promise.all([pageOf(courses), countUpTo(ctx.db, courses, cap)]);
    return logged(ctx, actor, rows, counted, cap);
  }
  // A course matches when each word is part of its id or of its patient's name or MRN. Two index
  // searches whose ids are put together (an OR across the two tables would read every course and
  // patient): the courses of the patients every word finds (patient-search.ts), and the courses whose id
  // holds a word, each other word then looked up on the course's own patient. Counted up to the cap.
  const words = searchWords(search);
  const byKey = courses
    .where((w) => byKeyWord(w, words))
    .where((w) => w.and(words.map((word) => courseMatches(ctx, w, word))));
  const byPatient = courses.where('c.patient_id', 'in', searchedPatients(ctx.db, actor.practiceId, search));
  const matching = byKey.union(byPatient);
  const counted = await countUpTo(ctx.db, ctx.db.selectFrom(matching.as('m')).select('m.id'), cap);
  // Up to the cap, the matches are few: their page is a sort of them. Past it, they are many: the
  // courses are walked in the list's order (index courses_key), each tested against the searched
  // patients (hashed once), and the walk stops at the page.
  const rows = await pageOf(
    counted <= cap
      ? courses.where('c.id', 'in', matching)
      : courses.where((w) =>
          w.or([
            w('c.patient_id', 'in', searchedPatients(ctx.db, actor.practiceId, search)),
            w.and([byKeyWord(w, words), ...words.map((word) => courseMatches(ctx, w, word))]),
          ]),
        ),
  );
  return logged(ctx, actor, rows, counted, cap);
}

/** Some word is part of the course's id (`c`): one trigram index search per word. */
function byKeyWord(w: ExpressionBuilder<Database & { c: CoursesTable }, 'c'>, words: string[]) {
  return w.or(words.map((word) => w('c.course_key', 'ilike', containsPattern(word))));
}

/** A word is part of the course's id (`c`), or of its patient's name or MRN (read by the patient's key). */
function courseMatches(
  ctx: AppContext,
  w: ExpressionBuilder<Database & { c: CoursesTable }, 'c'>,
  word: string,
) {
  const pattern = containsPattern(word);
  return w.or([
    w('c.course_key', 'ilike', pattern),
    w.exists(
      ctx.db
        .selectFrom('patients as wp')
        .select('wp.id')
        .where('wp.id', '=', w.ref('c.patient_id'))
        .where((p) => p.or([p('wp.name', 'ilike', pattern), p('wp.mrn', 'ilike', pattern)])),
    ),
  ]);
}

/** The page, its access logged. */
async function logged(
  ctx: AppContext,
  actor: Actor,
  rows: SummaryRow[],
  counted: number,
  cap: number,
): Promise<Page<CourseSummary>> {
  const items = rows.map(summary);
  await recordAccess(ctx, actor, {
    action: 'read',
    patientIds: items.map((i) => i.patientId),
    route: 'GET /api/courses',
  });
  return cappedPage(items, counted, cap);
}

/** `GET /api/courses/:id`: the course with, per fraction, its timeline, decision, charges and signatures. */
export async function getCourse(ctx: AppContext, actor: Actor, courseId: string): Promise<CourseView> {
  const row = await summaryQuery(ctx, actor)
    .select(['c.document', 'c.audit'])
    .where('c.id', '=', courseId)
    .executeTakeFirst();
  if (!row || !row.document) throw notFound('course');
  const course = row.document as Course;
  const audit = row.audit as Pick<CourseAudit, 'findings' | 'elements'>;
  const fractions = await ctx.db
    .selectFrom('fractions')
    .select(['id', 'fraction_key', 'status', 'audit', 'signature_deadline'])
    .where('course_id', '=', courseId)
    .where('practice_id', '=', actor.practiceId)
    .orderBy('date_of_service')
    .orderBy('number')
    .execute();
  const details = await fractionDetails(
    ctx,
    actor,
    course,
    fractions.map((f) => ({
      id: f.id,
      key: f.fraction_key,
      status: f.status as FractionStatus,
      audit: f.audit as FractionAudit,
    })),
  );
  const findings: Finding[] = [...audit.findings, ...details.flatMap((d) => d.findings)];
  const rules = Object.fromEntries(
    [...new Set(findings.map((f) => f.ruleId))].flatMap((id) => {
      const rule = RULES.get(id);
      return rule ? [[id, { title: rule.title, source: rule.source }]] : [];
    }),
  );
  await recordAccess(ctx, actor, {
    action: 'read',
    patientIds: [row.patient_id],
    route: 'GET /api/courses/:id',
  });
  return {
    ...summary(row),
    timeZone: course.facility.timeZone,
    diagnosis: course.diagnosis ?? null,
    technique: course.plan.technique,
    motionManagement: motionManagementLabel(course.plan.motionManagement),
    findings: audit.findings,
    elements: audit.elements as ElementScore[] | null,
    fractionDetails: details,
    rules,
  };
}

/** `SGRT (AlignRT), intrafraction, beam hold`. */
function motionManagementLabel(mm: Course['plan']['motionManagement']): string | null {
  if (!mm) return null;
  const method = mm.system ? `${mm.method} (${mm.system})` : mm.method;
  return [method, mm.phase, mm.beamHold ? 'beam hold' : 'no beam hold'].join(', ');
}
