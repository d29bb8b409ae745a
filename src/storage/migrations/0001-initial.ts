import { type Kysely, sql } from 'kysely';

/**
 * The first schema. Times follow architecture.md "Time": instants are `timestamptz`, facility wall-clock
 * readings are text `YYYY-MM-DDTHH:mm:ss` read in the practice's zone, dates of service are `date`.
 * Money is integer cents in `bigint`. Every patient-data table carries `practice_id` (tenancy): every
 * query of a repository filters on it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('practices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('clinic', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('physician_id', 'text')
    .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('users_role', sql`role in ('admin','physician','coder','biller','viewer')`)
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_key').on('login_attempts').columns(['key', 'at']).execute();

  await db.schema
    .createTable('patients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('mrn', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('birth_date', 'date')
    .addUniqueConstraint('patients_mrn', ['practice_id', 'mrn'])
    .execute();

  await db.schema
    .createTable('courses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('course_key', 'text', (c) => c.notNull())
    .addColumn('physician_id', 'text', (c) => c.notNull())
    .addColumn('payer_profile', 'text', (c) => c.notNull())
    .addColumn('payer_name', 'text')
    .addColumn('site', 'text', (c) => c.notNull())
    .addColumn('header', 'jsonb', (c) => c.notNull())
    .addColumn('document', 'jsonb')
    .addColumn('audit', 'jsonb')
    .addColumn('next_beam_on', 'timestamptz')
    .addColumn('audited_at', 'timestamptz')
    .addUniqueConstraint('courses_key', ['practice_id', 'course_key'])
    .execute();
  await db.schema.createIndex('courses_patient').on('courses').column('patient_id').execute();

  await db.schema
    .createTable('fractions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('fraction_key', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('date_of_service', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('first_beam_on', 'timestamptz')
    .addColumn('signature_deadline', 'timestamptz')
    .addColumn('audit', 'jsonb', (c) => c.notNull())
    .addUniqueConstraint('fractions_key', ['course_id', 'fraction_key'])
    .addCheckConstraint('fractions_status', sql`status in ('ready','downgrade','hold')`)
    .execute();
  await db.schema
    .createIndex('fractions_worklist')
    .on('fractions')
    .columns(['practice_id', 'status', 'date_of_service'])
    .execute();
  await db.schema.createIndex('fractions_course').on('fractions').columns(['course_id', 'number']).execute();

  await db.schema
    .createTable('beams')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('fraction_id', 'text', (c) => c.notNull().references('fractions.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('beam_on', 'text', (c) => c.notNull())
    .addColumn('beam_off', 'text', (c) => c.notNull())
    .addColumn('radiation_type', 'text')
    .execute();
  await db.schema.createIndex('beams_fraction').on('beams').column('fraction_id').execute();

  await db.schema
    .createTable('monitoring_sessions')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('fraction_id', 'text', (c) => c.notNull().references('fractions.id').onDelete('cascade'))
    .addColumn('session_key', 'text', (c) => c.notNull())
    .addColumn('system', 'text', (c) => c.notNull())
    .addColumn('start_local', 'text', (c) => c.notNull())
    .addColumn('end_local', 'text', (c) => c.notNull())
    .addColumn('gating_active', 'boolean', (c) => c.notNull())
    .addColumn('thresholds', 'jsonb')
    .addColumn('gaps', 'jsonb', (c) => c.notNull())
    .addColumn('excursions', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('monitoring_fraction')
    .on('monitoring_sessions')
    .column('fraction_id')
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('fraction_id', 'text', (c) => c.references('fractions.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('document_key', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'documents_kind',
      sql`kind in ('motion-management-order','image-guidance-order','necessity','sgrt-record','igrt-review')`,
    )
    .addUniqueConstraint('documents_key', ['course_id', 'kind', 'document_key'])
    .execute();

  await db.schema
    .createTable('signatures')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('signer_id', 'text', (c) => c.notNull())
    .addColumn('signer_role', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('signatures_document').on('signatures').column('document_id').execute();

  await db.schema
    .createTable('charges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('fraction_id', 'text', (c) => c.notNull().references('fractions.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('modifiers', 'text', (c) => c.notNull())
    .addColumn('units', 'integer', (c) => c.notNull())
    .addColumn('expected_cents', 'bigint')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('charges_line', ['fraction_id', 'code', 'modifiers'])
    .addCheckConstraint('charges_status', sql`status in ('hold','ready','manual-hold','released','void')`)
    .execute();
  await db.schema.createIndex('charges_worklist').on('charges').columns(['practice_id', 'status']).execute();

  await db.schema
    .createTable('charge_status_history')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('charge_id', 'text', (c) => c.notNull().references('charges.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('charge_history_charge')
    .on('charge_status_history')
    .column('charge_id')
    .execute();

  await db.schema
    .createTable('findings')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('fraction_id', 'text', (c) => c.references('fractions.id').onDelete('cascade'))
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('evidence', 'jsonb')
    .addColumn('fix', 'text')
    .execute();
  await db.schema.createIndex('findings_rule').on('findings').columns(['practice_id', 'rule_id']).execute();
  await db.schema.createIndex('findings_fraction').on('findings').column('fraction_id').execute();
  await db.schema.createIndex('findings_course').on('findings').column('course_id').execute();

  await db.schema
    .createTable('authorizations')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('payer', 'text')
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('codes', 'text', (c) => c.notNull())
    .addColumn('fractions_authorized', 'integer')
    .addColumn('obtained_on', 'date')
    .addColumn('valid_from', 'date')
    .addColumn('valid_to', 'date')
    .addUniqueConstraint('authorizations_number', ['practice_id', 'patient_id', 'number'])
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('progress', 'jsonb')
    .addColumn('result', 'jsonb')
    .addColumn('error', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'timestamptz')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('jobs_status', sql`status in ('queued','running','done','failed')`)
    .execute();
  await db.schema.createIndex('jobs_claim').on('jobs').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('upload_files')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('records', 'integer', (c) => c.notNull())
    .addColumn('problems', 'jsonb', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c)
    .addColumn('job_id', 'text', (c) => c.references('jobs.id').onDelete('set null'))
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('imports_hash', ['practice_id', 'file_hash'])
    .execute();

  await db.schema
    .createTable('access_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('practice_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text')
    .addColumn('route', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('access_log_patient')
    .on('access_log')
    .columns(['practice_id', 'patient_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'access_log',
    'imports',
    'upload_files',
    'jobs',
    'authorizations',
    'findings',
    'charge_status_history',
    'charges',
    'signatures',
    'documents',
    'monitoring_sessions',
    'beams',
    'fractions',
    'courses',
    'patients',
    'login_attempts',
    'sessions',
    'users',
    'practices',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
