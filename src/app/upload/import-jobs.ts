import { discardUploadingJob, enqueueJob, queueUploadedJob } from '../../storage/repositories/job-queue.js';
import { storeUploadFile } from '../../storage/repositories/upload-store.js';
import type { AppContext, Actor } from '../app-context.js';
import { AppError, notFound } from '../app-errors.js';
import type { ImportFileView, ImportJobView, JobStatus } from '../views.js';
import { storedUploadName } from './upload-names.js';
import type { ImportResult } from './upload-types.js';
import { counted } from '../../core/text/plural.js';

export const IMPORT_JOB = 'import';
/** Per upload batch; larger exports go through the CLI (`sgrt-billing import`). */
export const MAX_UPLOAD_FILES = 5000;
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

/** A file of an upload as it arrives: its name and its bytes, piece by piece. */
export interface IncomingFile {
  name: string;
  data: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

const tooLarge = (limit: number, got: string) =>
  new AppError(
    'too_large',
    `an upload holds at most ${limit} bytes of files; this one has ${got}: nothing was stored. ` +
      'Upload the files in smaller batches, or import a larger export with `sgrt-billing import` on the server',
  );

/**
 * Queue an upload batch as an import job: the files are kept in the database (so any app instance's
 * worker can run it) and the caller polls `getImport` for progress and per-file results. Each file is
 * stored as it arrives, a chunk at a time (memory does not grow with the upload); the job is claimable
 * only once every file is in. Beyond MAX_UPLOAD_FILES or MAX_UPLOAD_BYTES, or when the files stop
 * arriving (a broken connection), the job and what arrived of it are deleted: nothing is stored.
 */
export async function enqueueUpload(
  ctx: AppContext,
  actor: Actor,
  files: AsyncIterable<IncomingFile> | Iterable<IncomingFile>,
  maxBytes = MAX_UPLOAD_BYTES,
): Promise<ImportJobView> {
  const now = () => new Date(ctx.now());
  const jobId = await enqueueJob(ctx.db, {
    practiceId: actor.practiceId,
    kind: IMPORT_JOB,
    payload: { files: 0 },
    createdBy: actor.userId,
    at: now().toISOString(),
    status: 'uploading',
  });
  let count = 0;
  let total = 0;
  try {
    for await (const file of files) {
      if (++count > MAX_UPLOAD_FILES) {
        throw new AppError('invalid_input', `at most ${MAX_UPLOAD_FILES} files per upload (got more)`);
      }
      const add = (bytes: number) => {
        total += bytes;
        if (total > maxBytes) throw tooLarge(maxBytes, 'more');
      };
      await storeUploadFile(ctx.db, jobId, storedUploadName(file.name), file.data, add, now);
    }
    if (count === 0) throw new AppError('invalid_input', 'no files uploaded');
    await queueUploadedJob(ctx.db, jobId, { files: count }, now());
  } catch (error) {
    await discardUploadingJob(ctx.db, jobId);
    throw error;
  }
  ctx.log.info(
    { practiceId: actor.practiceId, userId: actor.userId, jobId, files: count, bytes: total },
    'import queued',
  );
  return getImport(ctx, actor, jobId);
}

/** `enqueueUpload` of files already in memory (the demo, tests); the limits are checked first. */
export async function enqueueImport(
  ctx: AppContext,
  actor: Actor,
  files: readonly { name: string; bytes: Uint8Array }[],
): Promise<ImportJobView> {
  if (files.length > MAX_UPLOAD_FILES) {
    throw new AppError('invalid_input', `at most ${MAX_UPLOAD_FILES} files per upload (got ${files.length})`);
  }
  const total = files.reduce((n, f) => n + f.bytes.byteLength, 0);
  if (total > MAX_UPLOAD_BYTES) throw tooLarge(MAX_UPLOAD_BYTES, `${total}`);
  return enqueueUpload(
    ctx,
    actor,
    files.map((f) => ({ name: f.name, data: [f.bytes] })),
  );
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
    .select(['id', 'status', 'created_at', 'updated_at', 'progress', 'result', 'error', 'payload'])
    .where('practice_id', '=', actor.practiceId)
    .where('kind', '=', IMPORT_JOB)
    .where('status', '!=', 'uploading');
}

type JobRow = Awaited<ReturnType<ReturnType<typeof jobQuery>['executeTakeFirstOrThrow']>>;

/**
 * A finished job is "done" only when every file was imported (or found already imported): "partial"
 * when some files were refused or are not an export this app reads and the others were stored (each
 * listed with its reason), "failed" when nothing was imported: every file refused, or not an export.
 */
function finishedStatus(
  row: JobRow,
  files: readonly ImportFileView[],
): { status: JobStatus; error: string | null } {
  if (row.status !== 'done' || files.length === 0)
    return { status: row.status as JobStatus, error: row.error };
  const count = (status: ImportFileView['status']) => files.filter((f) => f.status === status).length;
  const [refused, skipped] = [count('failed'), count('skipped')];
  // Why, in the job's own message: the first refused file's first problem (problems name files, lines
  // and course ids, never patients). A course list refused for a course id of another patient said
  // only "0 courses" before.
  const first = files.find((f) => f.status === 'failed');
  const why = first?.problems[0] ? ` (${first.problems[0].location}: ${first.problems[0].message})` : '';
  if (refused === files.length)
    return { status: 'failed', error: `every file was refused: nothing was imported${why}` };
  if (refused + skipped === files.length)
    return {
      status: 'failed',
      error: refused
        ? `${counted(refused, 'file')} refused and ${skipped} not an export this app reads: nothing was imported${why}`
        : 'no file of the upload is an export this app reads (each listed with the reason): nothing was imported',
    };
  if (refused + skipped === 0) return { status: 'done', error: row.error };
  const notExports =
    skipped === 0
      ? ''
      : refused === 0
        ? ' (not an export this app reads)'
        : ` (${skipped} not an export this app reads)`;
  return {
    status: 'partial',
    error: `${refused + skipped} of ${files.length} files refused${notExports}; the others were ${count('imported') ? '' : 'already '}imported${why}`,
  };
}

/** The number of files an upload queued (`payload.files`, set by `queueUploadedJob`), else 0. */
function uploadedFiles(payload: unknown): number {
  const files = (payload as { files?: unknown } | null)?.files;
  return typeof files === 'number' ? files : 0;
}

function jobView(row: JobRow): ImportJobView {
  const result = row.result as ImportResult | null;
  const files = result?.files ?? [];
  return {
    id: row.id,
    ...finishedStatus(row, files),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    progress: (row.progress as ImportJobView['progress']) ?? null,
    files,
    fileCount: files.length || uploadedFiles(row.payload),
    summary: result?.summary ?? null,
  };
}
