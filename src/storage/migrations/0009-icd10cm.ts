import type { Kysely } from 'kysely';

/**
 * ICD-10-CM code files (CMS/NCHS, one release per fiscal year and its April 1 update): public data shared
 * by every practice, like the other CMS tables of 0005. The release is a `cms_releases` row of kind
 * `icd10cm` (`ICD10CM-FY2026`, `ICD10CM-FY2026-0401`); its codes are stored without the dot, with the
 * order file's valid/header flag and the long description. Re-importing a release replaces its codes.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cms_icd10cm_codes')
    .addColumn('release_id', 'text', (c) => c.notNull().references('cms_releases.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('billable', 'boolean', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cms_icd10cm_codes_pk', ['release_id', 'code'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('cms_icd10cm_codes').ifExists().execute();
}
