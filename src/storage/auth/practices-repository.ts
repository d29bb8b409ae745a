import type { Db } from '../database.js';

/** Whether any practice exists (`serve --demo` loads the demo practice into an empty database). */
export async function anyPractice(db: Db): Promise<boolean> {
  const row = await db.selectFrom('practices').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}
