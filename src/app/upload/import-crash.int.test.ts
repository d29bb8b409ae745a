import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { testClock, testContext } from '../../../test/support/test-context.js';
import { createUser } from '../auth/create-user.js';
import { runOneJob } from '../jobs/worker.js';
import { createPractice } from '../setup/create-practice.js';
import { demoUploads } from '../setup/demo-uploads.js';
import { enqueueImport, getImport } from './import-jobs.js';

const ENABLED = (process.env.DB_ENGINES ?? 'pglite,postgres').includes('postgres');

/**
 * Issue #4: "a failure mid-import leaves no partial rows (a test kills the process mid-import and
 * checks)". A worker process is killed with SIGKILL while it stores the import (three courses written,
 * not committed); nothing of it is visible, and the job is claimed again once its lease runs out and
 * then completes. PostgreSQL only: the worker is a second process on the same database.
 */
describe.runIf(ENABLED)('an import killed mid-transaction', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase('postgres');
  });
  afterAll(() => tdb.close());

  it('leaves no partial rows and is retried to completion', async () => {
    const { generated, files, clinic } = await demoUploads({ patients: 8, days: 5, seed: 4 });
    const clock = testClock(generated.clinic.options.now);
    const { ctx } = await testContext(tdb, clock);
    const practiceId = await createPractice(ctx, { name: 'Crash test', clinic });
    const user = await createUser(ctx, {
      practiceId,
      email: 'coder@crash.test',
      password: 'crash-test-password',
      displayName: 'Coder',
      role: 'coder',
    });
    const actor = {
      userId: user.id,
      practiceId,
      role: 'coder' as const,
      displayName: 'Coder',
      physicianId: null,
    };
    const job = await enqueueImport(ctx, actor, files);

    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/import-child.ts'], {
      env: { ...process.env, DATABASE_URL: tdb.url!, NOW: String(clock.now()) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const said = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (/PAUSED|FINISHED/.test(out)) resolve(out);
      });
      child.on('exit', () => resolve(out));
    });
    expect(said).toContain('PAUSED');
    const count = async (table: 'imports' | 'courses' | 'fractions' | 'charges' | 'charge_status_history') =>
      Number(
        (
          await ctx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('courses'), 'uncommitted rows are not visible').toBe(0);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    for (const table of ['imports', 'courses', 'fractions', 'charges', 'charge_status_history'] as const) {
      expect(await count(table), table).toBe(0);
    }
    expect((await getImport(ctx, actor, job.id)).status).toBe('running');
    expect(await runOneJob(ctx, 'second-worker'), 'the lease is still held').toBe(false);

    clock.advance(61_000);
    expect(await runOneJob(ctx, 'second-worker')).toBe(true);
    const done = await getImport(ctx, actor, job.id);
    expect(done.status).toBe('done');
    expect(done.summary?.fractions).toBe(generated.outcome.fractions.length);
    expect(await count('imports')).toBe(done.files.filter((f) => f.status === 'imported').length);
  }, 120_000);
});
