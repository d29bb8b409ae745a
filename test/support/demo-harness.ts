import { afterAll, beforeAll } from 'vitest';
import type { Actor } from '../../src/app/app-context.js';
import type { Engine } from '../../src/storage/database.js';
import { demoExportInstant, loadDemoPractice } from '../../src/app/setup/demo-practice.js';
import { openTestDatabase, type TestDatabase, type TestTemplate } from './db-harness.js';
import { testClock, testContext, type TestContext } from './test-context.js';

/** The demo practice loaded on an engine, at the demo clinic's export instant, with its logins. */
export interface DemoHarness {
  tdb: TestDatabase;
  t: TestContext;
  practiceId: string;
  /** The demo login of a role (a physician may be given another chart physician id to sign as). */
  actor: (role: Actor['role'], physicianId?: string | null) => Actor;
}

/**
 * Time for a file's hook to open the demo practice: it may wait for another file building the run's
 * template on a loaded 2-core machine.
 */
export const DEMO_HOOK_TIMEOUT_MS = 600_000;

/** The demo practice as `serve --demo` loads it, on the demo's clock stopped at the export instant. */
export const DEMO_PRACTICE: TestTemplate = {
  name: 'demo_practice',
  fill: async (opened) => {
    const t = await testContext(opened, testClock(demoExportInstant()));
    await loadDemoPractice(t.ctx);
  },
};

/** A database of its own with the demo practice (a copy of the run's DEMO_PRACTICE template). */
export async function openDemoPractice(engine: Engine): Promise<DemoHarness> {
  const tdb = await openTestDatabase(engine, DEMO_PRACTICE);
  const t = await testContext(tdb, testClock(demoExportInstant()));
  const { id: practiceId } = await t.ctx.db.selectFrom('practices').select('id').executeTakeFirstOrThrow();
  const rows = await t.ctx.db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('practice_id', '=', practiceId)
    .execute();
  const users = new Map(rows.map((r) => [r.role, r.id]));
  const actor = (role: Actor['role'], physicianId: string | null = null): Actor => ({
    userId: users.get(role)!,
    practiceId,
    role,
    displayName: `Demo ${role}`,
    physicianId,
  });
  return { tdb, t, practiceId, actor };
}

/**
 * The demo practice for a `describe` block: opened before its tests, closed after them. Read the fields
 * inside tests (they are set by the block's beforeAll).
 */
export function useDemoPractice(engine: Engine): DemoHarness {
  const demo = {} as DemoHarness;
  beforeAll(async () => {
    Object.assign(demo, await openDemoPractice(engine));
  }, DEMO_HOOK_TIMEOUT_MS);
  afterAll(() => demo.tdb.close());
  return demo;
}
