import { type Kysely, sql } from 'kysely';

/**
 * Who may sign besides a course's physician: covering physicians the practice designates, for one course
 * or for a treating physician over a range of facility dates (core/audit/signer-capacity.ts), each with
 * the login that made it (a user id, or `cli` for the command line on the server) and when. Signatures keep the capacity in which they were made.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cover_designations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('covering_physician_id', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('course_id', 'text', (c) => c.references('courses.id').onDelete('cascade'))
    .addColumn('for_physician_id', 'text')
    .addColumn('from_date', 'date')
    .addColumn('to_date', 'date')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'cover_designations_scope',
      sql`(scope = 'course' and course_id is not null)
        or (scope = 'dates' and for_physician_id is not null and from_date is not null and to_date >= from_date)`,
    )
    .execute();
  await db.schema
    .createIndex('cover_designations_practice')
    .on('cover_designations')
    .column('practice_id')
    .execute();
  await db.schema
    .alterTable('signatures')
    .addColumn('signer_capacity', 'text', (c) =>
      c.check(sql`signer_capacity in ('treating','covering','undesignated')`),
    )
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('signatures').dropColumn('signer_capacity').execute();
  await db.schema.dropTable('cover_designations').execute();
}
