import type { ClaimDraft } from '../../core/claims/claim-input.js';
import { claimLineKey, correctionRoute } from '../../core/claims/medicare-part-b-corrections.js';
import { providerLiabilityOnly, secondaryBalanceRefusal } from '../../core/claims/secondary-balance.js';
import type { Clinic } from '../../core/model/clinic.js';
import { clockFor } from '../../core/time/local-clock.js';
import type { Trx } from '../../storage/repositories/course-store.js';
import { recordAccess } from '../access-log.js';
import { cappedPage, countCap, countUpTo } from '../queries/capped-count.js';
import type { Actor, AppContext } from '../app-context.js';
import { AppError, conflict, notFound } from '../app-errors.js';
import type {
  ClaimBatchView,
  ClaimFormat,
  ClaimHistoryView,
  ClaimSummaryView,
  ClaimVersionKind,
  Page,
} from '../views.js';
import { loadBillingSettings } from './billing-settings.js';
import {
  type ClaimSubject,
  claimVersionFile,
  type ClaimVersionOptions,
  type SecondaryClaim,
} from './claim-files.js';
import { addSubject } from './pending-claims.js';
import { lockPractice, nextClaimNumbers, saveClaimBatch } from './save-claim-batch.js';
import {
  LATER_PAYER_STATUSES,
  type PayerAnswer,
  primaryAnswer,
  standingAnswer,
  storedPayerAnswers,
} from './stored-remit-claims.js';

export interface ClaimVersionRequest {
  /** CLM01 of the claim sent (CLP01 on the 835). */
  claimNumber: string;
  /** `replace`: CLM05-3 7; `void`: 8 [837 TR3 2300 CLM05-3]. */
  action: 'replace' | 'void';
  /** The payer's claim control number (CLP07), when no stored 835 gives it. */
  payerClaimNumber?: string | undefined;
}

/**
 * The history of one claim number: each version sent (original, replacement, void, secondary) with its
 * batch, and what the payers said to it (the classified remit lines and the 835 claim loops: status,
 * CLP07), oldest first; and what can be sent next. Patient data read: recorded in the access log.
 */
export async function claimHistory(
  ctx: AppContext,
  actor: Actor,
  claimRef: string,
  route = 'GET /api/claims/:number/history',
): Promise<ClaimHistoryView> {
  const claimNumber = await resolveClaimNumber(ctx, actor, claimRef);
  // The history is readable without billing settings (they only name the payer's SBR09 here).
  const settings = await loadBillingSettings(ctx, actor.practiceId).catch(() => null);
  const versions = await ctx.db
    .selectFrom('claim_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .select([
      'v.id',
      'v.batch_id',
      'v.format',
      'v.kind',
      'v.frequency_code',
      'v.payer_profile',
      'v.payer_name',
      'v.payer_claim_number',
      'v.patient_id',
      'v.total_cents',
      'v.created_at',
      'v.draft',
      'u.display_name',
    ])
    .where('v.practice_id', '=', actor.practiceId)
    .where('v.claim_pcn', '=', claimNumber)
    .orderBy('v.created_at')
    .execute();
  if (!versions.length) throw notFound('claim');
  const lines = await ctx.db
    .selectFrom('remit_lines')
    .select([
      'id',
      'payer',
      'payment_date',
      'trace_number',
      'line_no',
      'date_of_service',
      'code',
      'modifiers',
      'billed_cents',
      'paid_cents',
      'category',
      'carcs',
      'message',
    ])
    .where('practice_id', '=', actor.practiceId)
    .where('claim_pcn', '=', claimNumber)
    .orderBy('payment_date')
    .orderBy('line_no')
    .execute();
  const answers = await storedPayerAnswers(ctx.db, actor.practiceId, claimNumber);
  const patientId = versions[0]!.patient_id;
  await recordAccess(ctx, actor, { action: 'read', patientIds: [patientId], route });
  const subject = (await loadSubjects(ctx.db, actor.practiceId, versions[0]!.draft as ClaimDraft)).get(
    patientId,
  );
  const last = versions.at(-1)!;
  const primaries = versions.filter((v) => v.kind !== 'secondary');
  const voided = primaries.at(-1)?.kind === 'void';
  const standing = standingAnswer(answers);
  const indicators = [
    subject?.coverage.claimFilingIndicator ?? settings?.payers[versions[0]!.payer_profile]?.filingIndicator,
    standing?.claim.filingIndicator,
  ];
  const replace = correctionRoute('replace', indicators, standing?.claim ?? null);
  const resubmitted = replace.kind === 'new-claim' ? resubmissionRefusal(standing, versions) : null;
  const voiding = correctionRoute('void', indicators, standing?.claim ?? null);
  return {
    claimNumber,
    format: versions[0]!.format as ClaimFormat,
    versions: versions.map((v) => ({
      id: v.id,
      batchId: v.batch_id,
      kind: v.kind as ClaimVersionKind,
      frequencyCode: v.frequency_code,
      payer: v.payer_name,
      payerClaimNumber: v.payer_claim_number,
      totalCents: Number(v.total_cents),
      createdAt: new Date(v.created_at).toISOString(),
      createdBy: v.display_name ?? 'command line or set-up',
    })),
    answers: answers.map((a) => ({
      payer: a.payer.name ?? a.payer.id ?? '',
      paymentDate: a.paymentDate,
      status: a.claim.status,
      payerClaimNumber: a.claim.payerClaimControlNumber,
      chargeCents: a.claim.chargeCents,
      paidCents: a.claim.paidCents,
    })),
    remitLines: lines.map((l) => ({
      id: l.id,
      payer: l.payer,
      paymentDate: l.payment_date,
      traceNumber: l.trace_number,
      line: l.line_no,
      dateOfService: l.date_of_service,
      code: [l.code, ...l.modifiers.split(',').filter(Boolean)].join('-'),
      billedCents: Number(l.billed_cents),
      paidCents: Number(l.paid_cents),
      category: l.category,
      carcs: l.carcs.split(',').filter(Boolean),
      message: l.message,
    })),
    payerClaimNumber: standing?.claim.payerClaimControlNumber ?? last.payer_claim_number ?? null,
    canCorrect: !voided && replace.kind !== 'refused' && resubmitted === null,
    canVoid: !voided && voiding.kind !== 'refused',
    correctionNote: voided
      ? null
      : resubmitted !== null
        ? `${resubmitted[0]!.toUpperCase()}${resubmitted.slice(1)}.`
        : replace.kind === 'new-claim'
          ? `Medicare Part B returned ${replace.lines === 'all' ? 'this claim' : `${replace.lines.length} line(s) of this claim`} unprocessable (CO-16 with MA130 or a remark naming the field): the correction goes as a new claim of ${replace.lines === 'all' ? 'it' : 'those lines'} (CLM05-3 1, no REF*F8); a processed line is corrected by a reopening.`
          : replace.kind === 'refused'
            ? `${replace.message}.`
            : null,
    canSendSecondary:
      !voided &&
      secondaryRefusal(answers, versions) === null &&
      subject?.coverage.otherCoverage?.some((c) => c.order === 'secondary') === true,
  };
}

/**
 * `POST /api/claims/:number/versions` (a claim number or a remittance line id): a replacement (CLM05-3 7) or void (8) of a claim sent before
 * (for Medicare Part B: a new claim after an unprocessable return, else refused: `correctionRoute`),
 * with REF*F8 = the payer's claim control number (CLP07 of the stored 835's last standing answer, else
 * the one given), rebuilt from the claim's draft with today's settings and patient data (a corrected
 * claim carries what was added since, e.g. the rendering provider an N290 asked for). Stored as a batch
 * of one claim with its version; the claim number stays the original's.
 */
export async function sendClaimVersion(
  ctx: AppContext,
  actor: Actor,
  request: ClaimVersionRequest,
  route = 'POST /api/claims/:number/versions',
): Promise<ClaimBatchView> {
  request = { ...request, claimNumber: await resolveClaimNumber(ctx, actor, request.claimNumber) };
  const settings = await loadBillingSettings(ctx, actor.practiceId);
  const batch = await ctx.db.transaction().execute(async (trx) => {
    const { practice, original, subjects } = await claimToChange(trx, actor, request.claimNumber);
    const answers = await storedPayerAnswers(trx, actor.practiceId, request.claimNumber);
    const standing = standingAnswer(answers);
    const draft = original.draft as ClaimDraft;
    const route = correctionRoute(
      request.action,
      [
        subjects.get(draft.patientKey)?.coverage.claimFilingIndicator ??
          settings.payers[draft.payerProfileId]?.filingIndicator,
        standing?.claim.filingIndicator,
      ],
      standing?.claim ?? null,
    );
    if (route.kind === 'refused')
      throw new AppError('invalid_input', route.message, [
        { location: `claim ${request.claimNumber}`, message: route.message },
      ]);
    let source = original;
    let options: ClaimVersionOptions = { claimNumber: request.claimNumber };
    let version: SentVersion;
    if (route.kind === 'new-claim') {
      const refusal = resubmissionRefusal(standing, await sentVersions(trx, actor, request.claimNumber));
      if (refusal)
        throw new AppError('invalid_input', refusal, [
          { location: `claim ${request.claimNumber}`, message: refusal },
        ]);
      source = returnedLinesOf(original, route.lines);
      version = { kind: 'resubmission', payerClaimNumber: null };
    } else {
      const payerClaimNumber =
        request.payerClaimNumber?.trim() || standing?.claim.payerClaimControlNumber || '';
      if (!payerClaimNumber)
        throw new AppError(
          'invalid_input',
          "no 835 gives the payer's claim control number (CLP07) of this claim: give it (REF*F8)",
          [{ location: 'payerClaimNumber', message: 'required: no stored 835 answers this claim' }],
        );
      options = { ...options, frequencyCode: route.frequencyCode, payerClaimControlNumber: payerClaimNumber };
      version = { kind: request.action === 'replace' ? 'replacement' : 'void', payerClaimNumber };
    }
    const view = await writeVersion(
      trx,
      ctx,
      actor,
      practice.clinic,
      settings,
      source,
      subjects,
      options,
      version,
    );
    return { view, patientId: original.patient_id };
  });
  ctx.log.info(
    { practiceId: actor.practiceId, userId: actor.userId, batchId: batch.view.id, action: request.action },
    'claim version sent',
  );
  await recordAccess(ctx, actor, { action: 'read', patientIds: [batch.patientId], route });
  return batch.view;
}

/**
 * `POST /api/claims/:number/secondary`: after the primary's 835, the claim to the patient's secondary
 * payer (SBR01 S) with the primary's adjudication: 2320 claim-level CAS and AMT*D (CLP04), 2330A/B,
 * per line SVD (SVC03), the line's CAS and DTP*573 (the payment date) [837P/837I TR3 loops 2320, 2330,
 * 2430]. Lines are matched to the 835's by REF*6R (our charge id).
 */
export async function sendSecondaryClaim(
  ctx: AppContext,
  actor: Actor,
  claimRef: string,
  route = 'POST /api/claims/:number/secondary',
): Promise<ClaimBatchView> {
  const claimNumber = await resolveClaimNumber(ctx, actor, claimRef);
  const settings = await loadBillingSettings(ctx, actor.practiceId);
  const batch = await ctx.db.transaction().execute(async (trx) => {
    const { practice, original, subjects } = await claimToChange(trx, actor, claimNumber);
    const answers = await storedPayerAnswers(trx, actor.practiceId, claimNumber);
    const refusal = secondaryRefusal(answers, await sentVersions(trx, actor, claimNumber));
    if (refusal)
      throw new AppError('invalid_input', refusal, [{ location: `claim ${claimNumber}`, message: refusal }]);
    const primary = primaryAnswer(answers)!;
    // Lines the primary denied to the provider alone (CO, nothing paid, no PR) are not forwarded.
    const denied = new Set(
      primary.claim.lines.filter(providerLiabilityOnly).flatMap((l) => l.lineControlNumber ?? []),
    );
    const draft = original.draft as ClaimDraft;
    const forwarded = {
      ...original,
      draft: { ...draft, lines: draft.lines.filter((l) => !denied.has(l.chargeId)) },
    };
    const view = await writeVersion(
      trx,
      ctx,
      actor,
      practice.clinic,
      settings,
      forwarded,
      subjects,
      {
        claimNumber,
        secondary: secondaryOf(primary),
      },
      { kind: 'secondary', payerClaimNumber: null },
    );
    return { view, patientId: original.patient_id };
  });
  ctx.log.info(
    { practiceId: actor.practiceId, userId: actor.userId, batchId: batch.view.id },
    'secondary claim sent',
  );
  await recordAccess(ctx, actor, { action: 'read', patientIds: [batch.patientId], route });
  return batch.view;
}

/**
 * Why no secondary claim may be sent, else null: no primary answer yet (CLP02 1/19); the primary payer
 * forwarded the claim itself (CLP02 19, 2100 NM1*TT crossover carrier) [835 TR3 2100 CLP02, NM1*TT]; the
 * secondary payer already answered it (CLP02 2/3/20/21); a secondary claim was already sent; the primary
 * left nothing to the patient (no PR: `secondaryBalanceRefusal`).
 */
function secondaryRefusal(
  answers: readonly PayerAnswer[],
  versions: readonly { kind: string }[],
): string | null {
  const later = answers.find((a) => LATER_PAYER_STATUSES.has(a.claim.status));
  if (later)
    return `the secondary payer already answered this claim (835 CLP02 ${later.claim.status} of ${later.paymentDate ?? 'an unknown date'}): no secondary claim to send`;
  if (versions.some((v) => v.kind === 'secondary'))
    return 'a secondary claim was already sent for this claim';
  const primary = primaryAnswer(answers);
  if (!primary) return 'no 835 from the primary payer answers this claim yet (CLP02 1 or 19)';
  if (primary.claim.status === '19' || primary.claim.crossoverPayer)
    return `the primary payer forwarded this claim to ${primary.claim.crossoverPayer ?? 'the secondary payer'} (835 CLP02 ${primary.claim.status}, NM1*TT): wait for the secondary payer's 835`;
  return secondaryBalanceRefusal(primary.claim);
}

/**
 * Why no second new claim may follow an unprocessable return, else null: a new claim (kind
 * `resubmission`) was already sent after the payer's standing answer was imported, so that return is
 * answered; send again only when the payer returns the new claim too (CMS IOM 100-04 ch. 1 §80.3: the
 * unprocessable claim is corrected and resubmitted as a new claim; another copy of it is a duplicate,
 * CARC 18 "exact duplicate claim/service").
 */
function resubmissionRefusal(
  standing: PayerAnswer | null,
  versions: readonly { kind: string; created_at: Date | string }[],
): string | null {
  const answered = standing?.importedAt ?? '';
  const sent = versions
    .filter((v) => v.kind === 'resubmission')
    .map((v) => new Date(v.created_at).toISOString())
    .find((at) => at >= answered);
  if (sent === undefined) return null;
  return `a new claim was already sent for this return (${sent.slice(0, 10)}): wait for the payer's answer to it`;
}

/** The original with only the lines the payer returned (all of them when it returned the claim). */
function returnedLinesOf(original: VersionRow, lines: 'all' | string[]): VersionRow {
  if (lines === 'all') return original;
  const returned = new Set(lines);
  const draft = original.draft as ClaimDraft;
  return {
    ...original,
    draft: {
      ...draft,
      lines: draft.lines.filter(
        (l) => returned.has(l.chargeId) || returned.has(claimLineKey(l.code, l.modifiers, l.dateOfService)),
      ),
    },
  };
}

/** The versions sent of a claim number (their kind and when). */
function sentVersions(trx: Trx, actor: Actor, claimNumber: string) {
  return trx
    .selectFrom('claim_versions')
    .select(['kind', 'created_at'])
    .where('practice_id', '=', actor.practiceId)
    .where('claim_pcn', '=', claimNumber)
    .execute();
}

/** The primary's answer as the secondary claim carries it (paid amounts and CAS, by charge id). */
export function secondaryOf(answer: PayerAnswer): SecondaryClaim {
  const date = answer.paymentDate ?? '';
  return {
    paidCents: answer.claim.paidCents,
    adjustments: answer.claim.adjustments.map(({ group, reason, amountCents }) => ({
      group,
      reason,
      amountCents,
    })),
    lines: new Map(
      answer.claim.lines.flatMap((l) =>
        l.lineControlNumber
          ? [
              [
                l.lineControlNumber,
                {
                  paidCents: l.paidCents,
                  adjustments: l.adjustments.map(({ group, reason, amountCents }) => ({
                    group,
                    reason,
                    amountCents,
                  })),
                  adjudicationDate: date,
                },
              ] as const,
            ]
          : [],
      ),
    ),
  };
}

/**
 * A claim number, or the id of a remittance line of the practice (the Remittances page and the CLI
 * open a claim from a line): the line's claim number (CLP01).
 */
async function resolveClaimNumber(ctx: AppContext, actor: Actor, ref: string): Promise<string> {
  if (!/^\d+$/.test(ref)) return ref;
  const line = await ctx.db
    .selectFrom('remit_lines')
    .select('claim_pcn')
    .where('practice_id', '=', actor.practiceId)
    .where('id', '=', ref)
    .executeTakeFirst();
  return line?.claim_pcn ?? ref;
}

type VersionRow = { draft: unknown; format: string; patient_id: string; payer_profile: string };

/** What a version sent after the original is, and the REF*F8 it carries. */
type SentVersion = { kind: Exclude<ClaimVersionKind, 'original'>; payerClaimNumber: string | null };

/** The claim's original version (its draft) and its patient's data, with the practice row locked. */
async function claimToChange(trx: Trx, actor: Actor, claimNumber: string) {
  const practice = await lockPractice(trx, actor.practiceId);
  const original: VersionRow | undefined = await trx
    .selectFrom('claim_versions')
    .select(['draft', 'format', 'patient_id', 'payer_profile'])
    .where('practice_id', '=', actor.practiceId)
    .where('claim_pcn', '=', claimNumber)
    .where('kind', '=', 'original')
    .executeTakeFirst();
  if (!original) throw notFound('claim');
  const voided = await trx
    .selectFrom('claim_versions')
    .select('id')
    .where('practice_id', '=', actor.practiceId)
    .where('claim_pcn', '=', claimNumber)
    .where('kind', '=', 'void')
    .executeTakeFirst();
  if (voided) throw conflict('this claim was voided: nothing more can be sent for it');
  const draft = original.draft as ClaimDraft;
  const subjects = await loadSubjects(trx, actor.practiceId, draft);
  const courses = subjects.get(draft.patientKey)?.courses;
  if (!draft.lines.every((l) => courses?.has(l.courseId)))
    throw new AppError('invalid_input', "the claim's courses are no longer stored: import them again", [
      { location: `claim ${claimNumber}`, message: 'its courses are not stored' },
    ]);
  return { practice, original, subjects };
}

async function writeVersion(
  trx: Trx,
  ctx: AppContext,
  actor: Actor,
  clinic: unknown,
  settings: Awaited<ReturnType<typeof loadBillingSettings>>,
  original: VersionRow,
  subjects: Map<string, ClaimSubject>,
  options: ClaimVersionOptions,
  version: SentVersion,
): Promise<ClaimBatchView> {
  const draft = original.draft as ClaimDraft;
  const next = await nextClaimNumbers(trx, actor.practiceId);
  const zone = (clinic as Clinic).facility.timeZone;
  const built = claimVersionFile(
    {
      format: original.format as ClaimFormat,
      draft,
      settings,
      subjects,
      firstControlNumber: next.interchange,
      created: clockFor(zone).toLocal(ctx.now()).slice(0, 16),
    },
    options,
  );
  if (!built.ok)
    throw new AppError(
      'invalid_input',
      'the claim needs more data: add what is listed and send it again',
      built.problems,
    );
  return saveClaimBatch(trx, actor, new Date(ctx.now()), {
    format: original.format as ClaimFormat,
    kind: version.kind,
    period: 'date',
    files: [built.file],
    firstClaimNumber: 0,
    version,
  });
}

/** What the claim says about its patient and courses today (the rows of the draft's courses). */
async function loadSubjects(db: Trx | AppContext['db'], practiceId: string, draft: ClaimDraft) {
  const rows = await db
    .selectFrom('courses as c')
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .select([
      'c.id as course_id',
      'c.course_key',
      'c.document',
      'p.id as patient_id',
      'p.name',
      'p.birth_date',
      'p.demographics',
    ])
    .where('c.practice_id', '=', practiceId)
    .where('c.id', 'in', [...new Set(draft.lines.map((l) => l.courseId))])
    .execute();
  const subjects = new Map<string, ClaimSubject>();
  for (const r of rows) addSubject(subjects, r);
  return subjects;
}

/**
 * `GET /api/claims`: the claims sent (one row per claim number, newest first), each with its latest
 * version; `q` filters by claim number prefix. Ids and amounts only; the total is capped as the
 * worklist's (capped-count.ts).
 */
export async function listClaims(
  ctx: AppContext,
  actor: Actor,
  query: { q?: string | undefined; limit?: number | undefined; offset?: number | undefined },
): Promise<Page<ClaimSummaryView>> {
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  const cap = countCap(offset, limit);
  const base = ctx.db
    .selectFrom('claim_versions as v')
    .where('v.practice_id', '=', actor.practiceId)
    .where('v.kind', '=', 'original')
    .$if(Boolean(query.q), (q) => q.where('v.claim_pcn', 'like', `${query.q!.replace(/[%_\\]/g, '\\$&')}%`));
  const rows = await base
    .select((eb) => [
      'v.claim_pcn',
      'v.format',
      'v.payer_name',
      'v.total_cents',
      'v.created_at',
      eb
        .selectFrom('claim_versions as l')
        .select('l.kind')
        .whereRef('l.practice_id', '=', 'v.practice_id')
        .whereRef('l.claim_pcn', '=', 'v.claim_pcn')
        .orderBy('l.created_at', 'desc')
        .limit(1)
        .as('latest'),
    ])
    // The order of index claim_versions_originals (0027-list-search-indexes.ts): read in order, no sort.
    .orderBy('v.created_at', 'desc')
    .orderBy('v.claim_pcn')
    .limit(limit)
    .offset(offset)
    .execute();
  const counted = await countUpTo(ctx.db, base.select('v.id'), cap);
  return cappedPage(
    rows.map((r) => ({
      claimNumber: r.claim_pcn,
      format: r.format as ClaimFormat,
      payer: r.payer_name,
      totalCents: Number(r.total_cents),
      createdAt: new Date(r.created_at).toISOString(),
      latest: (r.latest ?? 'original') as ClaimVersionKind,
    })),
    counted,
    cap,
  );
}
