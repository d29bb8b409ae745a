import type { Actor, AppContext } from '../app-context.js';
import { createClaimBatch } from '../claims/create-claim-batch.js';
import { MAX_BULK, setChargeStatus } from '../commands/charge-status.js';
import { importFiles } from '../import-pipeline/import-files.js';
import type { ImportResult } from '../upload/upload-types.js';
import { demoRemittances } from './demo-remittance.js';

/**
 * The demo practice's billing up to `through` (exclusive), as its staff would have done it: the coder
 * releases every fraction the audit left ready with an earlier date of service, the biller sends them as
 * an 837P batch (claims per patient and week), and the payer's weekly 835s answer those claims (imported
 * like an upload). The treatment record, the claim, the remittance and the appeal are then one chain.
 */
export async function billDemo(ctx: AppContext, practiceId: string, through: string): Promise<ImportResult> {
  await releaseDemo(ctx, practiceId, through);
  await createClaimBatch(
    ctx,
    demoActor(practiceId, 'biller'),
    { format: '837P', period: 'week' },
    'demo set-up',
  );
  return importFiles(ctx, practiceId, await demoRemittances(ctx, practiceId, through));
}

/** The demo's set-up acting in a role of the practice. */
export const demoActor = (practiceId: string, role: Actor['role']): Actor => ({
  userId: 'demo-setup',
  practiceId,
  role,
  displayName: `Demo set-up (${role})`,
  physicianId: null,
});

/** The coder releases every fraction the audit left ready with a date of service before `through`. */
export async function releaseDemo(ctx: AppContext, practiceId: string, through: string): Promise<void> {
  const ready = await ctx.db
    .selectFrom('fractions')
    .select('id')
    .where('practice_id', '=', practiceId)
    .where('status', '=', 'ready')
    .where('date_of_service', '<', through)
    .orderBy('date_of_service')
    .orderBy('id')
    .execute();
  for (let i = 0; i < ready.length; i += MAX_BULK) {
    const fractionIds = ready.slice(i, i + MAX_BULK).map((f) => f.id);
    await setChargeStatus(ctx, demoActor(practiceId, 'coder'), { fractionIds, action: 'release' });
  }
}
