import { type Kysely, sql } from 'kysely';

/**
 * The lists at a million fractions that no index served (bench/README.md, "Every list query at 1M",
 * EXPLAIN ANALYZE on PostgreSQL 15), each made an index-order scan that stops at the page:
 *
 * - Worklist by signature deadline without a status filter: an index on (practice, deadline, id), the
 *   order of the list (ascending, fractions without a deadline last, PostgreSQL manual §11.4 "Indexes and
 *   ORDER BY"), where a sort of every fraction was needed.
 * - Worklist by amount at risk: `fractions.at_risk_cents`, the sum of the known expected amounts of the
 *   fraction's charges that are not void (what `money-total.ts` KNOWN_CENTS adds), kept by statement
 *   triggers on charges in the same transaction as every charge write (PostgreSQL manual §43.10, transition
 *   tables, as in 0014-dashboard-rollup.ts), with an index on (practice, at_risk_cents, id): the list
 *   read a charges subquery for every fraction and sorted them all.
 * - Patient search by any part of a name, MRN or course id: trigram GIN indexes (PostgreSQL manual
 *   F.35 pg_trgm, "Index Support": `LIKE`/`ILIKE` with `%` at both ends; PGlite loads the same extension,
 *   `database.ts`), where every patient's name and MRN was read.
 * - Payer and physician choices of the worklist filters: indexes on the course's payer as shown (payer
 *   name, else profile) and physician, read by a skip scan (one index probe per distinct value,
 *   worklist-choices.ts) instead of a scan of every course.
 * - Remittance lines and claims by page: indexes in each list's order (remit-lines.ts, claim-versions.ts).
 */
const AT_RISK = sql`(select coalesce(sum(c.expected_cents), 0) from charges c
  where c.fraction_id = f.id and c.status <> 'void')`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`create index fractions_practice_deadline on fractions (practice_id, signature_deadline, id)`,

    sql`alter table fractions add column at_risk_cents bigint not null default 0`,
    sql`create function fractions_at_risk() returns trigger language plpgsql as $$
    begin
      update fractions f set at_risk_cents = ${AT_RISK}
      where f.id in (select fraction_id from changed_rows) and f.at_risk_cents <> ${AT_RISK};
      return null;
    end $$`,
    sql`create function fractions_at_risk_moved() returns trigger language plpgsql as $$
    begin
      update fractions f set at_risk_cents = ${AT_RISK}
      where f.id in (select fraction_id from new_rows union select fraction_id from old_rows)
        and f.at_risk_cents <> ${AT_RISK};
      return null;
    end $$`,
    // Transition tables exist only for the event a trigger names: one trigger per event.
    sql`create trigger charges_at_risk_insert after insert on charges
      referencing new table as changed_rows for each statement execute function fractions_at_risk()`,
    sql`create trigger charges_at_risk_delete after delete on charges
      referencing old table as changed_rows for each statement execute function fractions_at_risk()`,
    sql`create trigger charges_at_risk_update after update on charges
      referencing old table as old_rows new table as new_rows for each statement
      execute function fractions_at_risk_moved()`,
    sql`update fractions f set at_risk_cents = ${AT_RISK} where ${AT_RISK} <> 0`,
    sql`create index fractions_at_risk on fractions (practice_id, at_risk_cents, id)`,

    sql`create extension if not exists pg_trgm`,
    sql`create index patients_name_trigrams on patients using gin (name gin_trgm_ops)`,
    sql`create index patients_mrn_trigrams on patients using gin (mrn gin_trgm_ops)`,
    sql`create index courses_key_trigrams on courses using gin (course_key gin_trgm_ops)`,

    sql`create index courses_payer_choice on courses (practice_id, (coalesce(payer_name, payer_profile)))`,
    sql`create index courses_physician_choice on courses (practice_id, physician_id)`,

    sql`create index remit_lines_page on remit_lines
      (practice_id, (queue is null), payment_date desc, claim_pcn, line_no)`,
    sql`create index remit_lines_queue_page on remit_lines
      (practice_id, queue, appeal_by, payment_date desc, claim_pcn, line_no)`,
    sql`create index claim_versions_originals on claim_versions (practice_id, created_at desc, claim_pcn)
      where kind = 'original'`,
    sql`analyze fractions`,
  ];
  for (const statement of statements) await statement.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    'claim_versions_originals',
    'remit_lines_queue_page',
    'remit_lines_page',
    'courses_physician_choice',
    'courses_payer_choice',
    'courses_key_trigrams',
    'patients_mrn_trigrams',
    'patients_name_trigrams',
    'fractions_at_risk',
    'fractions_practice_deadline',
  ]) {
    await sql`drop index if exists ${sql.id(index)}`.execute(db);
  }
  for (const event of ['insert', 'update', 'delete']) {
    await sql`drop trigger if exists ${sql.id(`charges_at_risk_${event}`)} on charges`.execute(db);
  }
  await sql`drop function if exists fractions_at_risk_moved()`.execute(db);
  await sql`drop function if exists fractions_at_risk()`.execute(db);
  await sql`alter table fractions drop column at_risk_cents`.execute(db);
}
