import { type Kysely, sql } from 'kysely';

/**
 * Incremental import. Each imported file's parsed records are also kept split by patient
 * (`import_records`: one row per file and patient, `''` for records that name no patient), so that a new
 * file re-links only the patients it names: their records are read by index, not the practice's whole
 * history. Files imported before this version (`by_patient` false) are split on the practice's next
 * import (`patient-records.ts`). Records that matched no course are kept (`unlinked_records`) per
 * patient, replaced whenever that patient is re-linked, for the admin's list.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('imports')
    .addColumn('by_patient', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await sql`create index imports_unsplit on imports (practice_id) where not by_patient`.execute(db);
  await db.schema
    .createTable('import_records')
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('patient_key', 'text', (c) => c.notNull())
    .addColumn('import_id', 'bigint', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_records_pk', ['practice_id', 'patient_key', 'import_id'])
    .execute();
  await db.schema.createIndex('import_records_import').on('import_records').column('import_id').execute();
  await db.schema
    .createTable('unlinked_records')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('patient_key', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await sql`create index unlinked_records_patient on unlinked_records (practice_id, patient_key)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unlinked_records').execute();
  await db.schema.dropTable('import_records').execute();
  await db.schema.alterTable('imports').dropColumn('by_patient').execute();
}
