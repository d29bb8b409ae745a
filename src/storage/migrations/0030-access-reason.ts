import type { Kysely } from 'kysely';

/**
 * The reason a user typed for a change that needed one (`access_log.reason`, null otherwise): linking a
 * record that names another MRN to a course is refused unless the user overrides it with a reason
 * (`link-unlinked-record.ts`), and the audit trail keeps who, when and why (HIPAA §164.312(b) audit
 * controls). The reason may name a patient, so it lives here, with the PHI, and never in the server log.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('access_log').addColumn('reason', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('access_log').dropColumn('reason').execute();
}
