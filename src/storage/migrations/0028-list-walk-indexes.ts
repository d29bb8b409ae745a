import { type Kysely, sql } from 'kysely';

/**
 * Two lists at a million fractions that still read every row (bench/README.md, "The lists at a million
 * fractions", EXPLAIN ANALYZE on PostgreSQL 15), each made an index walk in the list's order that stops
 * at the page (PostgreSQL manual §11.4 "Indexes and ORDER BY"):
 *
 * - Worklist by patient: the patients in the list's order (name, none first as '', then MRN; the MRN is
 *   unique in a practice, so each patient is one run of the order and their fractions follow by id),
 *   where every fraction was joined to its patient and sorted.
 * - Remittance lines no charge matches: a partial index of those lines in the list's order (§11.8
 *   partial indexes), where every line was read to find the few without a charge.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index patients_list_order on patients (practice_id, (coalesce(name, '')), mrn)`.execute(
    db,
  );
  await sql`create index remit_lines_unmatched_page on remit_lines
    (practice_id, (queue is null), payment_date desc, claim_pcn, line_no) where charge_id is null`.execute(
    db,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists remit_lines_unmatched_page`.execute(db);
  await sql`drop index if exists patients_list_order`.execute(db);
}
