import { linkRefusal } from '../link/link-unlinked-record.js';
import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import type { Page, UnlinkedRecordRow } from '../views.js';
import { cappedPage, countCap, countUpTo } from './capped-count.js';
import { MAX_PAGE } from './fractions.js';

/** Rows per page of `GET /api/unlinked-records` unless asked otherwise. */
export const UNLINKED_PAGE = 50;

/**
 * The practice's stored unlinked records (`unlinked_records`, kept by each import), each with its
 * dismissal if a coder dismissed it (`unlinked_dismissals`, keyed by the record's identity across
 * re-links); only those not dismissed unless `dismissed`.
 */
function unlinkedRows(ctx: AppContext, practiceId: string, dismissed: boolean) {
  const rows = ctx.db
    .selectFrom('unlinked_records as u')
    .leftJoin('unlinked_dismissals as d', (j) =>
      j
        .onRef('d.practice_id', '=', 'u.practice_id')
        .onRef('d.patient_key', '=', 'u.patient_key')
        .onRef('d.source', '=', 'u.source')
        .onRef('d.kind', '=', 'u.kind')
        .onRef('d.what', '=', 'u.what'),
    )
    .where('u.practice_id', '=', practiceId);
  return dismissed ? rows : rows.where('d.reason', 'is', null);
}

/**
 * `GET /api/unlinked-records`: the records that matched no course when their patient was last linked,
 * with the reason, by file, one page at a time; dismissed ones only with `dismissed`. Each patient shown
 * is access-logged (the record's patient id is the practice's MRN).
 */
export async function listUnlinkedRecords(
  ctx: AppContext,
  actor: Actor,
  paging: { limit?: number | undefined; offset?: number | undefined; dismissed?: boolean | undefined } = {},
): Promise<Page<UnlinkedRecordRow>> {
  const limit = Math.min(Math.max(paging.limit ?? UNLINKED_PAGE, 1), MAX_PAGE);
  const offset = Math.max(paging.offset ?? 0, 0);
  const dismissed = paging.dismissed ?? false;
  const cap = countCap(offset, limit);
  const [rows, counted] = await Promise.all([
    unlinkedRows(ctx, actor.practiceId, dismissed)
      .leftJoin('patients as p', (j) =>
        j.onRef('p.mrn', '=', 'u.patient_key').on('p.practice_id', '=', actor.practiceId),
      )
      .leftJoin('users as du', 'du.id', 'd.dismissed_by')
      .select([
        'u.id',
        'u.patient_key',
        'p.id as patient_row',
        'u.source',
        'u.kind',
        'u.what',
        'u.reason',
        'u.record_date',
        'd.reason as dismissed_reason',
        'd.dismissed_at',
        'du.display_name as dismissed_by',
      ])
      .orderBy('u.source')
      .orderBy('u.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    countUpTo(ctx.db, unlinkedRows(ctx, actor.practiceId, dismissed).select('u.id'), cap),
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
    date: r.record_date,
    linkable: linkRefusal(r) === null,
    dismissal:
      r.dismissed_reason !== null && r.dismissed_at
        ? {
            reason: r.dismissed_reason,
            by: r.dismissed_by ?? '',
            at: new Date(r.dismissed_at).toISOString(),
          }
        : null,
  }));
  return cappedPage(items, counted, cap);
}

/** How many unlinked records the practice holds, not counting dismissed ones (up to `cap` + 1: "1,000+"). */
export async function countUnlinkedRecords(ctx: AppContext, practiceId: string, cap = 1000): Promise<number> {
  return countUpTo(ctx.db, unlinkedRows(ctx, practiceId, false).select('u.id'), cap);
}
