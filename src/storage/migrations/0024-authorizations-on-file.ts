import { type Kysely, sql } from 'kysely';

/**
 * Authorizations on file whatever the patient: an authorization export may name a patient the practice
 * has no course for yet, and the payer's 835 still carries its number (2300 REF*G1), so it is kept with
 * the patient's MRN as exported (`patient_id` set once the patient is known) and found by its number,
 * compared trimmed and case-insensitively as `authorizationKey` does.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('authorizations').addColumn('patient_mrn', 'text').execute();
  await sql`update authorizations a set patient_mrn = p.mrn from patients p where p.id = a.patient_id`.execute(
    db,
  );
  await sql`alter table authorizations alter column patient_mrn set not null`.execute(db);
  await sql`alter table authorizations alter column patient_id drop not null`.execute(db);
  await sql`create index authorizations_number_key on authorizations (practice_id, upper(trim(number)))`.execute(
    db,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index authorizations_number_key`.execute(db);
  await sql`delete from authorizations where patient_id is null`.execute(db);
  await sql`alter table authorizations alter column patient_id set not null`.execute(db);
  await db.schema.alterTable('authorizations').dropColumn('patient_mrn').execute();
}
