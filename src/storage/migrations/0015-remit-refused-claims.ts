import { type Kysely, sql } from 'kysely';

/**
 * The claims of each 835 payment the reader refused for damage inside them (`[{ location, paidCents }]`,
 * CLP04 null when unreadable): not in Σ CLP04, so they are the reason a payment does not balance.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('remit_payments')
    .addColumn('refused_claims', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('remit_payments').dropColumn('refused_claims').execute();
}
