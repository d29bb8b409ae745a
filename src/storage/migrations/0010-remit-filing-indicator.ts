import type { Kysely } from 'kysely';

/**
 * The claim filing indicator of each remittance line's claim (835 2100 CLP06: MB Medicare Part B, CI
 * commercial…), kept so that appeal-by dates recomputed after a payer setting changes still read it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('remit_lines').addColumn('claim_filing_indicator', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('remit_lines').dropColumn('claim_filing_indicator').execute();
}
