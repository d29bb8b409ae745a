import { type Kysely, sql } from 'kysely';

/**
 * Unlinked records a coder linked to a course by hand. Like a dismissal, a link is keyed by what
 * identifies the record across re-links (patient, file and position, kind, description), not by the
 * `unlinked_records` row, which each re-link of the patient replaces; it names the course by its chart
 * id and the MRN of the course's patient, so that re-linking either patient reads the other's records
 * too (`linked-patients.ts`). `unlinked_records.record_date` keeps the record's date of service, when it
 * has one, for the check that a link does not contradict the course's dates.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unlinked_links')
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('patient_key', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('course_key', 'text', (c) => c.notNull())
    .addColumn('course_patient_key', 'text', (c) => c.notNull())
    .addColumn('linked_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('linked_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('unlinked_links_pk', ['practice_id', 'patient_key', 'source', 'kind', 'what'])
    .execute();
  await sql`create index unlinked_links_course_patient on unlinked_links (practice_id, course_patient_key)`.execute(
    db,
  );
  await db.schema.alterTable('unlinked_records').addColumn('record_date', 'date').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('unlinked_records').dropColumn('record_date').execute();
  await db.schema.dropTable('unlinked_links').execute();
}
