import { type Kysely, sql } from 'kysely';

/**
 * Indexes for the worklists at a million fractions (bench/app-latency.ts, EXPLAIN ANALYZE on PostgreSQL
 * 15): the course view looks documents up by fraction; the holds worklist pages by deadline; a rule
 * filter looks findings up by rule; the dashboard reads one period of dates. `documents.signed` marks a
 * document that has a signature, so "signatures due" reads a small partial index instead of
 * anti-joining every signature.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('documents_fraction').on('documents').column('fraction_id').execute();
  await db.schema
    .createIndex('fractions_deadline')
    .on('fractions')
    .columns(['practice_id', 'status', 'signature_deadline'])
    .execute();
  await db.schema
    .createIndex('fractions_practice_date')
    .on('fractions')
    .columns(['practice_id', 'date_of_service'])
    .execute();
  await db.schema
    .createIndex('findings_rule_fraction')
    .on('findings')
    .columns(['practice_id', 'rule_id', 'fraction_id'])
    .where(sql.ref('severity'), '<>', 'info')
    .execute();
  await db.schema
    .alterTable('documents')
    .addColumn('signed', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await sql`update documents d set signed = true where exists (select 1 from signatures s where s.document_id = d.id)`.execute(
    db,
  );
  await db.schema
    .createIndex('documents_unsigned')
    .on('documents')
    .columns(['practice_id', 'fraction_id'])
    .where(sql.raw<boolean>("not signed and kind in ('sgrt-record', 'igrt-review')"))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    'documents_unsigned',
    'findings_rule_fraction',
    'fractions_practice_date',
    'fractions_deadline',
    'documents_fraction',
  ]) {
    await db.schema.dropIndex(index).ifExists().execute();
  }
  await db.schema.alterTable('documents').dropColumn('signed').execute();
}
