import type { Db } from '../database.js';

export interface AccessLogRow {
  at: Date;
  practiceId: string;
  userId: string;
  action: string;
  patientId: string | null;
  route: string;
}

/** Rows per INSERT: 6 parameters each stays well under PostgreSQL's 65,535 bind parameters. */
const ROWS_PER_INSERT = 5_000;

export async function insertAccessRows(db: Db, rows: AccessLogRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await db
      .insertInto('access_log')
      .values(
        rows.slice(i, i + ROWS_PER_INSERT).map((r) => ({
          at: r.at,
          practice_id: r.practiceId,
          user_id: r.userId,
          action: r.action,
          patient_id: r.patientId,
          route: r.route,
        })),
      )
      .execute();
  }
}
