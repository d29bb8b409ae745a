import type { BillingPeriod } from '../../core/claims/claim-input.js';
import type { Clinic } from '../../core/model/clinic.js';
import type { InputProblem } from '../../core/model/input-problem.js';
import { clockFor } from '../../core/time/local-clock.js';
import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import { AppError } from '../app-errors.js';
import type { ClaimBatchResult, ClaimFormat } from '../views.js';
import { loadBillingSettings } from './billing-settings.js';
import { checkDiagnoses } from './claim-diagnoses.js';
import { claimFiles } from './claim-files.js';
import { type PendingClaims, pendingClaims } from './pending-claims.js';
import { lockPractice, nextClaimNumbers, saveClaimBatch } from './save-claim-batch.js';

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
 * (CLAIM-001…007), check their diagnoses against the ICD-10-CM code file (a problem keeps its claim out,
 * listed as unbilled; warnings are returned), write one interchange per payer (each checked against the implementation
 * guide), store the batch with its text, a claim_lines row per charge (so it is not sent again) and a
 * claim_versions row per claim (its history). Missing billing settings or demographics: an `invalid_input`
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
    const practice = await lockPractice(trx, actor.practiceId);
    const found = await pendingClaims(ctx, trx, actor.practiceId, {
      format: request.format,
      period,
      through: request.through,
      charges: settings,
    });
    if (!found.drafts.length) return { batch: null, pending: found, warnings: [] };
    const items = diagnosisItems(found);
    const diagnoses = await checkDiagnoses(
      trx,
      items.map((i) => i.check),
    );
    const pending = withoutRefusedDiagnoses(found, items, diagnoses.problems);
    if (!pending.drafts.length)
      throw new AppError(
        'invalid_input',
        'diagnoses the claims cannot carry: correct them in courses.json and create the batch again',
        diagnoses.problems,
      );
    const next = await nextClaimNumbers(trx, actor.practiceId);
    const zone = (practice.clinic as Clinic).facility.timeZone;
    const written = claimFiles({
      format: request.format,
      drafts: pending.drafts,
      settings,
      subjects: pending.subjects,
      firstClaimNumber: next.claim,
      firstControlNumber: next.interchange,
      created: clockFor(zone).toLocal(ctx.now()).slice(0, 16),
    });
    if (!written.ok)
      throw new AppError(
        'invalid_input',
        'claims need more data: add what is listed and create the batch again',
        written.problems,
      );
    const batch = await saveClaimBatch(trx, actor, new Date(ctx.now()), {
      format: request.format,
      kind: 'claims',
      period,
      files: written.files,
      firstClaimNumber: next.claim,
      version: { kind: 'original', payerClaimNumber: null },
    });
    return { batch, pending, warnings: diagnoses.warnings };
  });
  const { batch, pending, warnings } = result;
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
  return { batch, findings: pending.findings, unbilled: pending.unbilled, warnings };
}

/**
 * What the claims' diagnoses are checked for (ICD-10-CM code file: exists, billable, valid on the date
 * of service; laterality against the site): each course's diagnosis once per date of service.
 */
function diagnosisItems(pending: PendingClaims): DiagnosisItem[] {
  const items = new Map<string, DiagnosisItem>();
  for (const d of pending.drafts)
    for (const l of d.lines) {
      const course = pending.subjects.get(d.patientKey)?.courses.get(l.courseId);
      if (!course?.diagnosis) continue; // claimFiles names the missing diagnosis
      items.set(`${l.courseId}|${l.dateOfService}`, {
        courseId: l.courseId,
        check: {
          location: `course ${course.courseKey}`,
          code: course.diagnosis,
          dateOfService: l.dateOfService,
          site: course.site,
        },
      });
    }
  return [...items.values()];
}

type DiagnosisItem = { courseId: string; check: Parameters<typeof checkDiagnoses>[1][number] };

/**
 * The pending claims without those carrying a diagnosis with a problem: only that claim is kept out
 * (its charges listed as unbilled with the problem, to be sent once courses.json is corrected), the
 * others are written.
 */
function withoutRefusedDiagnoses(
  pending: PendingClaims,
  items: readonly DiagnosisItem[],
  problems: readonly InputProblem[],
): PendingClaims {
  if (!problems.length) return pending;
  const reasons = new Map<string, string[]>();
  for (const p of problems)
    for (const i of items)
      if (i.check.location === p.location)
        reasons.set(i.courseId, [...(reasons.get(i.courseId) ?? []), `${p.location}: ${p.message}`]);
  const refused = (d: PendingClaims['drafts'][number]) => d.lines.some((l) => reasons.has(l.courseId));
  const unbilled = pending.drafts.filter(refused).flatMap((d) => {
    const why = [...new Set(d.lines.flatMap((l) => reasons.get(l.courseId) ?? []))].join('; ');
    return d.lines.map((l) => ({ chargeId: l.chargeId, ruleId: 'diagnosis', reason: why }));
  });
  return {
    ...pending,
    drafts: pending.drafts.filter((d) => !refused(d)),
    unbilled: [...pending.unbilled, ...unbilled],
  };
}
