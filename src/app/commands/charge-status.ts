import type { FractionAudit } from '../../core/audit/audit-course.js';
import { applyChargeChanges, type ChargeChange } from '../../storage/repositories/charge-changes.js';
import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import { AppError } from '../app-errors.js';

export interface ChargeStatusRequest {
  fractionIds: readonly string[];
  action: 'release' | 'hold';
  /** Why a coder holds the charges (required for `hold`; identifiers only, no PHI). */
  reason?: string | undefined;
}

export interface ChargeStatusResult {
  changed: number;
  skipped: { fractionId: string; reason: string }[];
}

export const MAX_BULK = 1000;

/**
 * `POST /api/charges/release|hold`: a coder releases the charges of fractions the audit no longer holds
 * (to the claim), or holds charges by hand with a reason. Each move is recorded in the charge's history
 * with the login. A fraction still held by the audit is skipped with its reasons: release it by fixing
 * the chart (the audit then moves it to ready).
 */
export async function setChargeStatus(
  ctx: AppContext,
  actor: Actor,
  request: ChargeStatusRequest,
): Promise<ChargeStatusResult> {
  const ids = [...new Set(request.fractionIds)];
  if (!ids.length) throw new AppError('invalid_input', 'select at least one fraction');
  if (ids.length > MAX_BULK) throw new AppError('invalid_input', `at most ${MAX_BULK} fractions at once`);
  const reason = request.reason?.trim();
  if (request.action === 'hold' && !reason) throw new AppError('invalid_input', 'give a reason for the hold');
  const at = new Date(ctx.now()).toISOString();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const fractions = await trx
      .selectFrom('fractions as f')
      .innerJoin('courses as c', 'c.id', 'f.course_id')
      .select(['f.id', 'f.status', 'f.audit', 'c.patient_id'])
      .where('f.practice_id', '=', actor.practiceId)
      .where('f.id', 'in', ids)
      .execute();
    const charges = fractions.length
      ? await trx
          .selectFrom('charges')
          .select(['id', 'fraction_id', 'status'])
          .where('practice_id', '=', actor.practiceId)
          .where(
            'fraction_id',
            'in',
            fractions.map((f) => f.id),
          )
          .forUpdate()
          .execute()
      : [];
    const skipped: ChargeStatusResult['skipped'] = ids
      .filter((id) => !fractions.some((f) => f.id === id))
      .map((fractionId) => ({ fractionId, reason: 'not found' }));
    const changes: ChargeChange[] = [];
    for (const f of fractions) {
      const own = charges.filter((c) => c.fraction_id === f.id);
      if (request.action === 'release' && f.status === 'hold') {
        skipped.push({
          fractionId: f.id,
          reason: `still held by the audit: ${(f.audit as FractionAudit).reasons.join(', ')}`,
        });
        continue;
      }
      const from = request.action === 'release' ? ['ready', 'manual-hold'] : ['ready', 'hold'];
      const moving = own.filter((c) => from.includes(c.status));
      if (!moving.length) {
        skipped.push({
          fractionId: f.id,
          reason: `no charge to ${request.action} (${[...new Set(own.map((c) => c.status))].join(', ') || 'none'})`,
        });
        continue;
      }
      for (const c of moving) {
        changes.push({
          kind: 'update',
          id: c.id,
          status: request.action === 'release' ? 'released' : 'manual-hold',
          reason: request.action === 'release' ? 'released by a coder' : reason!,
          statusChanged: true,
        });
      }
    }
    await applyChargeChanges(trx, actor.practiceId, changes, at, actor.userId);
    const touched = fractions.filter((f) => changes.length && !skipped.some((s) => s.fractionId === f.id));
    return { changed: changes.length, skipped, patientIds: touched.map((f) => f.patient_id) };
  });
  ctx.log.info(
    {
      practiceId: actor.practiceId,
      userId: actor.userId,
      action: request.action,
      changed: result.changed,
      skipped: result.skipped.length,
    },
    'charge status set',
  );
  await recordAccess(ctx, actor, {
    action: 'change',
    patientIds: result.patientIds,
    route: `POST /api/charges/${request.action}`,
  });
  return { changed: result.changed, skipped: result.skipped };
}
