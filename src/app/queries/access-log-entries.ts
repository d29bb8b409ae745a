import { sql } from 'kysely';
import { clinicSchema } from '../../core/model/clinic.js';
import { clockFor } from '../../core/time/local-clock.js';
import type { Actor, AppContext } from '../app-context.js';
import { forbidden } from '../app-errors.js';
import { containsPattern, searchWords } from './patient-search.js';
import type { AccessLogEntry, AccessLogPatient, AccessLogQuery, Page } from '../views.js';

/** `abc` → `%abc%` for LIKE, with the wildcards of the text itself taken literally. */

/** The calendar day after `date` (`YYYY-MM-DD`). */
const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * `GET /api/access-log`: who read or changed which patient's data, newest first, with the patient's name
 * and MRN (HIPAA §164.312(b) audit controls; only administrators read it, and they may see patients).
 * Filtered by user, patient (any part of the name, MRN or id, any case), the facility's days (`from`,
 * `to` inclusive, in the practice's time zone) and action. The read query of the log: its writes are
 * `access-log.ts`.
 */
export async function listAccessLog(
  ctx: AppContext,
  actor: Actor,
  q: AccessLogQuery,
): Promise<Page<AccessLogEntry>> {
  if (actor.role !== 'admin' && actor.role !== 'operator') throw forbidden('the access log is for admins');
  const clock = clockFor(await practiceZone(ctx, actor.practiceId));
  const base = ctx.db
    .selectFrom('access_log as l')
    .where('l.practice_id', '=', actor.practiceId)
    .$if(q.userId !== undefined, (s) => s.where('l.user_id', '=', q.userId!))
    .$if(q.action !== undefined, (s) => s.where('l.action', '=', q.action!))
    .$if(q.from !== undefined, (s) => s.where('l.at', '>=', new Date(clock.startOfDay(q.from!))))
    .$if(q.to !== undefined, (s) => s.where('l.at', '<', new Date(clock.startOfDay(nextDay(q.to!)))))
    .$if(q.patient !== undefined && searchWords(q.patient).length > 0, (s) => {
      // Each word (any order, as on the lists: patient-search.ts) in the id, name or MRN of one patient.
      const words = searchWords(q.patient!).map((word) => {
        const like = containsPattern(word);
        return sql<boolean>`(pid.id ilike ${like} or p.name ilike ${like} or p.mrn ilike ${like})`;
      });
      // One row per request, its patients in `patient_ids`: a row matches when any of them does.
      return s.where(
        sql<boolean>`exists (select 1 from unnest(l.patient_ids) as pid(id)
          left join patients p on p.id = pid.id and p.practice_id = ${actor.practiceId}
          where ${sql.join(words, sql` and `)})`,
      );
    });
  const [rows, count] = await Promise.all([
    base
      .leftJoin('users as u', 'u.id', 'l.user_id')
      .select(['l.at', 'l.user_id', 'u.display_name', 'l.action', 'l.patient_ids', 'l.route', 'l.reason'])
      .orderBy('l.at', 'desc')
      .orderBy('l.id', 'desc')
      .limit(q.limit ?? 50)
      .offset(q.offset ?? 0)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const patients = await patientsById(ctx, actor.practiceId, [
    ...new Set(rows.flatMap((r) => r.patient_ids)),
  ]);
  return {
    items: rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      userId: r.user_id,
      userName: r.display_name ?? r.user_id,
      action: r.action === 'change' ? 'change' : 'read',
      patients: r.patient_ids.map((id) => patients.get(id) ?? { id, name: null, mrn: null }),
      route: r.route,
      reason: r.reason,
    })),
    total: Number(count.n),
  };
}

/** The names and MRNs of the page's patients, in one statement. */
async function patientsById(
  ctx: AppContext,
  practiceId: string,
  ids: string[],
): Promise<Map<string, AccessLogPatient>> {
  if (!ids.length) return new Map();
  const rows = await ctx.db
    .selectFrom('patients')
    .select(['id', 'name', 'mrn'])
    .where('practice_id', '=', practiceId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, mrn: r.mrn }]));
}

async function practiceZone(ctx: AppContext, practiceId: string): Promise<string> {
  const practice = await ctx.db
    .selectFrom('practices')
    .select('clinic')
    .where('id', '=', practiceId)
    .executeTakeFirstOrThrow();
  return clinicSchema.safeParse(practice.clinic).data?.facility.timeZone ?? 'UTC';
}
