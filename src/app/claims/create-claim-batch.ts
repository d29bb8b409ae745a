import { randomUUID } from 'node:crypto';
import type { BillingPeriod } from '../../core/claims/claim-input.js';
import type { Clinic } from '../../core/model/clinic.js';
import { clockFor } from '../../core/time/local-clock.js';
import { chunks } from '../../storage/repositories/insert-chunks.js';
import { write837i } from '../../formats/x12/write-837i.js';
import { write837p } from '../../formats/x12/write-837p.js';
import { claimTotalCents } from '../../formats/x12/write-837-parties.js';
import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import { AppError } from '../app-errors.js';
import type { ClaimBatchResult, ClaimFormat } from '../views.js';
import { loadBillingSettings } from './billing-settings.js';
import { batchView } from './claim-batches.js';
import { claimFiles } from './claim-files.js';
import { pendingClaims } from './pending-claims.js';

export interface ClaimBatchRequest {
  format: ClaimFormat;
  /** One claim per patient per date, ISO week or month (default: the practice's billing settings). */
  period?: BillingPeriod | undefined;
  /** Only dates of service up to this date (`YYYY-MM-DD`). */
  through?: string | undefined;
}

/**
 * `sgrt-billing claims`, `POST /api/claims/batches`: an 837P or 837I batch of the practice's released
 * charges not sent in that format yet. In ONE transaction, with the practice row locked (two batches at
 * once cannot take the same charges or control numbers): read the pending charges, build the claims
 * (CLAIM-001…006), write one interchange per payer, store the batch with its text and a claim_lines row
 * per charge (so it is not sent again). Missing billing settings or demographics: an `invalid_input`
 * error listing what to add (fields, course and patient ids only), nothing stored. Nothing left to bill:
 * no batch (`batch: null`).
 */
export async function createClaimBatch(
  ctx: AppContext,
  actor: Actor,
  request: ClaimBatchRequest,
  /** The access log's route: the API's, or the command line's. */
  route = 'POST /api/claims/batches',
): Promise<ClaimBatchResult> {
  const settings = await loadBillingSettings(ctx, actor.practiceId);
  const period = request.period ?? settings.defaultPeriod;
  const result = await ctx.db.transaction().execute(async (trx) => {
    const practice = await trx
      .selectFrom('practices')
      .select('clinic')
      .where('id', '=', actor.practiceId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const pending = await pendingClaims(ctx, trx, actor.practiceId, {
      format: request.format,
      period,
      through: request.through,
      charges: settings,
    });
    if (!pending.drafts.length) return { batch: null, pending };

    const last = await trx
      .selectFrom('claim_batches')
      .select((eb) => [
        eb.fn.max(eb('interchange_control_number', '+', eb('interchange_count', '-', 1))).as('icn'),
        eb.fn.max(eb('first_claim_number', '+', eb('claim_count', '-', 1))).as('claim'),
      ])
      .where('practice_id', '=', actor.practiceId)
      .executeTakeFirst();
    const zone = (practice.clinic as Clinic).facility.timeZone;
    const written = claimFiles({
      format: request.format,
      drafts: pending.drafts,
      settings,
      subjects: pending.subjects,
      firstClaimNumber: Number(last?.claim ?? 0) + 1,
      firstControlNumber: Number(last?.icn ?? 0) + 1,
      created: clockFor(zone).toLocal(ctx.now()).slice(0, 16),
    });
    if (!written.ok)
      throw new AppError(
        'invalid_input',
        'claims need more data: add what is listed and create the batch again',
        written.problems,
      );
    const write = request.format === '837P' ? write837p : write837i;
    const texts: string[] = [];
    for (const { payerProfileId, file } of written.files) {
      const text = write(file);
      if (!text.ok)
        throw new AppError(
          'invalid_input',
          `the ${request.format} for payer profile ${payerProfileId} could not be written`,
          text.problems.map((p) => ({ ...p, location: `payer ${payerProfileId}: ${p.location}` })),
        );
      texts.push(text.value);
    }
    const claims = written.files.flatMap((f) => f.file.claims);
    const id = randomUUID();
    const row = {
      id,
      practice_id: actor.practiceId,
      format: request.format,
      created_at: new Date(ctx.now()),
      created_by: actor.userId,
      interchange_control_number: written.files[0]!.file.envelope.interchangeControlNumber,
      interchange_count: written.files.length,
      first_claim_number: Number(last?.claim ?? 0) + 1,
      claim_count: claims.length,
      line_count: claims.reduce((n, c) => n + c.lines.length, 0),
      total_cents: claims.reduce((n, c) => n + claimTotalCents(c), 0),
      period,
      file_text: texts.join(''),
    };
    await trx.insertInto('claim_batches').values(row).execute();
    const lines = claims.flatMap((c) =>
      c.lines.map((l) => ({
        practice_id: actor.practiceId,
        batch_id: id,
        format: request.format,
        claim_pcn: c.patientControlNumber,
        charge_id: l.lineControlNumber,
      })),
    );
    for (const chunk of chunks(lines)) await trx.insertInto('claim_lines').values(chunk).execute();
    return { batch: batchView({ ...row, total_cents: String(row.total_cents) }, actor.displayName), pending };
  });
  const { batch, pending } = result;
  ctx.log.info(
    {
      practiceId: actor.practiceId,
      userId: actor.userId,
      format: request.format,
      batchId: batch?.id ?? null,
      claims: batch?.claims ?? 0,
      unbilled: pending.unbilled.length,
    },
    'claim batch created',
  );
  if (batch)
    await recordAccess(ctx, actor, {
      action: 'read',
      patientIds: pending.patientIds,
      route,
    });
  return { batch, findings: pending.findings, unbilled: pending.unbilled };
}
