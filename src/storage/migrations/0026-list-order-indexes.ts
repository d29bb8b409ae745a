import { type Kysely, sql } from 'kysely';

/**
 * The worklist at a million fractions without sorting or scanning what the page does not show
 * (bench/README.md, "The lists at a million fractions", EXPLAIN ANALYZE on PostgreSQL 15):
 *
 * - The list orders end with the fraction's id (keyset pagination needs a total order), so each order's
 *   index ends with it too: the page is read in index order and the scan stops at the page, where an
 *   index without the id made PostgreSQL sort every fraction of the first day (an incremental sort,
 *   often in parallel workers whose start cost more than the query).
 * - Held fractions by rule: a GIN index of the held fractions' rule ids (PostgreSQL manual §65.4, GIN
 *   and `@>` on arrays; §11.8 partial indexes), instead of a BitmapAnd of every fraction with the rule
 *   and every held fraction.
 * - Payer and physician filters: statistics of the (status, payer) and (status, physician) pairs
 *   (PostgreSQL manual §14.2.2.3, multivariate MCV lists), so that a payer with no held fraction is
 *   known to have none, and its list is read from its own index instead of walking every held fraction.
 */
const ORDER_INDEXES = [
  ['fractions_practice_date', 'practice_id, date_of_service'],
  ['fractions_worklist', 'practice_id, status, date_of_service'],
  ['fractions_deadline', 'practice_id, status, signature_deadline'],
] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, columns] of ORDER_INDEXES) await recreate(db, name, `${columns}, id`);
  await sql`create index fractions_held_rule_ids on fractions using gin (rule_ids) where status = 'hold'`.execute(
    db,
  );
  await sql`create statistics fractions_status_payer (mcv) on status, payer from fractions`.execute(db);
  await sql`create statistics fractions_status_physician (mcv) on status, physician_id from fractions`.execute(
    db,
  );
  await sql`analyze fractions`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop statistics if exists fractions_status_physician`.execute(db);
  await sql`drop statistics if exists fractions_status_payer`.execute(db);
  await sql`drop index if exists fractions_held_rule_ids`.execute(db);
  for (const [name, columns] of ORDER_INDEXES) await recreate(db, name, columns);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
async function recreate(db: Kysely<any>, name: string, columns: string): Promise<void> {
  await sql`drop index if exists ${sql.id(name)}`.execute(db);
  await sql`create index ${sql.id(name)} on fractions (${sql.raw(columns)})`.execute(db);
}
