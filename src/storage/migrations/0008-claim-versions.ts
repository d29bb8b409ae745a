import { type Kysely, sql } from 'kysely';

/**
 * Claim versions: each claim sent (the original of a batch, a replacement CLM05-3 7, a void 8, the
 * secondary claim after the primary's 835) with the batch holding its 837, the payer's claim control
 * number it refers to (REF*F8, from CLP07) and the draft it was built from (charge ids, codes, units,
 * amounts: no patient data), so that a claim can be corrected or voided later and its history shown
 * [837P/837I TR3 2300 CLM05-3, REF*F8]. A batch says what it holds (`kind`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('claim_batches')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('claims'))
    .execute();
  await db.schema
    .createTable('claim_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('claim_pcn', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('claim_batches.id').onDelete('cascade'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('frequency_code', 'text', (c) => c.notNull())
    .addColumn('payer_profile', 'text', (c) => c.notNull())
    .addColumn('payer_name', 'text', (c) => c.notNull())
    .addColumn('payer_claim_number', 'text')
    .addColumn('patient_id', 'text', (c) => c.notNull())
    .addColumn('draft', 'jsonb', (c) => c.notNull())
    .addColumn('total_cents', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('claim_versions_pcn')
    .on('claim_versions')
    .columns(['practice_id', 'claim_pcn', 'created_at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('claim_versions').ifExists().execute();
  await db.schema.alterTable('claim_batches').dropColumn('kind').execute();
}
