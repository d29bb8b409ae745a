import { randomUUID } from 'node:crypto';
import {
  claimJob,
  dropUploadsOfEndedJobs,
  finishJob,
  heartbeat,
} from '../../storage/repositories/job-queue.js';
import type { AppContext } from '../app-context.js';
import { AppError } from '../app-errors.js';
import { InputError } from '../engine-context.js';
import { type ImportProgress, importFiles, removeStaleImportFolders } from '../imports/import-files.js';
import { IMPORT_JOB } from '../imports/import-jobs.js';
import { REPRICE_JOB, repricePractice } from '../reference/reprice.js';

export interface WorkerOptions {
  workerId?: string;
  /** How often an idle worker looks for a job. */
  pollMs?: number;
  /** How long a claimed job is ours without a heartbeat; after that another worker may take it. */
  leaseMs?: number;
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
  let stopped = false;
  let wake: (() => void) | null = null;
  const loop = (async () => {
    // What a killed process left: temporary copies of uploads, uploads of jobs that ended.
    await removeStaleImportFolders().catch(() => undefined);
    await dropUploadsOfEndedJobs(ctx.db).catch((error: unknown) => {
      ctx.log.error({ workerId, err: errorName(error) }, 'could not drop the uploads of ended jobs');
    });
    while (!stopped) {
      const ran = await runOneJob(ctx, workerId, leaseMs).catch((error: unknown) => {
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
export async function runOneJob(ctx: AppContext, workerId: string, leaseMs = 60_000): Promise<boolean> {
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
      await heartbeat(ctx.db, job.id, workerId, p, new Date(ctx.now()), leaseMs);
    };
    const result =
      job.kind === REPRICE_JOB
        ? { summary: await repricePractice(ctx, job.practiceId, onProgress) }
        : await importUploads(ctx, job.id, job.practiceId, job.payload, onProgress);
    await finishJob(ctx.db, job.id, { status: 'done', result }, new Date(ctx.now()));
    ctx.log.info({ jobId: job.id, ms: Date.now() - started }, 'job done');
  } catch (error) {
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
    );
    ctx.log.error({ jobId: job.id, err: errorName(error), retry }, 'job failed');
  }
  return true;
}

/**
 * An import job: the uploaded files it holds, imported (they are dropped with the job's result). A job
 * whose files are gone fails and says so, never "done" with nothing.
 */
async function importUploads(
  ctx: AppContext,
  jobId: string,
  practiceId: string,
  payload: unknown,
  onProgress: (p: ImportProgress) => Promise<void>,
) {
  const files = await ctx.db
    .selectFrom('upload_files')
    .select(['name', 'bytes'])
    .where('job_id', '=', jobId)
    .orderBy('id')
    .execute();
  const expected = (payload as { files?: unknown } | null)?.files;
  if (files.length === 0 || (typeof expected === 'number' && files.length !== expected)) {
    throw new AppError(
      'invalid_input',
      'the uploaded files of this import are no longer stored: upload them again',
    );
  }
  return importFiles(ctx, practiceId, files, { jobId, onProgress });
}

/** The error's class only: messages of unexpected errors may quote data. */
function errorName(error: unknown): string {
  return error instanceof Error ? error.constructor.name : typeof error;
}
