import { addDays } from '../../core/time/calendar-date.js';
import type { Db } from '../../storage/database.js';
import type { Trx } from '../../storage/repositories/course-store.js';

/** The appeal window when a payer has no setting (domain.md §4: most payers allow 180 days). */
export const DEFAULT_APPEAL_DAYS = 180;

/** Appeal windows of the practice's payers by name and by profile, lower-cased. */
export async function appealWindows(db: Db | Trx, practiceId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('payer_settings')
    .select(['payer', 'payer_profile', 'appeal_days'])
    .where('practice_id', '=', practiceId)
    .execute();
  const windows = new Map<string, number>();
  for (const r of rows) windows.set(r.payer.trim().toLowerCase(), r.appeal_days);
  for (const r of rows) {
    const profile = r.payer_profile?.trim().toLowerCase();
    if (profile && !windows.has(profile)) windows.set(profile, r.appeal_days);
  }
  return windows;
}

/**
 * The window of the first name with a setting: the 835's payer name or id, then the matched course's
 * payer name or profile; else the default.
 */
export function appealDays(
  windows: ReadonlyMap<string, number>,
  names: readonly (string | null | undefined)[],
): number {
  for (const n of names) {
    const days = n ? windows.get(n.trim().toLowerCase()) : undefined;
    if (days !== undefined) return days;
  }
  return DEFAULT_APPEAL_DAYS;
}

/** After a payer's window changes: the stored remittance lines' appeal-by dates again (payment date + window). */
export async function refreshAppealDates(trx: Trx, practiceId: string): Promise<void> {
  const windows = await appealWindows(trx, practiceId);
  const lines = await trx
    .selectFrom('remit_lines as r')
    .leftJoin('courses as c', 'c.id', 'r.course_id')
    .select([
      'r.id',
      'r.payer',
      'r.payer_id',
      'r.payment_date',
      'r.appeal_by',
      'c.payer_name',
      'c.payer_profile',
    ])
    .where('r.practice_id', '=', practiceId)
    .where('r.payment_date', 'is not', null)
    .execute();
  for (const l of lines) {
    const by = addDays(
      l.payment_date!,
      appealDays(windows, [l.payer, l.payer_id, l.payer_name, l.payer_profile]),
    );
    if (by !== l.appeal_by) {
      await trx.updateTable('remit_lines').set({ appeal_by: by }).where('id', '=', l.id).execute();
    }
  }
}
