import { type Kysely, sql } from 'kysely';

/**
 * Parsed content stored once, and remittances classified claim by claim. An 835's payments (transaction
 * sets) are kept in `remittances` (the payment without its claims; `payment_key` payer and TRN02 trace
 * number, `content_key` what tells two copies apart, `counted` false for a later copy of a payment) and
 * its claims (CLP loops) in `remit_claims`, found by CLP01, CLP07, REF*G1 and the course keys CLP01 may
 * name, so that an import re-classifies only the claims it touches. The other files' records are in
 * `import_records` (migration 0019): `imports.content` is emptied once a file's records are there.
 * `remit_payments` rows name the payment they were made from (`import_id`, `payment_no`); rows made
 * before have none, and the practice's next import classifies all its remittances once.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('remittances')
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('import_id', 'bigint', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('payment_no', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('payment_key', 'text')
    .addColumn('content_key', 'text', (c) => c.notNull())
    .addColumn('counted', 'boolean', (c) => c.notNull())
    .addColumn('remittance', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('remittances_pk', ['import_id', 'payment_no'])
    .execute();
  await sql`create index remittances_payment_key on remittances (practice_id, payment_key)`.execute(db);
  await db.schema
    .createTable('remit_claims')
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('import_id', 'bigint', (c) => c.notNull())
    .addColumn('payment_no', 'integer', (c) => c.notNull())
    .addColumn('claim_no', 'integer', (c) => c.notNull())
    .addColumn('pcn', 'text', (c) => c.notNull())
    .addColumn('control_number', 'text')
    .addColumn('authorization_key', 'text')
    .addColumn('course_keys', sql`text[]`, (c) => c.notNull())
    .addColumn('claim', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('remit_claims_pk', ['import_id', 'payment_no', 'claim_no'])
    .addForeignKeyConstraint(
      'remit_claims_remittance',
      ['import_id', 'payment_no'],
      'remittances',
      ['import_id', 'payment_no'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await sql`create index remit_claims_pcn on remit_claims (practice_id, pcn)`.execute(db);
  await sql`create index remit_claims_control on remit_claims (practice_id, control_number)`.execute(db);
  await sql`create index remit_claims_authorization on remit_claims (practice_id, authorization_key)`.execute(
    db,
  );
  await sql`create index remit_claims_course_keys on remit_claims using gin (course_keys)`.execute(db);
  await db.schema.alterTable('remit_payments').addColumn('import_id', 'bigint').execute();
  await db.schema.alterTable('remit_payments').addColumn('payment_no', 'integer').execute();
  await sql`create unique index remit_payments_remittance on remit_payments (import_id, payment_no)`.execute(
    db,
  );
  await sql`create index remit_lines_claim on remit_lines (practice_id, claim_pcn)`.execute(db);

  // The 835s imported so far, as import-files.ts stores a new one (remittance-store.ts).
  await sql`
    insert into remittances
      (practice_id, import_id, payment_no, source, payment_key, content_key, counted, remittance)
    select i.practice_id, i.id, cast(r.n - 1 as integer), r.item->>'source',
      case when r.item->'remittance'->>'traceNumber' is null then null else
        coalesce(r.item->'remittance'->'payer'->>'id', r.item->'remittance'->'payer'->>'name', '')
        || '|' || (r.item->'remittance'->>'traceNumber') end,
      (r.item->'remittance'->>'totalPaidCents') || '|' || coalesce(r.item->'remittance'->>'paymentDate', '')
        || '|' || coalesce((select string_agg((c.claim->>'patientControlNumber') || ':' || (c.claim->>'status')
          || ':' || (c.claim->>'paidCents'), ',' order by c.k)
          from jsonb_array_elements(r.item->'remittance'->'claims') with ordinality c(claim, k)), ''),
      false,
      (r.item->'remittance') - 'claims'
    from imports i
    cross join jsonb_array_elements(i.content->'remittances') with ordinality r(item, n)
    where i.format = 'x12-835' and i.content is not null`.execute(db);
  await sql`
    update remittances r set counted = true
    from (select import_id, payment_no, row_number() over (
        partition by practice_id, coalesce(payment_key, import_id || '/' || payment_no)
        order by import_id, payment_no) as k
      from remittances) f
    where f.import_id = r.import_id and f.payment_no = r.payment_no and f.k = 1`.execute(db);
  await sql`
    insert into remit_claims
      (practice_id, import_id, payment_no, claim_no, pcn, control_number, authorization_key, course_keys, claim)
    select i.practice_id, i.id, cast(r.n - 1 as integer), cast(c.k - 1 as integer),
      c.claim->>'patientControlNumber', c.claim->>'payerClaimControlNumber',
      nullif(upper(trim(c.claim->>'priorAuthorization')), ''),
      array(select array_to_string(p.parts[1:j], '-')
        from (select string_to_array(c.claim->>'patientControlNumber', '-') as parts) p,
          generate_series(1, cardinality(p.parts)) j),
      c.claim
    from imports i
    cross join jsonb_array_elements(i.content->'remittances') with ordinality r(item, n)
    cross join jsonb_array_elements(r.item->'remittance'->'claims') with ordinality c(claim, k)
    where i.format = 'x12-835' and i.content is not null`.execute(db);
  await sql`update imports set content = null where by_patient or format = 'x12-835'`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index remit_lines_claim`.execute(db);
  await sql`drop index remit_payments_remittance`.execute(db);
  await db.schema.alterTable('remit_payments').dropColumn('payment_no').execute();
  await db.schema.alterTable('remit_payments').dropColumn('import_id').execute();
  await db.schema.dropTable('remit_claims').execute();
  await db.schema.dropTable('remittances').execute();
}
