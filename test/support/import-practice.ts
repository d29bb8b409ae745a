import type { Actor } from '../../src/app/app-context.js';
import { createUser } from '../../src/app/auth/create-user.js';
import { createPractice } from '../../src/app/setup/create-practice.js';
import { demoUploads } from '../../src/app/setup/demo-uploads.js';
import type { Db, Engine } from '../../src/storage/database.js';
import { openTestDatabase, type TestDatabase } from './db-harness.js';
import { testContext, type TestContext } from './test-context.js';

/** A practice with a coder login on a test database, the clock at a small demo clinic's export day. */
export async function importPractice(
  engine: Engine,
  name: string,
): Promise<{
  tdb: TestDatabase;
  t: TestContext;
  actor: Actor;
  files: { name: string; bytes: Uint8Array }[];
}> {
  const tdb = await openTestDatabase(engine);
  const demo = await demoUploads({ patients: 2, days: 2, seed: 9 });
  const t = await testContext(tdb, undefined);
  t.clock.set(demo.generated.clinic.options.now);
  const practiceId = await createPractice(t.ctx, { name, clinic: demo.clinic });
  const key = name.toLowerCase();
  const user = await createUser(t.ctx, {
    practiceId,
    email: `coder@${key}.test`,
    password: `${key}-test-password`,
    displayName: 'Coder',
    role: 'coder',
  });
  const actor: Actor = {
    userId: user.id,
    practiceId,
    role: 'coder',
    displayName: 'Coder',
    physicianId: null,
  };
  return { tdb, t, actor, files: demo.files };
}

/** Rows of the upload tables (jobs, files, chunks): what an upload left behind. */
export async function uploadRows(db: Db): Promise<number[]> {
  const counts = [];
  for (const table of ['jobs', 'upload_files', 'upload_chunks'] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    counts.push(Number(row.n));
  }
  return counts;
}
