import { type Kysely, sql } from 'kysely';

/**
 * The installation operator: a login's role `operator` (above a practice's admin) loads the CMS reference
 * releases every practice shares; a release records who loaded it (`imported_by`: the operator's user
 * id, null when loaded by `sgrt-billing reference import` on the server).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropConstraint('users_role').execute();
  await db.schema
    .alterTable('users')
    .addCheckConstraint('users_role', sql`role in ('admin','physician','coder','biller','viewer','operator')`)
    .execute();
  await db.schema.alterTable('cms_releases').addColumn('imported_by', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cms_releases').dropColumn('imported_by').execute();
  await db.schema.alterTable('users').dropConstraint('users_role').execute();
  await db.schema
    .alterTable('users')
    .addCheckConstraint('users_role', sql`role in ('admin','physician','coder','biller','viewer')`)
    .execute();
}
