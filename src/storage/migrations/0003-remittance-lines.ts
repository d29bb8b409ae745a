import type { Kysely } from 'kysely';

/**
 * The service lines of imported 835 remittances with their category (src/core/remit), re-derived on each
 * import from the stored files (like the courses): the charge each pays when matched, else null
 * (unmatched lines stay visible). Money in cents (`bigint`); dates of service and payment as `date`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('remit_lines')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('payer', 'text')
    .addColumn('payer_id', 'text')
    .addColumn('trace_number', 'text')
    .addColumn('payment_date', 'date')
    .addColumn('claim_pcn', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('date_of_service', 'date')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('modifiers', 'text', (c) => c.notNull())
    .addColumn('submitted_code', 'text', (c) => c.notNull())
    .addColumn('billed_cents', 'bigint', (c) => c.notNull())
    .addColumn('paid_cents', 'bigint', (c) => c.notNull())
    .addColumn('allowed_cents', 'bigint', (c) => c.notNull())
    .addColumn('expected_cents', 'bigint')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text')
    .addColumn('carcs', 'text', (c) => c.notNull())
    .addColumn('remarks', 'text', (c) => c.notNull())
    .addColumn('flags', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('next_action', 'text')
    .addColumn('appeal_by', 'date')
    .addColumn('charge_id', 'text', (c) => c.references('charges.id').onDelete('set null'))
    .addColumn('course_id', 'text', (c) => c.references('courses.id').onDelete('set null'))
    .addColumn('patient_id', 'text', (c) => c.references('patients.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('remit_lines_category')
    .on('remit_lines')
    .columns(['practice_id', 'category', 'payment_date'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('remit_lines').ifExists().execute();
}
