import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import type { Page, UnlinkedRecordRow } from '../views.js';
import { cappedPage, countCap, countUpTo } from './capped-count.js';
import { MAX_PAGE } from './fractions.js';

/** Rows per page of `GET /api/unlinked-records` unless asked otherwise. */
export const UNLINKED_PAGE = 50;

/** The practice's stored unlinked records (`unlinked_records`, kept by each import). */
function unlinkedRows(ctx: AppContext, practiceId: string) {
  return ctx.db.selectFrom('unlinked_records as u').where('u.practice_id', '=', practiceId);
}

/**
 * `GET /api/unlinked-records`: the records that matched no course when their patient was last linked,
 * with the reason, by file, one page at a time. Each patient shown is access-logged (the record's
 * patient id is the practice's MRN).
 */
export async function listUnlinkedRecords(
  ctx: AppContext,
  actor: Actor,
  paging: { limit?: number | undefined; offset?: number | undefined } = {},
): Promise<Page<UnlinkedRecordRow>> {
  const limit = Math.min(Math.max(paging.limit ?? UNLINKED_PAGE, 1), MAX_PAGE);
  const offset = Math.max(paging.offset ?? 0, 0);
  const cap = countCap(offset, limit);
  const [rows, counted] = await Promise.all([
    unlinkedRows(ctx, actor.practiceId)
      .leftJoin('patients as p', (j) =>
        j.onRef('p.mrn', '=', 'u.patient_key').on('p.practice_id', '=', actor.practiceId),
      )
      .select(['u.id', 'u.patient_key', 'p.id as patient_row', 'u.source', 'u.kind', 'u.what', 'u.reason'])
      .orderBy('u.source')
      .orderBy('u.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    countUpTo(ctx.db, unlinkedRows(ctx, actor.practiceId).select('u.id'), cap),
  ]);
  await recordAccess(ctx, actor, {
    action: 'read',
    patientIds: rows.flatMap((r) => r.patient_row ?? []),
    route: 'GET /api/unlinked-records',
  });
  const items = rows.map((r) => ({
    id: r.id,
    patientId: r.patient_key || null,
    source: r.source,
    kind: r.kind,
    what: r.what,
    reason: r.reason,
  }));
  return cappedPage(items, counted, cap);
}

/** How many unlinked records the practice holds (counted up to `cap` + 1: "1,000+"). */
export async function countUnlinkedRecords(ctx: AppContext, practiceId: string, cap = 1000): Promise<number> {
  return countUpTo(ctx.db, unlinkedRows(ctx, practiceId).select('u.id'), cap);
}
