import { type Kysely, sql } from 'kysely';

/**
 * Indexes that give "signatures due" in its order (bench/app-latency.ts, EXPLAIN ANALYZE on PostgreSQL
 * 15 at a million fractions): courses by next beam-on (of the practice, or of one physician), and each
 * course's unsigned SGRT records and IGRT reviews, so a page is read from the front of the list
 * instead of sorting every unsigned document of the practice.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('documents_unsigned_course')
    .on('documents')
    .column('course_id')
    .where(sql.raw<boolean>("not signed and kind in ('sgrt-record', 'igrt-review')"))
    .execute();
  await db.schema
    .createIndex('courses_next_beam_on')
    .on('courses')
    .columns(['practice_id', 'next_beam_on'])
    .execute();
  await db.schema
    .createIndex('courses_physician_next_beam_on')
    .on('courses')
    .columns(['practice_id', 'physician_id', 'next_beam_on'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    'courses_physician_next_beam_on',
    'courses_next_beam_on',
    'documents_unsigned_course',
  ]) {
    await db.schema.dropIndex(index).ifExists().execute();
  }
}
