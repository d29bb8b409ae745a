import { type Kysely, sql } from 'kysely';

/**
 * The worklist's filters served from the fraction row (bench/README.md, EXPLAIN ANALYZE at a million
 * fractions): the course's payer (as shown: payer name, else payer profile) and physician, and the rule
 * ids of the fraction's non-informational findings, kept with the fraction where courses are saved
 * (course-store.ts, same transaction). A payer or physician filter reads its own index in the list's
 * order instead of scanning every course; a rule filter reads a GIN index (PostgreSQL manual §65.4,
 * "GIN Indexes": `@>` on arrays) instead of joining every finding. The access log keeps one row per
 * request with the patients it showed (HIPAA §164.312(b) audit controls record who saw which
 * patient; one row per request is written in one statement).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table fractions add column payer text, add column physician_id text,
    add column rule_ids text[] not null default '{}'`.execute(db);
  await sql`update fractions f set payer = coalesce(c.payer_name, c.payer_profile), physician_id = c.physician_id,
      rule_ids = coalesce((select array_agg(distinct fi.rule_id order by fi.rule_id) from findings fi
        where fi.fraction_id = f.id and fi.severity <> 'info'), '{}')
    from courses c where c.id = f.course_id`.execute(db);
  await sql`alter table fractions alter column payer set not null, alter column physician_id set not null`.execute(
    db,
  );
  await sql`create index fractions_payer_list on fractions (practice_id, payer, status, date_of_service)`.execute(
    db,
  );
  await sql`create index fractions_physician_list
    on fractions (practice_id, physician_id, status, date_of_service)`.execute(db);
  await sql`create index fractions_rule_ids on fractions using gin (rule_ids)`.execute(db);

  await sql`alter table access_log add column patient_ids text[] not null default '{}'`.execute(db);
  await sql`update access_log set patient_ids = array[patient_id] where patient_id is not null`.execute(db);
  await sql`alter table access_log drop column patient_id`.execute(db);
  await sql`create index access_log_patients on access_log using gin (patient_ids)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table access_log add column patient_id text`.execute(db);
  await sql`insert into access_log (at, practice_id, user_id, action, patient_id, route)
    select at, practice_id, user_id, action, unnest(patient_ids[2:]), route from access_log
    where cardinality(patient_ids) > 1`.execute(db);
  await sql`update access_log set patient_id = patient_ids[1] where patient_id is null`.execute(db);
  await sql`alter table access_log drop column patient_ids`.execute(db);
  await sql`create index access_log_patient on access_log (practice_id, patient_id)`.execute(db);
  for (const index of ['fractions_rule_ids', 'fractions_physician_list', 'fractions_payer_list']) {
    await db.schema.dropIndex(index).ifExists().execute();
  }
  await sql`alter table fractions drop column payer, drop column physician_id, drop column rule_ids`.execute(
    db,
  );
}
