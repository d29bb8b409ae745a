/**
 * A worker process for the crash test (src/app/imports/import-crash.int.test.ts): it claims the queued
 * import job and runs it as the worker does, in a job thread whose statements this process runs; when
 * the job reports its third stored course (inside the import's transaction) it prints PAUSED and holds
 * this thread, so no further statement runs, and the test kills it with SIGKILL there. Input:
 * DATABASE_URL, NOW (epoch ms).
 */
import { createAppContext } from '../../src/app/app-context-factory.js';
import { runJobThread } from '../../src/app/jobs/run-job-thread.js';
import { createLogger } from '../../src/app/logger.js';
import { openDatabase } from '../../src/storage/database.js';
import { claimJob } from '../../src/storage/repositories/job-queue.js';
import { storedUploads } from '../../src/storage/repositories/upload-store.js';

const now = Number(process.env.NOW);
const { db, engine } = await openDatabase({ url: process.env.DATABASE_URL });
const ctx = await createAppContext({ db, engine, log: createLogger({ level: 'silent' }), now: () => now });
const job = await claimJob(db, 'child-worker', new Date(now), 60_000);
if (!job) throw new Error('no job to claim');
const files = await storedUploads(db, job.id);
await runJobThread(
  ctx,
  { kind: 'import', jobId: job.id, practiceId: job.practiceId, engine, now, files },
  async (p) => {
    if (p.phase === 'store' && p.done === 3) {
      process.stdout.write('PAUSED\n');
      // Held synchronously: the job thread's next statement is never run.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    }
  },
);
process.stdout.write('FINISHED\n');
