import { type Kysely, sql } from 'kysely';

/**
 * An administrator may cancel a queued or running job (`job-queue.ts`, `cancelJob`): `cancelled` is an
 * ended status, never claimed again; its uploaded files go after the upload retention like a failed job's.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table jobs drop constraint jobs_status`.execute(db);
  await sql`alter table jobs add constraint jobs_status
    check (status in ('uploading','queued','running','done','failed','cancelled'))`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`update jobs set status = 'failed' where status = 'cancelled'`.execute(db);
  await sql`alter table jobs drop constraint jobs_status`.execute(db);
  await sql`alter table jobs add constraint jobs_status
    check (status in ('uploading','queued','running','done','failed'))`.execute(db);
}
