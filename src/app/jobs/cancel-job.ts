import { cancelJob as cancelQueuedJob } from '../../storage/repositories/job-queue.js';
import type { Actor, AppContext } from '../app-context.js';
import { conflict, notFound } from '../app-errors.js';
import { getImport } from '../upload/import-jobs.js';
import type { ImportJobView } from '../views.js';

/**
 * An administrator stops a queued or running import of the practice (a job that keeps failing, or one
 * started by mistake): it ends "cancelled" and never runs again; what it already stored stays. Another
 * practice's job is not found; one that already ended is a conflict.
 */
export async function cancelImport(ctx: AppContext, actor: Actor, id: string): Promise<ImportJobView> {
  const outcome = await cancelQueuedJob(ctx.db, actor.practiceId, id, new Date(ctx.now()));
  if (outcome === 'not_found') throw notFound('import');
  if (outcome === 'ended') throw conflict('the import has already ended');
  ctx.log.info({ jobId: id, practiceId: actor.practiceId, userId: actor.userId }, 'job cancelled');
  return getImport(ctx, actor, id);
}
