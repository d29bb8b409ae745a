import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface WrittenNecessity {
  id: string;
  text: string;
}

/** The latest medical-necessity statement a physician wrote in the app for a course (chart course id). */
export async function writtenNecessity(
  db: Kysely<Database>,
  practiceId: string,
  courseKey: string,
): Promise<WrittenNecessity | null> {
  const row = await db
    .selectFrom('written_documents')
    .select(['id', 'text'])
    .where('practice_id', '=', practiceId)
    .where('course_key', '=', courseKey)
    .where('kind', '=', 'necessity')
    .orderBy('written_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}
