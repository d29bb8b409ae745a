import { type Kysely, sql } from 'kysely';

/**
 * Claims generated from the database (issue #5): the practice's billing settings (billing provider,
 * submitter, receiver, payers: `src/app/claims/billing-settings.ts`), the patient's claim demographics
 * (sex, member id, group number, address: from courses.json), and the 837 batches with the charges each
 * claim carried, so that a charge sent once is not sent again. Control numbers (ISA13/GS06) increase per
 * practice; a batch holds one interchange per payer, numbered from `interchange_control_number`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('practices').addColumn('billing', 'jsonb').execute();
  await db.schema.alterTable('patients').addColumn('demographics', 'jsonb').execute();
  await db.schema
    .createTable('claim_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('interchange_control_number', 'integer', (c) => c.notNull())
    .addColumn('interchange_count', 'integer', (c) => c.notNull())
    .addColumn('first_claim_number', 'integer', (c) => c.notNull())
    .addColumn('claim_count', 'integer', (c) => c.notNull())
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('total_cents', 'bigint', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('file_text', 'text', (c) => c.notNull())
    .addUniqueConstraint('claim_batches_control_number', ['practice_id', 'interchange_control_number'])
    .execute();
  await db.schema
    .createIndex('claim_batches_practice')
    .on('claim_batches')
    .columns(['practice_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('claim_lines')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('batch_id', 'text', (c) => c.notNull().references('claim_batches.id').onDelete('cascade'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('claim_pcn', 'text', (c) => c.notNull())
    .addColumn('charge_id', 'text', (c) => c.notNull().references('charges.id'))
    .execute();
  await db.schema
    .createIndex('claim_lines_charge')
    .on('claim_lines')
    .columns(['practice_id', 'format', 'charge_id'])
    .execute();
  await db.schema
    .createIndex('claim_lines_pcn')
    .on('claim_lines')
    .columns(['practice_id', 'claim_pcn'])
    .execute();
  await db.schema.createIndex('claim_lines_batch').on('claim_lines').column('batch_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('claim_lines').ifExists().execute();
  await db.schema.dropTable('claim_batches').ifExists().execute();
  await db.schema.alterTable('patients').dropColumn('demographics').execute();
  await db.schema.alterTable('practices').dropColumn('billing').execute();
}
