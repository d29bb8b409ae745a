import type { Kysely } from 'kysely';

/**
 * Reference data (domain.md §7) and the practice's payment settings.
 *
 * CMS releases are public data shared by every practice (no practice_id): a release (`RVU26A`,
 * `OPPS26A`, `NCCI-PRA26A`, `NCCI-OPH26A`) and its rows, only the columns src/core reads. Numbers are the
 * readers' scaled integers (RVUs and GPCIs in thousandths, CF and relative weights in ten-thousandths,
 * money in cents). Re-importing a release replaces its rows in one transaction (src/app/reference).
 *
 * Per practice: its Medicare locality, its payers' settings (appeal window) and contract rates.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cms_releases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('quarter', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'date', (c) => c.notNull())
    .addColumn('effective_to', 'date')
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('cms_rvus')
    .addColumn('release_id', 'text', (c) => c.notNull().references('cms_releases.id').onDelete('cascade'))
    .addColumn('hcpcs', 'text', (c) => c.notNull())
    .addColumn('modifier', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('work_rvu', 'integer', (c) => c.notNull())
    .addColumn('non_facility_pe_rvu', 'integer')
    .addColumn('facility_pe_rvu', 'integer')
    .addColumn('mp_rvu', 'integer', (c) => c.notNull())
    .addColumn('conversion_factor', 'integer')
    .addPrimaryKeyConstraint('cms_rvus_pk', ['release_id', 'hcpcs', 'modifier'])
    .execute();
  await db.schema
    .createTable('cms_gpcis')
    .addColumn('release_id', 'text', (c) => c.notNull().references('cms_releases.id').onDelete('cascade'))
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('locality', 'text', (c) => c.notNull())
    .addColumn('locality_name', 'text')
    .addColumn('work_gpci', 'integer', (c) => c.notNull())
    .addColumn('pe_gpci', 'integer', (c) => c.notNull())
    .addColumn('mp_gpci', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('cms_gpcis_pk', ['release_id', 'carrier', 'locality'])
    .execute();
  await db.schema
    .createTable('cms_localities')
    .addColumn('release_id', 'text', (c) => c.notNull().references('cms_releases.id').onDelete('cascade'))
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('locality', 'text', (c) => c.notNull())
    .addColumn('state', 'text')
    .addColumn('fee_schedule_area', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cms_localities_pk', ['release_id', 'carrier', 'locality'])
    .execute();
  await db.schema
    .createTable('cms_opps_rates')
    .addColumn('release_id', 'text', (c) => c.notNull().references('cms_releases.id').onDelete('cascade'))
    .addColumn('hcpcs', 'text', (c) => c.notNull())
    .addColumn('status_indicator', 'text', (c) => c.notNull())
    .addColumn('apc', 'text')
    .addColumn('payment_cents', 'bigint')
    .addPrimaryKeyConstraint('cms_opps_rates_pk', ['release_id', 'hcpcs'])
    .execute();
  await db.schema
    .createTable('cms_ptp_edits')
    .addColumn('release_id', 'text', (c) => c.notNull().references('cms_releases.id').onDelete('cascade'))
    .addColumn('column1', 'text', (c) => c.notNull())
    .addColumn('column2', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'date', (c) => c.notNull())
    .addColumn('deleted_on', 'date')
    .addColumn('modifier_indicator', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cms_ptp_edits_codes')
    .on('cms_ptp_edits')
    .columns(['release_id', 'column1', 'column2'])
    .execute();
  await db.schema
    .createTable('cms_mue_limits')
    .addColumn('release_id', 'text', (c) => c.notNull().references('cms_releases.id').onDelete('cascade'))
    .addColumn('hcpcs', 'text', (c) => c.notNull())
    .addColumn('max_units', 'integer', (c) => c.notNull())
    .addColumn('adjudication', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text')
    .addPrimaryKeyConstraint('cms_mue_limits_pk', ['release_id', 'hcpcs'])
    .execute();
  await db.schema
    .createTable('practice_localities')
    .addColumn('practice_id', 'text', (c) => c.primaryKey().references('practices.id'))
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('locality', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('payer_settings')
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('payer', 'text', (c) => c.notNull())
    .addColumn('payer_profile', 'text')
    .addColumn('appeal_days', 'integer', (c) => c.notNull().defaultTo(180))
    .addColumn('notes', 'text')
    .addPrimaryKeyConstraint('payer_settings_pk', ['practice_id', 'payer'])
    .execute();
  await db.schema
    .createTable('contract_rates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('payer', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('modifier', 'text', (c) => c.notNull())
    .addColumn('cents', 'bigint', (c) => c.notNull())
    .addColumn('effective_from', 'date', (c) => c.notNull())
    .addColumn('effective_to', 'date')
    .execute();
  await db.schema
    .createIndex('contract_rates_lookup')
    .on('contract_rates')
    .columns(['practice_id', 'payer', 'code', 'effective_from'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'contract_rates',
    'payer_settings',
    'practice_localities',
    'cms_mue_limits',
    'cms_ptp_edits',
    'cms_opps_rates',
    'cms_localities',
    'cms_gpcis',
    'cms_rvus',
    'cms_releases',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
