/**
 * One large upload and its import in a process of its own, for the memory bound (the int test
 * src/app/upload/upload-memory.int.test.ts and bench/import-memory.ts). Run twice, like a server that
 * was set up before: PHASE=setup creates the schema, a practice and a login (PGlite's first start runs
 * initdb, whose memory a later start does not need) and prints their ids; PHASE=run uploads and imports
 * and prints one JSON line with the RSS after setup, the peak (VmHWM) after the upload and
 * after the import, and what the job reported. Input: ENGINE (pglite|postgres), DATABASE_URL (postgres)
 * or DATA_DIR (PGlite's folder), MB (upload size in MiB), PATIENTS, DAYS; PRACTICE_ID and USER_ID for
 * the run. Run with --expose-gc.
 */
import { readFileSync } from 'node:fs';
import { createAppContext } from '../../src/app/app-context-factory.js';
import { createUser } from '../../src/app/auth/create-user.js';
import { enqueueUpload, getImport } from '../../src/app/upload/import-jobs.js';
import { runOneJob } from '../../src/app/jobs/worker.js';
import { createLogger } from '../../src/app/logger.js';
import { createPractice } from '../../src/app/setup/create-practice.js';
import { openDatabase } from '../../src/storage/database.js';
import { largeUpload } from './large-upload.js';

const MiB = 1024 * 1024;
const env = (name: string) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};
const rss = () => Math.round(process.memoryUsage().rss / MiB);
/**
 * The process's peak resident set so far: VmHWM (Linux, this program's own memory), else getrusage's
 * maxRSS (which on Linux also counts the parent's before exec: a test runner's hundreds of MiB).
 */
function peak(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Math.round(Number(hwm[1]) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

const engine = env('ENGINE');
const { db, engine: opened } = await openDatabase(
  engine === 'postgres' ? { url: env('DATABASE_URL') } : { dataDir: env('DATA_DIR') },
);
const upload = await largeUpload(Number(env('MB')) * MiB, {
  patients: Number(env('PATIENTS')),
  days: Number(env('DAYS')),
  seed: 7,
});
const ctx = await createAppContext({
  db,
  engine: opened,
  log: createLogger({ level: 'silent' }),
  now: () => upload.now,
});
if (env('PHASE') === 'setup') {
  const practiceId = await createPractice(ctx, { name: 'Memory', clinic: upload.clinic });
  const user = await createUser(ctx, {
    practiceId,
    email: 'coder@memory.test',
    password: 'memory-test-password',
    displayName: 'Coder',
    role: 'coder',
  });
  process.stdout.write(`${JSON.stringify({ practiceId, userId: user.id })}\n`);
  await db.destroy();
  process.exit(0);
}
const actor = {
  userId: env('USER_ID'),
  practiceId: env('PRACTICE_ID'),
  role: 'coder' as const,
  displayName: 'Coder',
  physicianId: null,
};
(globalThis as { gc?: () => void }).gc?.();
const setup = { rss_mib: rss(), peak_mib: peak() };
const job = await enqueueUpload(ctx, actor, upload.files);
const uploaded = { rss_mib: rss(), peak_mib: peak() };
await runOneJob(ctx, 'memory-worker');
const imported = { rss_mib: rss(), peak_mib: peak() };
const view = await getImport(ctx, actor, job.id);
const byStatus: Record<string, number> = {};
for (const f of view.files) byStatus[f.status] = (byStatus[f.status] ?? 0) + 1;
process.stdout.write(
  `${JSON.stringify({
    engine,
    upload_mib: Number(env('MB')),
    files: view.files.length,
    status: view.status,
    files_by_status: byStatus,
    courses: view.summary?.courses ?? 0,
    refused: view.files
      .filter((f) => f.status !== 'imported')
      .map((f) => `${f.name}: ${f.problems[0]?.message ?? ''}`),
    setup,
    uploaded,
    imported,
  })}\n`,
);
await db.destroy();
