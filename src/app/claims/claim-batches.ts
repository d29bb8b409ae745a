import type { Selectable } from 'kysely';
import type { ClaimBatchesTable } from '../../storage/schema.js';
import type { Actor, AppContext } from '../app-context.js';
import { recordAccess } from '../access-log.js';
import { notFound } from '../app-errors.js';
import type { ClaimBatchKind, ClaimBatchView, ClaimFormat, ClaimPeriod, ClaimPreviewView } from '../views.js';
import { billingSettingsSchema } from './billing-settings.js';
import { pendingClaims } from './pending-claims.js';

type BatchRow = Omit<Selectable<ClaimBatchesTable>, 'file_text' | 'practice_id' | 'created_by'>;

export function batchView(r: BatchRow, createdBy: string): ClaimBatchView {
  return {
    id: r.id,
    format: r.format as ClaimFormat,
    kind: r.kind as ClaimBatchKind,
    createdAt: new Date(r.created_at).toISOString(),
    createdBy,
    interchangeControlNumber: r.interchange_control_number,
    interchanges: r.interchange_count,
    claims: r.claim_count,
    lines: r.line_count,
    totalCents: Number(r.total_cents),
    period: r.period as ClaimPeriod,
  };
}

/** The practice's 837 batches, newest first (no patient data: counts and totals only). */
export async function listClaimBatches(
  ctx: AppContext,
  actor: Actor,
  page: { limit?: number | undefined; offset?: number | undefined } = {},
): Promise<{ items: ClaimBatchView[]; total: number }> {
  const rows = await ctx.db
    .selectFrom('claim_batches as b')
    .leftJoin('users as u', 'u.id', 'b.created_by')
    .select([
      'b.id',
      'b.format',
      'b.kind',
      'b.created_at',
      'b.interchange_control_number',
      'b.interchange_count',
      'b.first_claim_number',
      'b.claim_count',
      'b.line_count',
      'b.total_cents',
      'b.period',
      'u.display_name',
    ])
    .where('b.practice_id', '=', actor.practiceId)
    .orderBy('b.created_at', 'desc')
    .orderBy('b.interchange_control_number', 'desc')
    .limit(page.limit ?? 50)
    .offset(page.offset ?? 0)
    .execute();
  const total = await ctx.db
    .selectFrom('claim_batches')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('practice_id', '=', actor.practiceId)
    .executeTakeFirstOrThrow();
  return {
    // No login made it: the command line or the demo set-up.
    items: rows.map((r) => batchView(r, r.display_name ?? 'command line or set-up')),
    total: Number(total.n),
  };
}

/** A batch's 837 text for download (patient data: recorded in the access log). */
export async function claimBatchFile(
  ctx: AppContext,
  actor: Actor,
  batchId: string,
  route = 'GET /api/claims/batches/:id/file',
): Promise<{ filename: string; text: string }> {
  const row = await ctx.db
    .selectFrom('claim_batches')
    .select(['format', 'interchange_control_number', 'file_text'])
    .where('practice_id', '=', actor.practiceId)
    .where('id', '=', batchId)
    .executeTakeFirst();
  if (!row) throw notFound('claim batch');
  const patients = await ctx.db
    .selectFrom('claim_lines as cl')
    .innerJoin('charges as ch', 'ch.id', 'cl.charge_id')
    .innerJoin('fractions as f', 'f.id', 'ch.fraction_id')
    .innerJoin('courses as c', 'c.id', 'f.course_id')
    .select('c.patient_id')
    .distinct()
    .where('cl.practice_id', '=', actor.practiceId)
    .where('cl.batch_id', '=', batchId)
    .execute();
  await recordAccess(ctx, actor, {
    action: 'read',
    patientIds: patients.map((p) => p.patient_id),
    route,
  });
  return {
    filename: `${row.format.toLowerCase()}-${row.interchange_control_number}.837`,
    text: row.file_text,
  };
}

/**
 * What a batch of each format would carry now (released charges not sent yet, per payer), the charges no
 * claim can carry, and whether the billing settings are complete. Counts and totals only, but read from
 * the patients' charges: recorded in the access log.
 */
export async function claimPreview(ctx: AppContext, actor: Actor): Promise<ClaimPreviewView> {
  const practice = await ctx.db
    .selectFrom('practices')
    .select('billing')
    .where('id', '=', actor.practiceId)
    .executeTakeFirstOrThrow();
  const settings = billingSettingsSchema.safeParse(practice.billing ?? undefined);
  const period = settings.success ? settings.data.defaultPeriod : 'month';
  const charges = settings.success ? settings.data : { chargePercent: 100, chargeCents: {} };
  const rows: ClaimPreviewView['rows'] = [];
  const unbilled = new Map<string, ClaimPreviewView['unbilled'][number]>();
  const patientIds = new Set<string>();
  for (const format of ['837P', '837I'] as const) {
    const pending = await pendingClaims(ctx, ctx.db, actor.practiceId, { format, period, charges });
    for (const u of pending.unbilled) unbilled.set(`${u.chargeId}|${u.ruleId}`, u);
    for (const id of pending.patientIds) patientIds.add(id);
    const byPayer = new Map<string, ClaimPreviewView['rows'][number]>();
    for (const d of pending.drafts) {
      const payer = d.payerProfileId;
      const row = byPayer.get(payer) ?? { format, payer, claims: 0, lines: 0, totalCents: 0 };
      row.claims++;
      row.lines += d.lines.length;
      row.totalCents += d.lines.reduce((n, l) => n + l.chargeCents, 0);
      byPayer.set(payer, row);
    }
    rows.push(...[...byPayer.values()].sort((a, b) => a.payer.localeCompare(b.payer)));
  }
  await recordAccess(ctx, actor, {
    action: 'read',
    patientIds: [...patientIds],
    route: 'GET /api/claims/preview',
  });
  return { rows, unbilled: [...unbilled.values()], settingsComplete: settings.success };
}
