import type { Db } from '../database.js';

export interface AccessLogRow {
  at: Date;
  practiceId: string;
  userId: string;
  action: string;
  /** The patients the request read or changed (none: a request about no patient). */
  patientIds: string[];
  route: string;
  /** The reason the user typed for an override, when the change needed one. */
  reason?: string;
}

export async function insertAccessRows(db: Db, rows: AccessLogRow[]): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('access_log')
    .values(
      rows.map((r) => ({
        at: r.at,
        practice_id: r.practiceId,
        user_id: r.userId,
        action: r.action,
        patient_ids: r.patientIds,
        route: r.route,
        reason: r.reason ?? null,
      })),
    )
    .execute();
}
