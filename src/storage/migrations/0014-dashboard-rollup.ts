import { type Kysely, sql } from 'kysely';

/**
 * The dashboard's per-day counts, kept by the database in the same transaction as the rows they count
 * (statement triggers with transition tables, PostgreSQL manual §43.10 "Trigger Functions", example
 * 43.7, on PGlite too): `fraction_days` counts fractions by date of service and status; `charge_days`
 * counts the charges that are not void by the fraction's date of service and status and the code, with
 * their expected cents and the lines without a rate; `hold_reason_days` counts, per date of service and
 * rule holding a fraction (FractionAudit.reasons), the held fractions and their charges. A 30-day dashboard then reads a few hundred rows
 * instead of joining every charge (a parallel sequential scan of 1.88M charges at a million fractions).
 *
 * A fraction's delete subtracts its charges before the foreign key cascades them away; by then the
 * charges' trigger no longer finds the fraction, so nothing is subtracted twice. A change that leaves a
 * group's counts as they were (an import saving the same statuses again) touches no rollup row. Rows are
 * upserted in key order, so two transactions never wait on each other's rows crosswise.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`create table fraction_days (
      practice_id text not null references practices(id),
      date_of_service date not null,
      status text not null,
      fractions integer not null,
      primary key (practice_id, date_of_service, status)
    )`,
    sql`create table charge_days (
      practice_id text not null references practices(id),
      date_of_service date not null,
      fraction_status text not null,
      code text not null,
      charges integer not null,
      cents bigint not null,
      without_rate integer not null,
      primary key (practice_id, date_of_service, fraction_status, code)
    )`,
    sql`create table hold_reason_days (
      practice_id text not null references practices(id),
      date_of_service date not null,
      rule_id text not null,
      fractions integer not null,
      cents bigint not null,
      without_rate integer not null,
      primary key (practice_id, date_of_service, rule_id)
    )`,
    sql`create function fractions_rollup() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        ${addFractions(sql`select practice_id, date_of_service, status, 1 as n from new_rows`)}
        ${addReasons(
          heldReasons(
            sql`select id, practice_id, date_of_service, status, audit -> 'reasons' as reasons
          from new_rows`,
            1,
          ),
        )}
      elsif tg_op = 'DELETE' then
        ${addFractions(sql`select practice_id, date_of_service, status, -1 as n from old_rows`)}
      else
        ${addFractions(sql`select practice_id, date_of_service, status, 1 as n from (${moved('n')}) m
          union all select practice_id, date_of_service, status, -1 from (${moved('o')}) m`)}
        ${addCharges(sql`select m.practice_id, m.date_of_service, m.status, c.code, c.expected_cents, 1 as n
          from (${moved('n')}) m join charges c on c.fraction_id = m.id and c.status <> 'void'
          union all select m.practice_id, m.date_of_service, m.status, c.code, c.expected_cents, -1
          from (${moved('o')}) m join charges c on c.fraction_id = m.id and c.status <> 'void'`)}
        ${addReasons(sql`${heldReasons(moved('n'), 1)} union all ${heldReasons(moved('o'), -1)}`)}
      end if;
      return null;
    end $$`,
    sql`create function fraction_delete_rollup() returns trigger language plpgsql as $$
    begin
      ${addCharges(sql`select old.practice_id, old.date_of_service, old.status, c.code, c.expected_cents, -1 as n
        from charges c where c.fraction_id = old.id and c.status <> 'void'`)}
      ${addReasons(
        heldReasons(
          sql`select old.id, old.practice_id, old.date_of_service, old.status,
        old.audit -> 'reasons' as reasons`,
          -1,
        ),
      )}
      return old;
    end $$`,
    sql`create function charges_rollup() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        ${addCharges(chargeRows('new_rows', 1))}
        ${addReasons(chargeReasons('new_rows', 1))}
      elsif tg_op = 'DELETE' then
        ${addCharges(chargeRows('old_rows', -1))}
        ${addReasons(chargeReasons('old_rows', -1))}
      else
        ${addCharges(sql`${chargeRows('new_rows', 1)} union all ${chargeRows('old_rows', -1)}`)}
        ${addReasons(sql`${chargeReasons('new_rows', 1)} union all ${chargeReasons('old_rows', -1)}`)}
      end if;
      return null;
    end $$`,
    // Transition tables exist only for the event a trigger names: one trigger per event.
    ...(['insert', 'update', 'delete'] as const).flatMap((event) => [
      sql`create trigger ${sql.raw(`fractions_rollup_${event}`)} after ${sql.raw(event)} on fractions
        ${transitionTables(event)} for each statement execute function fractions_rollup()`,
      sql`create trigger ${sql.raw(`charges_rollup_${event}`)} after ${sql.raw(event)} on charges
        ${transitionTables(event)} for each statement execute function charges_rollup()`,
    ]),
    sql`create trigger fraction_delete_rollup before delete on fractions
      for each row execute function fraction_delete_rollup()`,
    // The rows already stored.
    sql`insert into fraction_days (practice_id, date_of_service, status, fractions)
    select practice_id, date_of_service, status, count(*) from fractions group by 1, 2, 3`,
    sql`insert into charge_days (practice_id, date_of_service, fraction_status, code, charges, cents, without_rate)
    select f.practice_id, f.date_of_service, f.status, c.code, count(*), coalesce(sum(c.expected_cents), 0),
      count(*) filter (where c.expected_cents is null)
    from charges c join fractions f on f.id = c.fraction_id where c.status <> 'void' group by 1, 2, 3, 4`,
    addReasons(
      heldReasons(
        sql`select id, practice_id, date_of_service, status, audit -> 'reasons' as reasons from fractions`,
        1,
      ),
    ),
  ];
  for (const statement of statements) await statement.execute(db);
}

function transitionTables(event: 'insert' | 'update' | 'delete') {
  return sql.raw(
    event === 'insert'
      ? 'referencing new table as new_rows'
      : event === 'delete'
        ? 'referencing old table as old_rows'
        : 'referencing old table as old_rows new table as new_rows',
  );
}

/**
 * Fractions whose date, status or hold reasons an UPDATE changed, as they are now (`n`) or were before
 * (`o`): id, practice_id, date_of_service, status, reasons.
 */
function moved(side: 'n' | 'o') {
  const f = sql.raw(side);
  return sql`select ${f}.id, ${f}.practice_id, ${f}.date_of_service, ${f}.status, ${f}.audit -> 'reasons' as reasons
    from new_rows n join old_rows o on o.id = n.id
    where (n.date_of_service, n.status, n.audit -> 'reasons')
      is distinct from (o.date_of_service, o.status, o.audit -> 'reasons')`;
}

/**
 * Adds signed (practice_id, date_of_service, rule_id, fractions, cents, without_rate) to
 * hold_reason_days: per day and rule holding a fraction (FractionAudit.reasons), the held fractions
 * and their charges that are not void.
 */
function addReasons(rows: ReturnType<typeof sql>) {
  return sql`insert into hold_reason_days as d (practice_id, date_of_service, rule_id, fractions, cents, without_rate)
    select practice_id, date_of_service, rule_id, sum(fractions), sum(cents), sum(without_rate)
    from (${rows}) x (practice_id, date_of_service, rule_id, fractions, cents, without_rate)
    group by 1, 2, 3 having sum(fractions) <> 0 or sum(cents) <> 0 or sum(without_rate) <> 0
    order by 1, 2, 3
    on conflict (practice_id, date_of_service, rule_id) do update set fractions = d.fractions + excluded.fractions,
      cents = d.cents + excluded.cents, without_rate = d.without_rate + excluded.without_rate;`;
}

/** Each held fraction of `fractions` (id, practice_id, date_of_service, status, reasons) once per reason. */
function heldReasons(fractions: ReturnType<typeof sql>, n: 1 | -1) {
  return sql`select h.practice_id, h.date_of_service, r.rule_id, ${sql.lit(n)},
      ${sql.lit(n)} * coalesce(ch.cents, 0), ${sql.lit(n)} * coalesce(ch.without_rate, 0)
    from (${fractions}) h
    cross join lateral (select distinct jsonb_array_elements_text(h.reasons) as rule_id) r
    left join lateral (select sum(c.expected_cents) as cents,
        count(*) filter (where c.expected_cents is null) as without_rate
      from charges c where c.fraction_id = h.id and c.status <> 'void') ch on true
    where h.status = 'hold'`;
}

/** The charges of a transition table that are not void, on a held fraction, once per hold reason, signed. */
function chargeReasons(table: 'new_rows' | 'old_rows', n: 1 | -1) {
  return sql`select f.practice_id, f.date_of_service, r.rule_id, 0, ${sql.lit(n)} * coalesce(c.expected_cents, 0),
      case when c.expected_cents is null then ${sql.lit(n)} else 0 end
    from ${sql.raw(table)} c join fractions f on f.id = c.fraction_id and f.status = 'hold'
    cross join lateral (select distinct jsonb_array_elements_text(f.audit -> 'reasons') as rule_id) r
    where c.status <> 'void'`;
}

/** Adds signed counts (practice_id, date_of_service, status, n) to fraction_days. */
function addFractions(rows: ReturnType<typeof sql>) {
  return sql`insert into fraction_days as d (practice_id, date_of_service, status, fractions)
    select practice_id, date_of_service, status, sum(n) from (${rows}) x
    group by 1, 2, 3 having sum(n) <> 0 order by 1, 2, 3
    on conflict (practice_id, date_of_service, status) do update set fractions = d.fractions + excluded.fractions;`;
}

/** Adds signed charges (practice_id, date_of_service, status, code, expected_cents, n) to charge_days. */
function addCharges(rows: ReturnType<typeof sql>) {
  return sql`insert into charge_days as d
      (practice_id, date_of_service, fraction_status, code, charges, cents, without_rate)
    select x.practice_id, x.date_of_service, x.status, x.code, sum(x.n), coalesce(sum(x.n * x.expected_cents), 0),
      coalesce(sum(x.n) filter (where x.expected_cents is null), 0)
    from (${rows}) x (practice_id, date_of_service, status, code, expected_cents, n)
    group by 1, 2, 3, 4
    having sum(x.n) <> 0 or coalesce(sum(x.n * x.expected_cents), 0) <> 0
      or coalesce(sum(x.n) filter (where x.expected_cents is null), 0) <> 0
    order by 1, 2, 3, 4
    on conflict (practice_id, date_of_service, fraction_status, code) do update set
      charges = d.charges + excluded.charges, cents = d.cents + excluded.cents,
      without_rate = d.without_rate + excluded.without_rate;`;
}

/** The charges of a transition table that are not void, with their fraction's date and status, signed. */
function chargeRows(table: 'new_rows' | 'old_rows', n: 1 | -1) {
  return sql`select f.practice_id, f.date_of_service, f.status, c.code, c.expected_cents, ${sql.lit(n)}
    from ${sql.raw(table)} c join fractions f on f.id = c.fraction_id where c.status <> 'void'`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['fractions', 'charges']) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql`drop trigger ${sql.raw(`${table}_rollup_${event}`)} on ${sql.raw(table)}`.execute(db);
    }
  }
  await sql`drop trigger fraction_delete_rollup on fractions`.execute(db);
  for (const fn of ['fractions_rollup', 'fraction_delete_rollup', 'charges_rollup']) {
    await sql`drop function ${sql.raw(fn)}()`.execute(db);
  }
  await db.schema.dropTable('hold_reason_days').execute();
  await db.schema.dropTable('charge_days').execute();
  await db.schema.dropTable('fraction_days').execute();
}
