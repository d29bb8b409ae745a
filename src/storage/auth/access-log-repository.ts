import type { Db } from '../database.js';

export interface AccessLogRow {
  at: Date;
  practiceId: string;
  userId: string;
  action: string;
  /** The patients the request read or changed (none: a request about no patient). */
  patientIds: string[];
  route: string;
}

export interface AccessLogRecord {
  at: Date;
  userId: string;
  userName: string;
  action: string;
  patientIds: string[];
  route: string;
}

/** The requests' rows, in one statement (one row per request, its patients in an array). */
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
      })),
    )
    .execute();
}

/** One practice's access log, newest first, with the user's display name. */
export async function listAccessRows(
  db: Db,
  practiceId: string,
  page: { limit: number; offset: number },
): Promise<{ rows: AccessLogRecord[]; total: number }> {
  const rows = await db
    .selectFrom('access_log')
    .leftJoin('users', 'users.id', 'access_log.user_id')
    .select([
      'access_log.at as at',
      'access_log.user_id as userId',
      'users.display_name as userName',
      'access_log.action as action',
      'access_log.patient_ids as patientIds',
      'access_log.route as route',
    ])
    .where('access_log.practice_id', '=', practiceId)
    .orderBy('access_log.at', 'desc')
    .orderBy('access_log.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await db
    .selectFrom('access_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('practice_id', '=', practiceId)
    .executeTakeFirstOrThrow();
  return {
    rows: rows.map((r) => ({ ...r, userName: r.userName ?? r.userId })),
    total: Number(count.n),
  };
}
