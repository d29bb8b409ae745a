import { sql } from 'kysely';
import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import { KNOWN_CENTS, LINES_WITHOUT_RATE, moneyTotal } from './money-total.js';
import { cappedPage, countCap, countUpTo } from './capped-count.js';
import { MAX_PAGE } from './fractions.js';
import { searchedPatients } from './patient-search.js';
import type { Page, SignatureDue } from '../views.js';

export const SIGNABLE = ['sgrt-record', 'igrt-review'] as const;
export type SignableDocument = (typeof SIGNABLE)[number];
/** Fractions per list, most urgent first (an export asks for up to MAX_LIMIT). */
export const DEFAULT_LIMIT = 500;
export const MAX_LIMIT = 100_001;
/** Fractions per page of `GET /api/worklists/signatures` (at most MAX_PAGE, as the worklist). */
export const PAGE_LIMIT = 50;

/**
 * `GET /api/worklists/signatures`: every SGRT record and IGRT review without a physician signature,
 * per fraction, ordered by the patient's next scheduled beam-on (the deadline the seed sets: "signed
 * before the next beam-on"), then by the fraction's own deadline, one page at a time. A physician sees
 * their patients unless they ask for another physician's list.
 */
export async function signaturesDue(
  ctx: AppContext,
  actor: Actor,
  q: SignatureQuery,
): Promise<Page<SignatureDue>> {
  const limit = Math.min(Math.max(q.limit ?? PAGE_LIMIT, 1), MAX_PAGE);
  const offset = Math.max(q.offset ?? 0, 0);
  const cap = countCap(offset, limit);
  const [items, counted] = await Promise.all([
    signatureRows(ctx, actor, { ...q, limit, offset }),
    countUpTo(ctx.db, fractionsDue(ctx, actor, q), cap),
  ]);
  await recordAccess(ctx, actor, {
    action: 'read',
    patientIds: items.map((i) => i.patientId),
    route: 'GET /api/worklists/signatures',
  });
  return cappedPage(items, counted, cap);
}

export interface SignatureQuery {
  physicianId?: string | undefined;
  /** Only this kind of document (e.g. the image reviews due). */
  document?: SignableDocument | undefined;
  /** Words each of which is part of the patient's name or MRN (patient-search.ts). */
  search?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** The physician whose list it is: the one asked for, else a physician's own. */
function physicianOf(actor: Actor, q: SignatureQuery): string | undefined {
  return q.physicianId ?? (actor.role === 'physician' ? (actor.physicianId ?? undefined) : undefined);
}

/**
 * The signable documents of the actor's practice still unsigned (index documents_unsigned_course), of
 * the searched patients' courses when there is a search.
 */
function unsignedDocuments(ctx: AppContext, actor: Actor, q: SignatureQuery) {
  const search = q.search?.trim();
  return (
    ctx.db
      .selectFrom('documents as d')
      .where('d.practice_id', '=', actor.practiceId)
      .where('d.kind', 'in', q.document ? [q.document] : [...SIGNABLE])
      // documents.signed: kept with the signatures (course-store.ts).
      .where('d.signed', '=', false)
      .$if(Boolean(search), (s) =>
        s.where('d.course_id', 'in', (eb) =>
          eb
            .selectFrom('courses as sc')
            .select('sc.id')
            .where('sc.patient_id', 'in', searchedPatients(ctx.db, actor.practiceId, search!)),
        ),
      )
  );
}

/**
 * The fractions with a signature due (one row each). A physician's are found from their courses (index
 * courses_physician_next_beam_on), each course's unsigned documents looked up by course
 * (documents_unsigned_course): filtering every unsigned document of the practice by its course's
 * physician read them all (1.1 s at a million fractions, bench/README.md).
 */
function fractionsDue(ctx: AppContext, actor: Actor, q: SignatureQuery) {
  const physicianId = physicianOf(actor, q);
  if (physicianId === undefined) return unsignedDocuments(ctx, actor, q).select('d.fraction_id').distinct();
  return ctx.db
    .selectFrom('courses as pc')
    .innerJoinLateral(
      (eb) =>
        unsignedDocuments(ctx, actor, q)
          .whereRef('d.course_id', '=', eb.ref('pc.id'))
          .select('d.fraction_id')
          .distinct()
          .as('d'),
      (join) => join.onTrue(),
    )
    .where('pc.practice_id', '=', actor.practiceId)
    .where('pc.physician_id', '=', physicianId)
    .select('d.fraction_id');
}

/** How many fractions have a signature due (exact: the Today page's figure). */
export async function countSignaturesDue(ctx: AppContext, actor: Actor, q: SignatureQuery): Promise<number> {
  const r = await ctx.db
    .selectFrom(fractionsDue(ctx, actor, q).as('due'))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * The rows of `signaturesDue` (from `q.offset`, at most `q.limit`, default DEFAULT_LIMIT), without
 * logging the access (the caller logs it under its own route). Courses are read in next beam-on order
 * (index courses_next_beam_on) and each one's unsigned documents looked up by course, so the page is
 * found without sorting every unsigned document of the practice.
 */
export async function signatureRows(
  ctx: AppContext,
  actor: Actor,
  q: SignatureQuery,
): Promise<SignatureDue[]> {
  const limit = Math.min(Math.max(q.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
  const physicianId = physicianOf(actor, q);
  const rows = await ctx.db
    .selectFrom('courses as c')
    .innerJoinLateral(
      (eb) =>
        unsignedDocuments(ctx, actor, q)
          .innerJoin('fractions as f', 'f.id', 'd.fraction_id')
          .whereRef('d.course_id', '=', eb.ref('c.id'))
          .select([
            'f.id as fraction_id',
            'f.number',
            'f.date_of_service',
            'f.signature_deadline',
            sql<SignableDocument[]>`array_agg(d.kind order by d.kind)`.as('kinds'),
          ])
          .groupBy('f.id')
          .as('u'),
      (join) => join.onTrue(),
    )
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .where('c.practice_id', '=', actor.practiceId)
    .$if(physicianId !== undefined, (s) => s.where('c.physician_id', '=', physicianId!))
    .select((eb) => {
      // An aggregate of the fraction's charges not yet released: what the missing signature puts at risk.
      const pending = (aggregate: typeof KNOWN_CENTS) =>
        eb
          .selectFrom('charges as ch')
          .select(aggregate.as('v'))
          .whereRef('ch.fraction_id', '=', 'u.fraction_id')
          .where('ch.status', 'in', ['hold', 'ready', 'manual-hold']);
      return [
        'u.fraction_id',
        'c.id as course_id',
        'c.course_key',
        'c.patient_id',
        'p.name as patient_name',
        'p.mrn',
        'c.physician_id',
        'u.number',
        'u.date_of_service',
        'c.next_beam_on',
        'u.signature_deadline',
        'u.kinds',
        pending(KNOWN_CENTS).as('at_risk'),
        pending(LINES_WITHOUT_RATE).as('without_rate'),
      ] as const;
    })
    .orderBy(sql`c.next_beam_on asc nulls last`)
    .orderBy(sql`u.signature_deadline asc nulls last`)
    .orderBy('c.course_key')
    .orderBy('u.number')
    .limit(limit)
    .offset(Math.max(q.offset ?? 0, 0))
    .execute();
  const now = ctx.now();
  return rows.map((r): SignatureDue => {
    const deadline = r.signature_deadline ? new Date(r.signature_deadline).toISOString() : null;
    return {
      fractionId: r.fraction_id,
      courseId: r.course_id,
      courseKey: r.course_key,
      patientId: r.patient_id,
      patientName: r.patient_name,
      mrn: r.mrn,
      physicianId: r.physician_id,
      fractionNumber: r.number,
      date: r.date_of_service,
      documents: r.kinds,
      nextBeamOn: r.next_beam_on ? new Date(r.next_beam_on).toISOString() : null,
      deadline,
      overdue: deadline !== null && Date.parse(deadline) < now,
      atRisk: moneyTotal(r.at_risk ?? null, r.without_rate ?? null),
    };
  });
}
