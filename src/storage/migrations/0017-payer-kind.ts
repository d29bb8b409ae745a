import { type Kysely, sql } from 'kysely';

/**
 * What kind of payer a practice's payer is (`medicare`, `medicare-advantage`, `other`; null: by its
 * profile and claim filing indicator), since neither a plan's name nor CLP06 `HM` tells a Medicare
 * Advantage plan (60-day reconsideration, CMS Part C) from a commercial HMO. The appeal window
 * becomes optional: null means the payer's kind decides, a number is the practice's own window.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('payer_settings')
    .addColumn('payer_kind', 'text', (c) =>
      c.check(sql`payer_kind in ('medicare', 'medicare-advantage', 'other')`),
    )
    .execute();
  await db.schema
    .alterTable('payer_settings')
    .alterColumn('appeal_days', (c) => c.dropNotNull())
    .execute();
  await db.schema
    .alterTable('payer_settings')
    .alterColumn('appeal_days', (c) => c.dropDefault())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`update payer_settings set appeal_days = 180 where appeal_days is null`.execute(db);
  await db.schema
    .alterTable('payer_settings')
    .alterColumn('appeal_days', (c) => c.setDefault(180))
    .execute();
  await db.schema
    .alterTable('payer_settings')
    .alterColumn('appeal_days', (c) => c.setNotNull())
    .execute();
  await db.schema.alterTable('payer_settings').dropColumn('payer_kind').execute();
}
