import { sql } from 'kysely';
import { tableToCsv, tableToXlsx, type Column } from '../../formats/spreadsheet/write-table.js';
import type { Actor, AppContext } from '../app-context.js';
import { AppError, notFound } from '../app-errors.js';
import type { ExportFile } from '../exports/export-list.js';
import type {
  CmsReleaseView,
  ContractRateView,
  ExpectedRateView,
  LocalityView,
  PayerSettingView,
} from '../views.js';
import { inForce } from '../../core/rates/mpfs-payment.js';
import { appealWindow, type PayerKind } from '../../core/remit/appeal-deadline.js';
import { appealPolicy, refreshAppealDates } from './appeal-windows.js';
import { expectedRate } from './expected-rate.js';
import { upsertContractRates } from './reference-import.js';
import {
  listContractRates,
  loadPracticeRates,
  practiceLocality,
  RELEASE_KINDS,
  referenceRelease,
} from './reference-store.js';

/** Who loaded a release when no operator did: `sgrt-billing reference import` on the server (or the demo's setup). */
export const SERVER_LOADER = 'server command line';

/**
 * `GET /api/reference/releases` (every role of every practice: the data is installation-wide): the
 * stored CMS releases, newest first, each with its row counts, who loaded it and when, and whether it is
 * the one of its kind in force today (`inForce`, as the pricing and the edits choose it).
 */
export async function listReleases(ctx: AppContext): Promise<CmsReleaseView[]> {
  const releases = await ctx.db
    .selectFrom('cms_releases')
    .leftJoin('users', 'users.id', 'cms_releases.imported_by')
    .selectAll('cms_releases')
    .select('users.display_name as loader')
    .orderBy('effective_from', 'desc')
    .orderBy('id')
    .execute();
  const today = new Date(ctx.now()).toISOString().slice(0, 10);
  const current = new Set(
    RELEASE_KINDS.map(
      (kind) =>
        inForce(
          releases.filter((r) => r.kind === kind).map((r) => ({ id: r.id, release: referenceRelease(r) })),
          today,
        )?.id,
    ),
  );
  const count = (
    table:
      | 'cms_rvus'
      | 'cms_gpcis'
      | 'cms_localities'
      | 'cms_opps_rates'
      | 'cms_ptp_edits'
      | 'cms_mue_limits'
      | 'cms_icd10cm_codes',
  ) =>
    ctx.db
      .selectFrom(table)
      .select(['release_id', sql<string>`count(*)`.as('n')])
      .groupBy('release_id')
      .execute();
  const tables = {
    rvus: 'cms_rvus',
    gpcis: 'cms_gpcis',
    localities: 'cms_localities',
    opps: 'cms_opps_rates',
    ptp: 'cms_ptp_edits',
    mue: 'cms_mue_limits',
    icd10cm: 'cms_icd10cm_codes',
  } as const;
  const counts = await Promise.all(
    Object.entries(tables).map(async ([k, t]) => [k, await count(t)] as const),
  );
  return releases.map((r) => ({
    id: r.id,
    kind: r.kind as CmsReleaseView['kind'],
    year: r.year,
    quarter: r.quarter,
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
    sources: r.sources.split('\n'),
    importedAt: new Date(r.imported_at).toISOString(),
    importedBy: r.loader ?? SERVER_LOADER,
    inForce: current.has(r.id),
    rows: Object.fromEntries(
      counts.flatMap(([k, rows]) => {
        const n = rows.find((x) => x.release_id === r.id)?.n;
        return n ? [[k, Number(n)]] : [];
      }),
    ),
  }));
}

/** `GET /api/reference/locality`: the practice's locality and the localities of the stored releases. */
export async function getLocality(ctx: AppContext, actor: Actor): Promise<LocalityView> {
  const own = await practiceLocality(ctx.db, actor.practiceId);
  const choices = await ctx.db
    .selectFrom('cms_localities')
    .select(['carrier', 'locality', 'fee_schedule_area', 'state'])
    .distinct()
    .orderBy('carrier')
    .orderBy('locality')
    .execute();
  return {
    carrier: own?.carrier ?? null,
    locality: own?.locality ?? null,
    choices: choices.map((c) => ({
      carrier: c.carrier,
      locality: c.locality,
      area: c.fee_schedule_area,
      state: c.state,
    })),
  };
}

/** `PUT /api/reference/locality`: the practice's Medicare contractor and locality number. */
export async function setLocality(
  ctx: AppContext,
  actor: Actor,
  input: { carrier: string; locality: string },
): Promise<LocalityView> {
  const row = { carrier: input.carrier.trim(), locality: input.locality.trim().padStart(2, '0') };
  await ctx.db
    .insertInto('practice_localities')
    .values({ practice_id: actor.practiceId, ...row })
    .onConflict((oc) => oc.column('practice_id').doUpdateSet(row))
    .execute();
  return getLocality(ctx, actor);
}

/** `GET /api/payer-settings`: saved settings, and the payers seen on the practice's courses with defaults. */
export async function listPayerSettings(ctx: AppContext, actor: Actor): Promise<PayerSettingView[]> {
  const [saved, seen, policy] = await Promise.all([
    ctx.db.selectFrom('payer_settings').selectAll().where('practice_id', '=', actor.practiceId).execute(),
    ctx.db
      .selectFrom('courses')
      .select(['payer_name', 'payer_profile'])
      .distinct()
      .where('practice_id', '=', actor.practiceId)
      .execute(),
    appealPolicy(ctx.db, actor.practiceId),
  ]);
  const filingIndicator = (payer: string, profile: string | null) =>
    policy.filingIndicators.get(payer.trim().toLowerCase()) ??
    (profile ? policy.filingIndicators.get(profile.trim().toLowerCase()) : undefined) ??
    null;
  const views: PayerSettingView[] = saved.map((s) => ({
    payer: s.payer,
    payerProfile: s.payer_profile,
    payerKind: (s.payer_kind as PayerKind | null) ?? null,
    // No window of its own: the payer's kind decides (Medicare 120 days, Medicare Advantage 60, others 180).
    appealDays:
      s.appeal_days ??
      appealWindow({
        profileId: s.payer_profile,
        claimFilingIndicator: filingIndicator(s.payer, s.payer_profile),
        declaredKind: (s.payer_kind as PayerKind | null) ?? null,
      }).days,
    ownWindow: s.appeal_days !== null,
    notes: s.notes,
    saved: true,
  }));
  for (const c of seen) {
    const payer = c.payer_name ?? c.payer_profile;
    if (views.some((v) => v.payer.toLowerCase() === payer.toLowerCase())) continue;
    views.push({
      payer,
      payerProfile: c.payer_profile,
      payerKind: null,
      // Not configured: the payer's kind decides (Medicare Part B 120 days, others 180).
      appealDays: appealWindow({
        profileId: c.payer_profile,
        claimFilingIndicator: filingIndicator(payer, c.payer_profile),
      }).days,
      ownWindow: false,
      notes: null,
      saved: false,
    });
  }
  return views.sort((a, b) => a.payer.localeCompare(b.payer));
}

export interface PayerSettingInput {
  payer: string;
  payerProfile?: string | null | undefined;
  /** The practice's own window; null or absent: the payer's kind decides. */
  appealDays?: number | null | undefined;
  /** Medicare, Medicare Advantage or another payer; null or absent: by profile and filing indicator. */
  payerKind?: PayerKind | null | undefined;
  notes?: string | null | undefined;
}

/** `PUT /api/payer-settings`: save one payer's settings (by name); appeal-by dates follow at once. */
export async function savePayerSetting(
  ctx: AppContext,
  actor: Actor,
  input: PayerSettingInput,
): Promise<PayerSettingView[]> {
  const payer = input.payer.trim();
  if (!payer) throw new AppError('invalid_input', 'name the payer');
  const row = {
    payer_profile: input.payerProfile ?? null,
    appeal_days: input.appealDays ?? null,
    payer_kind: input.payerKind ?? null,
    notes: input.notes ?? null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('payer_settings')
      .values({ practice_id: actor.practiceId, payer, ...row })
      .onConflict((oc) => oc.columns(['practice_id', 'payer']).doUpdateSet(row))
      .execute();
    await refreshAppealDates(trx, actor.practiceId);
  });
  ctx.log.info({ practiceId: actor.practiceId, userId: actor.userId }, 'payer setting saved');
  return listPayerSettings(ctx, actor);
}

export const contractRates = (ctx: AppContext, actor: Actor): Promise<ContractRateView[]> =>
  listContractRates(ctx.db, actor.practiceId);

export interface ContractRateInput {
  payer: string;
  code: string;
  modifier: '' | '26' | 'TC';
  cents: number;
  effectiveFrom: string;
  effectiveTo?: string | null | undefined;
}

/** `POST /api/contract-rates`: add (or replace: same payer, code, modifier and start) a contract rate. */
export async function addContractRate(
  ctx: AppContext,
  actor: Actor,
  input: ContractRateInput,
): Promise<ContractRateView[]> {
  const effectiveTo = input.effectiveTo ?? null;
  if (effectiveTo !== null && effectiveTo < input.effectiveFrom) {
    throw new AppError('invalid_input', 'effectiveTo is before effectiveFrom', [
      { location: 'effectiveTo', message: 'before effectiveFrom' },
    ]);
  }
  await ctx.db
    .transaction()
    .execute((trx) =>
      upsertContractRates(trx, actor.practiceId, [
        { ...input, payer: input.payer.trim(), code: input.code.toUpperCase(), effectiveTo },
      ]),
    );
  return contractRates(ctx, actor);
}

/** `DELETE /api/contract-rates/:id`. */
export async function deleteContractRate(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<ContractRateView[]> {
  const deleted = await ctx.db
    .deleteFrom('contract_rates')
    .where('practice_id', '=', actor.practiceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!Number(deleted.numDeletedRows)) throw notFound('contract rate');
  return contractRates(ctx, actor);
}

const CONTRACT_COLUMNS: Column[] = [
  { header: 'payer', width: 28 },
  { header: 'code' },
  { header: 'modifier' },
  { header: 'rate', kind: 'cents', width: 12 },
  { header: 'effective_from', kind: 'date', width: 14 },
  { header: 'effective_to', kind: 'date', width: 14 },
];

/**
 * `GET /api/contract-rates/export.csv|xlsx`: the practice's contract rates in the import's own layout
 * (the CSV reads back unchanged).
 */
export async function exportContractRates(
  ctx: AppContext,
  actor: Actor,
  format: 'csv' | 'xlsx',
): Promise<ExportFile> {
  const rows = (await contractRates(ctx, actor)).map((r) => [
    r.payer,
    r.code,
    r.modifier,
    r.cents,
    r.effectiveFrom,
    r.effectiveTo ?? '',
  ]);
  const filename = `contract-rates.${format}`;
  return format === 'csv'
    ? { filename, contentType: 'text/csv; charset=utf-8', body: tableToCsv(CONTRACT_COLUMNS, rows) }
    : {
        filename,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await tableToXlsx('contract rates', CONTRACT_COLUMNS, rows),
      };
}

export interface ExpectedRateQuery {
  code: string;
  modifiers: string[];
  payer?: string | undefined;
  placeOfService: string;
  dateOfService: string;
}

/** `GET /api/reference/expected`: what one line should pay for the practice, with the basis. */
export async function expectedRateFor(
  ctx: AppContext,
  actor: Actor,
  q: ExpectedRateQuery,
): Promise<ExpectedRateView> {
  const code = q.code.toUpperCase();
  const rates = await loadPracticeRates(ctx.db, actor.practiceId, ctx.auditContext(ctx.now()).rates, [code]);
  const answer = expectedRate(rates, { ...q, code, payers: [q.payer] });
  return {
    code,
    modifiers: q.modifiers,
    payer: q.payer ?? null,
    placeOfService: q.placeOfService,
    dateOfService: q.dateOfService,
    cents: answer?.cents ?? null,
    basis: answer?.basis ?? null,
    label: answer?.label ?? null,
  };
}
