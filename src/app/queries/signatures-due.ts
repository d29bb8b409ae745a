import { sql } from 'kysely';
import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import { KNOWN_CENTS, LINES_WITHOUT_RATE, moneyTotal } from './money-total.js';
import type { SignatureDue } from '../views.js';

export const SIGNABLE = ['sgrt-record', 'igrt-review'] as const;
export type SignableDocument = (typeof SIGNABLE)[number];
/** Fractions per list, most urgent first (an export asks for up to MAX_LIMIT). */
export const DEFAULT_LIMIT = 500;
export const MAX_LIMIT = 100_001;

/**
 * `GET /api/worklists/signatures`: every SGRT record and IGRT review without a physician signature,
 * per fraction, ordered by the patient's next scheduled beam-on (the deadline the seed sets: "signed
 * before the next beam-on"), then by the fraction's own deadline. A physician sees their patients
 * unless they ask for another physician's list.
 */
export async function signaturesDue(
  ctx: AppContext,
  actor: Actor,
  q: SignatureQuery,
): Promise<SignatureDue[]> {
  const items = await signatureRows(ctx, actor, q);
  await recordAccess(ctx, actor, {
    action: 'read',
    patientIds: items.map((i) => i.patientId),
    route: 'GET /api/worklists/signatures',
  });
  return items;
}

export interface SignatureQuery {
  physicianId?: string | undefined;
  limit?: number | undefined;
}

/** The rows of `signaturesDue`, without logging the access (the caller logs it under its own route). */
export async function signatureRows(
  ctx: AppContext,
  actor: Actor,
  q: SignatureQuery,
): Promise<SignatureDue[]> {
  const limit = Math.min(Math.max(q.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
  const physicianId =
    q.physicianId ?? (actor.role === 'physician' ? (actor.physicianId ?? undefined) : undefined);
  const rows = await ctx.db
    .selectFrom('documents as d')
    .innerJoin('fractions as f', 'f.id', 'd.fraction_id')
    .innerJoin('courses as c', 'c.id', 'f.course_id')
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .where('d.practice_id', '=', actor.practiceId)
    .where('d.kind', 'in', [...SIGNABLE])
    // documents.signed: kept with the signatures (course-store.ts), read through documents_unsigned.
    .where('d.signed', '=', false)
    .$if(physicianId !== undefined, (s) => s.where('c.physician_id', '=', physicianId!))
    .select((eb) => {
      // An aggregate of the fraction's charges not yet released: what the missing signature puts at risk.
      const pending = (aggregate: typeof KNOWN_CENTS) =>
        eb
          .selectFrom('charges as ch')
          .select(aggregate.as('v'))
          .whereRef('ch.fraction_id', '=', 'f.id')
          .where('ch.status', 'in', ['hold', 'ready', 'manual-hold']);
      return [
        'f.id as fraction_id',
        'c.id as course_id',
        'c.course_key',
        'c.patient_id',
        'p.name as patient_name',
        'p.mrn',
        'c.physician_id',
        'f.number',
        'f.date_of_service',
        'c.next_beam_on',
        'f.signature_deadline',
        'd.kind',
        pending(KNOWN_CENTS).as('at_risk'),
        pending(LINES_WITHOUT_RATE).as('without_rate'),
      ] as const;
    })
    .orderBy(sql`c.next_beam_on asc nulls last`)
    .orderBy(sql`f.signature_deadline asc nulls last`)
    .orderBy('c.course_key')
    .orderBy('f.number')
    .orderBy('d.kind')
    .limit(limit * SIGNABLE.length)
    .execute();
  const now = ctx.now();
  const byFraction = new Map<string, SignatureDue>();
  for (const r of rows) {
    const due = byFraction.get(r.fraction_id);
    if (due) {
      due.documents.push(r.kind as SignableDocument);
      continue;
    }
    const deadline = r.signature_deadline ? new Date(r.signature_deadline).toISOString() : null;
    byFraction.set(r.fraction_id, {
      fractionId: r.fraction_id,
      courseId: r.course_id,
      courseKey: r.course_key,
      patientId: r.patient_id,
      patientName: r.patient_name,
      mrn: r.mrn,
      physicianId: r.physician_id,
      fractionNumber: r.number,
      date: r.date_of_service,
      documents: [r.kind as SignableDocument],
      nextBeamOn: r.next_beam_on ? new Date(r.next_beam_on).toISOString() : null,
      deadline,
      overdue: deadline !== null && Date.parse(deadline) < now,
      atRisk: moneyTotal(r.at_risk ?? null, r.without_rate ?? null),
    });
  }
  const items = [...byFraction.values()].slice(0, limit);
  for (const i of items) i.documents.sort();
  return items;
}
