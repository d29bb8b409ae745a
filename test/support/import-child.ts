/**
 * A worker process for the crash test (src/app/upload/import-crash.int.test.ts): it claims the queued
 * import job, runs it, and stops dead in the middle of storing (inside the import's transaction) after
 * printing PAUSED, so the test can kill it with SIGKILL there. Input: DATABASE_URL, NOW (epoch ms).
 */
import { createAppContext } from '../../src/app/app-context-factory.js';
import { importSources } from '../../src/app/import-pipeline/import-files.js';
import { storedUploadSource } from '../../src/app/upload/stored-upload-source.js';
import { createLogger } from '../../src/app/logger.js';
import { openDatabase } from '../../src/storage/database.js';
import { claimJob } from '../../src/storage/repositories/job-queue.js';
import { storedUploads } from '../../src/storage/repositories/upload-store.js';

const now = Number(process.env.NOW);
const { db, engine } = await openDatabase({ url: process.env.DATABASE_URL });
const ctx = await createAppContext({ db, engine, log: createLogger({ level: 'silent' }), now: () => now });
const job = await claimJob(db, 'child-worker', new Date(now), 60_000);
if (!job) throw new Error('no job to claim');
const files = (await storedUploads(db, job.id)).map((f) => storedUploadSource(db, f));
await importSources(ctx, job.practiceId, files, {
  jobId: job.id,
  onProgress: async (p) => {
    if (p.phase === 'store' && p.done === 3) {
      process.stdout.write('PAUSED\n');
      await new Promise(() => {});
    }
  },
});
process.stdout.write('FINISHED\n');
