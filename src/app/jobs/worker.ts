import { randomUUID } from 'node:crypto';
import { claimJob, dropExpiredUploads, finishJob, heartbeat } from '../../storage/repositories/job-queue.js';
import { storedUploads } from '../../storage/repositories/upload-store.js';
import type { AppContext } from '../app-context.js';
import { AppError } from '../app-errors.js';
import { InputError } from '../engine-context.js';
import { importSources, removeStaleImportFolders } from '../import-pipeline/import-files.js';
import type { ImportProgress } from '../link/import-progress.js';
import { IMPORT_JOB } from '../upload/import-jobs.js';
import { storedUploadSource } from '../upload/stored-upload-source.js';
import { REPRICE_JOB, repricePractice } from '../reference/reprice.js';

export interface WorkerOptions {
  workerId?: string;
  /** How often an idle worker looks for a job. */
  pollMs?: number;
  /** How long a claimed job is ours without a heartbeat; after that another worker may take it. */
  leaseMs?: number;
  /**
   * How long the uploaded bytes of a job that ended (done or failed) are kept; 0 drops them with the
   * job's result. They hold patient data, so they are kept only as long as a failed import may need
   * looking into (`serve --upload-retention-hours`, SGRT_UPLOAD_RETENTION_HOURS).
   */
  uploadRetentionMs?: number;
}

export const DEFAULT_UPLOAD_RETENTION_MS = 24 * 60 * 60 * 1000;
/** An upload that received nothing for this long was broken off: its job and files are deleted. */
const STALLED_UPLOAD_MS = 30 * 60 * 1000;
/** How often a running worker removes expired uploads. */
const SWEEP_EVERY_MS = 10 * 60 * 1000;

/** Uploads past their retention, and uploads that stopped arriving (a dropped connection, a killed process). */
export async function dropOldUploads(ctx: AppContext, retentionMs: number): Promise<void> {
  const now = ctx.now();
  await dropExpiredUploads(ctx.db, {
    endedBefore: new Date(now - retentionMs),
    uploadingBefore: new Date(now - STALLED_UPLOAD_MS),
  });
}

/**
 * The job worker of one app instance: claims queued jobs from the database (several instances share the
 * queue), runs them with progress as heartbeats, and records the result. A job that raises an input
 * error fails at once with the message; an unexpected error is retried up to the job's attempts; a
 * worker that dies leaves a lease that runs out, and the job is claimed again.
 */
export function startWorker(ctx: AppContext, options: WorkerOptions = {}): { stop(): Promise<void> } {
  const workerId = options.workerId ?? `worker-${randomUUID()}`;
  const pollMs = options.pollMs ?? 500;
  const leaseMs = options.leaseMs ?? 60_000;
  const retentionMs = options.uploadRetentionMs ?? DEFAULT_UPLOAD_RETENTION_MS;
  let stopped = false;
  let wake: (() => void) | null = null;
  let swept = -Infinity;
  const loop = (async () => {
    // What a killed process of an earlier version left: temporary copies of uploads.
    await removeStaleImportFolders().catch(() => undefined);
    while (!stopped) {
      // At start (what a killed process left) and then every SWEEP_EVERY_MS.
      if (Date.now() - swept >= SWEEP_EVERY_MS) {
        swept = Date.now();
        await dropOldUploads(ctx, retentionMs).catch((error: unknown) => {
          ctx.log.error({ workerId, err: errorName(error) }, 'could not drop expired uploads');
        });
      }
      const ran = await runOneJob(ctx, workerId, leaseMs, retentionMs).catch((error: unknown) => {
        ctx.log.error({ workerId, err: errorName(error) }, 'job worker error');
        return false;
      });
      if (!ran && !stopped) await new Promise<void>((r) => ((wake = r), setTimeout(r, pollMs)));
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}

/** Claim and run one job; false when none was waiting. */
export async function runOneJob(
  ctx: AppContext,
  workerId: string,
  leaseMs = 60_000,
  uploadRetentionMs = DEFAULT_UPLOAD_RETENTION_MS,
): Promise<boolean> {
  const job = await claimJob(ctx.db, workerId, new Date(ctx.now()), leaseMs);
  if (!job) return false;
  const started = Date.now();
  ctx.log.info({ jobId: job.id, kind: job.kind, attempt: job.attempts, workerId }, 'job started');
  try {
    if (job.kind !== IMPORT_JOB && job.kind !== REPRICE_JOB)
      throw new AppError('invalid_input', `unknown job kind ${job.kind}`);
    let last = 0;
    const onProgress = async (p: ImportProgress) => {
      // On PGlite (one connection) the store phase runs inside the job's transaction: no heartbeat then.
      if (ctx.engine === 'pglite' && p.phase === 'store') return;
      if (Date.now() - last < 200 && p.done < p.total) return;
      last = Date.now();
      // Refused: the job was cancelled (or taken over after a lost lease): stop working on it.
      if (!(await heartbeat(ctx.db, job.id, workerId, p, new Date(ctx.now()), leaseMs)))
        throw new JobStopped();
    };
    const result =
      job.kind === REPRICE_JOB
        ? { summary: await repricePractice(ctx, job.practiceId, onProgress) }
        : await importUploads(ctx, job.id, job.practiceId, job.payload, onProgress);
    const dropUploads = uploadRetentionMs === 0;
    await finishJob(ctx.db, job.id, { status: 'done', result }, new Date(ctx.now()), dropUploads);
    ctx.log.info({ jobId: job.id, ms: Date.now() - started }, 'job done');
  } catch (error) {
    if (error instanceof JobStopped) {
      ctx.log.info({ jobId: job.id, workerId }, 'job stopped: no longer ours');
      return true;
    }
    const expected = error instanceof AppError || error instanceof InputError;
    const retry = !expected && job.attempts < job.maxAttempts;
    await finishJob(
      ctx.db,
      job.id,
      {
        status: retry ? 'queued' : 'failed',
        error: expected
          ? error.message
          : retry
            ? `the ${job.kind} stopped on an internal error; it will be retried`
            : `the ${job.kind} stopped on an internal error, and every attempt is used up`,
      },
      new Date(ctx.now()),
      uploadRetentionMs === 0,
    );
    ctx.log.error({ jobId: job.id, err: errorName(error), retry }, 'job failed');
  }
  return true;
}

/**
 * An import job: the uploaded files it holds, read from the database one at a time (they are dropped
 * after the retention period). A job whose files are gone fails and says so, never "done" with nothing.
 */
async function importUploads(
  ctx: AppContext,
  jobId: string,
  practiceId: string,
  payload: unknown,
  onProgress: (p: ImportProgress) => Promise<void>,
) {
  const files = await storedUploads(ctx.db, jobId);
  const expected = (payload as { files?: unknown } | null)?.files;
  if (files.length === 0 || (typeof expected === 'number' && files.length !== expected)) {
    throw new AppError(
      'invalid_input',
      'the uploaded files of this import are no longer stored: upload them again',
    );
  }
  const sources = files.map((f) => storedUploadSource(ctx.db, f));
  return importSources(ctx, practiceId, sources, { jobId, onProgress });
}

/** A job this worker no longer holds (cancelled, or claimed by another worker): its outcome is not ours. */
class JobStopped extends Error {}

/** The error's class only: messages of unexpected errors may quote data. */
function errorName(error: unknown): string {
  return error instanceof Error ? error.constructor.name : typeof error;
}
