import type { Kysely } from 'kysely';

/**
 * Remittances as a biller works them (domain.md §6.1; X12 835 005010X221A1), re-derived on every import
 * like the lines of 0003-remittance-lines.ts:
 * - `remit_payments`: one row per payment (transaction set): BPR02, Σ CLP04 and the provider-level
 *   adjustments (PLB: reason, reference, amount; JSON) with the difference when BPR02 ≠ Σ CLP04 − Σ PLB.
 * - `remit_lines` gains the work queue, the claim's status (CLP02), the payer's claim control number
 *   (CLP07), the patient responsibility (Σ group PR), the reversal role and the id of the line it nets
 *   with (no foreign key: the pair is written in one import, in any order), what is still open on the
 *   line, and its payment. A claim without service lines is one row with `line_no` 0.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('remit_payments')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('payer', 'text')
    .addColumn('payer_id', 'text')
    .addColumn('trace_number', 'text')
    .addColumn('payment_date', 'date')
    .addColumn('paid_cents', 'bigint', (c) => c.notNull())
    .addColumn('claims_paid_cents', 'bigint', (c) => c.notNull())
    .addColumn('provider_adjustment_cents', 'bigint', (c) => c.notNull())
    .addColumn('provider_adjustments', 'jsonb', (c) => c.notNull())
    .addColumn('difference_cents', 'bigint', (c) => c.notNull())
    .addColumn('balanced', 'boolean', (c) => c.notNull())
    .addColumn('claims', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('remit_payments_practice')
    .on('remit_payments')
    .columns(['practice_id', 'payment_date'])
    .execute();
  await db.schema
    .alterTable('remit_lines')
    .addColumn('payment_id', 'bigint', (c) => c.references('remit_payments.id').onDelete('cascade'))
    .addColumn('queue', 'text')
    .addColumn('claim_status', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('payer_claim_control_number', 'text')
    .addColumn('patient_responsibility_cents', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('open_cents', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('reversal_role', 'text')
    .addColumn('reversal_partner_id', 'bigint')
    .execute();
  await db.schema
    .createIndex('remit_lines_queue')
    .on('remit_lines')
    .columns(['practice_id', 'queue', 'appeal_by'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('remit_lines_queue').ifExists().execute();
  await db.schema
    .alterTable('remit_lines')
    .dropColumn('payment_id')
    .dropColumn('queue')
    .dropColumn('claim_status')
    .dropColumn('payer_claim_control_number')
    .dropColumn('patient_responsibility_cents')
    .dropColumn('open_cents')
    .dropColumn('reversal_role')
    .dropColumn('reversal_partner_id')
    .execute();
  await db.schema.dropTable('remit_payments').ifExists().execute();
}
