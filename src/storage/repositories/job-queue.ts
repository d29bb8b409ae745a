import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../database.js';
import type { Trx } from './course-store.js';

/**
 * A job queue kept in the database, so several app instances share it (architecture.md: scale-out on
 * one PostgreSQL). A worker claims the oldest queued job with `FOR UPDATE SKIP LOCKED` (PostgreSQL docs,
 * SELECT "The Locking Clause") and holds a lease; a job whose lease ran out (the worker crashed) is
 * claimed again until `max_attempts`, then marked failed.
 */
export interface ClaimedJob {
  id: string;
  practiceId: string;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

export async function enqueueJob(
  db: Db | Trx,
  job: {
    practiceId: string;
    kind: string;
    payload: unknown;
    createdBy: string | null;
    at: string;
    /** `uploading`: not claimed until `queueUploadedJob` (its files are still arriving). */
    status?: 'queued' | 'uploading';
  },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('jobs')
    .values({
      id,
      practice_id: job.practiceId,
      kind: job.kind,
      status: job.status ?? 'queued',
      payload: JSON.stringify(job.payload),
      created_by: job.createdBy,
      created_at: job.at,
      updated_at: job.at,
    })
    .execute();
  return id;
}

export async function claimJob(
  db: Db,
  workerId: string,
  at: Date,
  leaseMs: number,
): Promise<ClaimedJob | null> {
  return db.transaction().execute(async (trx) => {
    // Jobs whose worker died past its lease and used up their attempts fail for good (their uploads go).
    const abandoned = await trx
      .updateTable('jobs')
      .set({
        status: 'failed',
        error: 'the worker stopped before finishing, and every attempt is used up: upload the files again',
        updated_at: at,
      })
      .where('status', '=', 'running')
      .where('locked_until', '<', at)
      .whereRef('attempts', '>=', 'max_attempts')
      .returning('id')
      .execute();
    if (abandoned.length) {
      await trx
        .deleteFrom('upload_files')
        .where(
          'job_id',
          'in',
          abandoned.map((j) => j.id),
        )
        .execute();
    }
    const row = await trx
      .selectFrom('jobs')
      .select(['id', 'practice_id', 'kind', 'payload', 'attempts', 'max_attempts'])
      .where((eb) =>
        eb.or([
          eb('status', '=', 'queued'),
          eb.and([
            eb('status', '=', 'running'),
            eb('locked_until', '<', at),
            eb('attempts', '<', eb.ref('max_attempts')),
          ]),
        ]),
      )
      .orderBy('created_at')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!row) return null;
    await trx
      .updateTable('jobs')
      .set({
        status: 'running',
        locked_by: workerId,
        locked_until: new Date(at.getTime() + leaseMs),
        attempts: sql<number>`attempts + 1`,
        updated_at: at,
      })
      .where('id', '=', row.id)
      .execute();
    return {
      id: row.id,
      practiceId: row.practice_id,
      kind: row.kind,
      payload: row.payload,
      attempts: row.attempts + 1,
      maxAttempts: row.max_attempts,
    };
  });
}

/** Record progress and extend the lease (a heartbeat); false when the job was taken by another worker. */
export async function heartbeat(
  db: Db,
  jobId: string,
  workerId: string,
  progress: unknown,
  at: Date,
  leaseMs: number,
): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({
      progress: JSON.stringify(progress),
      locked_until: new Date(at.getTime() + leaseMs),
      updated_at: at,
    })
    .where('id', '=', jobId)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Record a job's outcome. With `dropUploads` a job that ended (done or failed) drops its uploaded files
 * in the same transaction, after its result is stored; otherwise they stay for the retention period
 * (`dropExpiredUploads`). Never are they gone before the result that reports on them, and a job queued
 * again keeps them for the next attempt.
 */
export async function finishJob(
  db: Db,
  jobId: string,
  outcome: { status: 'done' | 'failed' | 'queued'; result?: unknown; error?: string },
  at: Date,
  dropUploads = true,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // A job cancelled while it ran keeps that outcome.
    const updated = await trx
      .updateTable('jobs')
      .set({
        status: outcome.status,
        result: outcome.result === undefined ? null : JSON.stringify(outcome.result),
        error: outcome.error ?? null,
        locked_by: null,
        locked_until: null,
        updated_at: at,
      })
      .where('id', '=', jobId)
      .where('status', '=', 'running')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return;
    if (outcome.status !== 'queued' && dropUploads)
      await trx.deleteFrom('upload_files').where('job_id', '=', jobId).execute();
  });
}

export const CANCELLED_MESSAGE = 'cancelled by an administrator: it will not run again';

/**
 * Cancels a queued or running job of the practice: it ends `cancelled` and is never claimed again; a
 * worker running it sees its heartbeat refused and stops, and its outcome is not recorded over this.
 * Its uploaded files stay for the upload retention, as a failed job's (`dropExpiredUploads`).
 */
export async function cancelJob(
  db: Db,
  practiceId: string,
  jobId: string,
  at: Date,
): Promise<'cancelled' | 'ended' | 'not_found'> {
  const cancelled = await db
    .updateTable('jobs')
    .set({
      status: 'cancelled',
      error: CANCELLED_MESSAGE,
      locked_by: null,
      locked_until: null,
      updated_at: at,
    })
    .where('id', '=', jobId)
    .where('practice_id', '=', practiceId)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  if (Number(cancelled.numUpdatedRows) > 0) return 'cancelled';
  const job = await db
    .selectFrom('jobs')
    .select('status')
    .where('id', '=', jobId)
    .where('practice_id', '=', practiceId)
    .where('status', '!=', 'uploading')
    .executeTakeFirst();
  return job ? 'ended' : 'not_found';
}

/** An `uploading` job whose files have all arrived: the worker may claim it now. */
export async function queueUploadedJob(db: Db, jobId: string, payload: unknown, at: Date): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'queued', payload: JSON.stringify(payload), updated_at: at })
    .where('id', '=', jobId)
    .where('status', '=', 'uploading')
    .execute();
}

/** An upload that did not complete (too large, broken off): the job and its files, as if never sent. */
export async function discardUploadingJob(db: Db, jobId: string): Promise<void> {
  await db.deleteFrom('jobs').where('id', '=', jobId).where('status', '=', 'uploading').execute();
}

/**
 * The stored bytes of jobs that ended (done, failed, cancelled) before `endedBefore` (the retention period is over), and uploads
 * that stopped arriving before `uploadingBefore` (a connection dropped or a process killed mid-upload:
 * the job goes with them, it was never queued).
 */
export async function dropExpiredUploads(
  db: Db,
  limits: { endedBefore: Date; uploadingBefore: Date },
): Promise<void> {
  await db
    .deleteFrom('upload_files')
    .where('job_id', 'in', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where('status', 'in', ['done', 'failed', 'cancelled'])
        .where('updated_at', '<', limits.endedBefore),
    )
    .execute();
  await db
    .deleteFrom('jobs')
    .where('status', '=', 'uploading')
    .where('updated_at', '<', limits.uploadingBefore)
    .execute();
}
