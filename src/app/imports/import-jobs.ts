import { enqueueJob } from '../../storage/repositories/job-queue.js';
import type { AppContext, Actor } from '../app-context.js';
import { AppError, notFound } from '../app-errors.js';
import type { ImportJobView, JobStatus } from '../views.js';
import { type ImportResult, storedUploadName } from './import-files.js';

export const IMPORT_JOB = 'import';
/** Per upload batch; larger exports go through the CLI (`sgrt-billing import`). */
export const MAX_UPLOAD_FILES = 5000;
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

/**
 * Queue an upload batch as an import job: the files are kept in the database (so any app instance's
 * worker can run it) and the caller polls `getImport` for progress and per-file results.
 */
export async function enqueueImport(
  ctx: AppContext,
  actor: Actor,
  files: readonly { name: string; bytes: Uint8Array }[],
): Promise<ImportJobView> {
  if (files.length === 0) throw new AppError('invalid_input', 'no files uploaded');
  if (files.length > MAX_UPLOAD_FILES) {
    throw new AppError('invalid_input', `at most ${MAX_UPLOAD_FILES} files per upload (got ${files.length})`);
  }
  const total = files.reduce((n, f) => n + f.bytes.byteLength, 0);
  if (total > MAX_UPLOAD_BYTES) {
    throw new AppError('invalid_input', `at most ${MAX_UPLOAD_BYTES} bytes per upload (got ${total})`);
  }
  const at = new Date(ctx.now()).toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const jobId = await enqueueJob(trx, {
      practiceId: actor.practiceId,
      kind: IMPORT_JOB,
      payload: { files: files.length },
      createdBy: actor.userId,
      at,
    });
    for (const f of files) {
      await trx
        .insertInto('upload_files')
        .values({ job_id: jobId, name: storedUploadName(f.name), bytes: f.bytes })
        .execute();
    }
    return jobId;
  });
  ctx.log.info(
    { practiceId: actor.practiceId, userId: actor.userId, jobId: id, files: files.length },
    'import queued',
  );
  return getImport(ctx, actor, id);
}

export async function getImport(ctx: AppContext, actor: Actor, id: string): Promise<ImportJobView> {
  const row = await jobQuery(ctx, actor).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('import');
  return jobView(row);
}

export async function listImports(ctx: AppContext, actor: Actor, limit = 50): Promise<ImportJobView[]> {
  const rows = await jobQuery(ctx, actor).orderBy('created_at', 'desc').limit(limit).execute();
  return rows.map(jobView);
}

function jobQuery(ctx: AppContext, actor: Actor) {
  return ctx.db
    .selectFrom('jobs')
    .select(['id', 'status', 'created_at', 'updated_at', 'progress', 'result', 'error'])
    .where('practice_id', '=', actor.practiceId)
    .where('kind', '=', IMPORT_JOB);
}

type JobRow = Awaited<ReturnType<ReturnType<typeof jobQuery>['executeTakeFirstOrThrow']>>;

function jobView(row: JobRow): ImportJobView {
  const result = row.result as ImportResult | null;
  return {
    id: row.id,
    status: row.status as JobStatus,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    progress: (row.progress as ImportJobView['progress']) ?? null,
    files: result?.files ?? [],
    summary: result?.summary ?? null,
    error: row.error,
  };
}
