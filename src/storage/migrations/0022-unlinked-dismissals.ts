import type { Kysely } from 'kysely';

/**
 * Unlinked records a coder dismissed, with the reason. A record's stored row (`unlinked_records`) is
 * replaced each time its patient is re-linked, so the dismissal is keyed by what identifies the record
 * across re-links (patient, file and position, kind, description), not by that row's id: the record
 * stays dismissed when a later import re-links its patient and finds it unlinked again.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unlinked_dismissals')
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('patient_key', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('dismissed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('dismissed_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('unlinked_dismissals_pk', [
      'practice_id',
      'patient_key',
      'source',
      'kind',
      'what',
    ])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unlinked_dismissals').execute();
}
