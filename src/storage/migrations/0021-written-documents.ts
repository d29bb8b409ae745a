import { type Kysely, sql } from 'kysely';

/**
 * Chart documents a physician writes in the app (today: the patient-specific medical-necessity
 * statement). The text is kept here, keyed by the chart's course id like the app's signatures, and laid
 * over the linked course on every audit (app/persist/app-documents.ts), so a later import that re-links
 * the practice keeps it; its signature is a `signatures` row (source 'app') like any record signed in
 * the app.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('written_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('course_key', 'text', (c) => c.notNull())
    // Only the necessity note is written in the app; orders are signed here, not written.
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('necessity')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('written_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('written_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('written_documents_course')
    .on('written_documents')
    .columns(['practice_id', 'course_key', 'written_at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('written_documents').execute();
}
