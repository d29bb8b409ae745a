import { type Kysely, sql } from 'kysely';

/**
 * One contract rate per practice, payer, code, modifier and start date: the key the import and the
 * settings page replace a rate by. Without it two concurrent writes of the same rate (each deleting,
 * then inserting, in its own transaction) both inserted. Rows already repeated keep one (the greatest
 * id) before the unique index is built; writes are upserts on that key (`upsertContractRates`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    delete from contract_rates a
    using contract_rates b
    where a.practice_id = b.practice_id
      and a.payer = b.payer
      and a.code = b.code
      and a.modifier = b.modifier
      and a.effective_from = b.effective_from
      and a.id < b.id`.execute(db);
  await db.schema
    .createIndex('contract_rates_key')
    .on('contract_rates')
    .columns(['practice_id', 'payer', 'code', 'modifier', 'effective_from'])
    .unique()
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('contract_rates_key').execute();
}
