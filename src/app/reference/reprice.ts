import { enqueueJob } from '../../storage/repositories/job-queue.js';
import type { AppContext } from '../app-context.js';
import type { ImportProgress, ImportSummary } from '../link/import-progress.js';
import { relinkPractice } from '../link/relink-practice.js';

/** The job that brings a practice's stored amounts in line with its rates after they changed. */
export const REPRICE_JOB = 'reprice';

/**
 * Queue a re-pricing of each practice's stored charges and remittance lines: after its contract rates or
 * Medicare locality changed, or a CMS release was loaded (shared data: every practice). A practice with a
 * re-pricing still queued gets no second one: the queued job reads the rates when it runs.
 */
export async function scheduleReprice(
  ctx: AppContext,
  practiceIds: readonly string[],
  createdBy: string | null,
): Promise<void> {
  if (!practiceIds.length) return;
  const queued = new Set(
    (
      await ctx.db
        .selectFrom('jobs')
        .select('practice_id')
        .where('kind', '=', REPRICE_JOB)
        .where('status', '=', 'queued')
        .where('practice_id', 'in', [...practiceIds])
        .execute()
    ).map((r) => r.practice_id),
  );
  const at = new Date(ctx.now()).toISOString();
  for (const practiceId of new Set(practiceIds)) {
    if (queued.has(practiceId)) continue;
    await enqueueJob(ctx.db, { practiceId, kind: REPRICE_JOB, payload: {}, createdBy, at });
  }
}

/** Every practice: a CMS release is shared by all. */
export async function allPracticeIds(ctx: AppContext): Promise<string[]> {
  return (await ctx.db.selectFrom('practices').select('id').orderBy('id').execute()).map((r) => r.id);
}

/**
 * Re-price one practice now, in one transaction: its courses are re-linked and re-audited
 * (`relinkPractice`), so each charge's expected amount and every remittance line's expected amount,
 * category and appeal date follow the rates in force; charge statuses move only if the audit says so.
 */
export function repricePractice(
  ctx: AppContext,
  practiceId: string,
  onProgress?: (p: ImportProgress) => void | Promise<void>,
): Promise<ImportSummary> {
  return ctx.db
    .transaction()
    .execute(async (trx) => (await relinkPractice(ctx, trx, practiceId, 'practice', onProgress)).summary);
}
