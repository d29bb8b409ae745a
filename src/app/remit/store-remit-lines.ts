import { sql } from 'kysely';
import type { Course } from '../../core/model/course.js';
import type { RemitClaim, Remittance } from '../../core/model/remittance.js';
import { linkCoordination } from '../../core/remit/link-coordination.js';
import { pairReversals } from '../../core/remit/pair-reversals.js';
import { DEFAULT_REMIT_OPTIONS } from '../../core/remit/remit-options.js';
import type { Trx } from '../../storage/repositories/course-store.js';
import { chunks } from '../../storage/repositories/insert-chunks.js';
import type { AppContext } from '../app-context.js';
import { appealBy, appealPolicy, patientFilingIndicator } from '../reference/appeal-windows.js';
import { claimEntries, claimId, classifyRemittance, paymentRow } from './classify-remittance.js';
import { type Coverage, hasLaterCoverage } from './later-coverage.js';
import { keptLineIds } from './kept-line-ids.js';
import { chargeMatcher, type CourseRow } from './remit-charges.js';
import { type RemitScope, claimsInScope } from './remit-scope.js';
import type { StoredClaim } from './remittance-store.js';
import { openCents, partnerLines } from './reversal-lines.js';

/**
 * Classify the lines of the practice's imported remittances in `scope` (remit-scope.ts: all of them, or
 * the claims an import may have changed and those paired or coordinated with them) against its stored
 * charges and keep the result, inside the import's transaction: a line already stored keeps its id
 * (`keptLineIds`, so letters and claim histories keep their line) and is written only when its
 * classification changed; the lines of other claims are neither read nor written. Each payment has one
 * row (`remit_payments`, made once). The same payment sent twice (payer and trace number) counts once.
 * Reversals are paired (`pairReversals`), line by line (`partnerLines`); the payers' answers to the same
 * claim are linked (`linkCoordination`: a primary's patient share the secondary paid is settled); a
 * line's coordination of benefits knows whether the patient has coverage after this payer
 * (`otherCoverage` of the patient, from the course as imported); its appeal date follows the payer
 * (`appealBy`). Payment rows made before they named their payment (migration 0025) are replaced, all the
 * practice's lines classified once; so are they with `'practice'` (a re-pricing, or a caller that replaced
 * the practice's remittances).
 */
export async function storeRemitLines(
  ctx: AppContext,
  trx: Trx,
  practiceId: string,
  scope: RemitScope,
  placeOfService: string,
): Promise<number> {
  const legacy = await trx
    .selectFrom('remit_payments')
    .select('id')
    .where('practice_id', '=', practiceId)
    .where('import_id', 'is', null)
    .limit(1)
    .executeTakeFirst();
  const whole = legacy !== undefined || scope === 'practice';
  const claims = await claimsInScope(trx, practiceId, whole ? 'practice' : scope);
  const paymentIdOf = await storePayments(trx, practiceId, whole ? null : scope, claims);
  if (!whole && !claims.length) return 0;
  const unique = paymentsOf(claims);
  const pcns = whole ? null : [...new Set(claims.map((c) => c.claim.patientControlNumber))];
  const payments = unique.map((u) => u.remittance);
  const matcher = await chargeMatcher(ctx, trx, practiceId, payments, placeOfService);
  const [policy, coverage] = await Promise.all([
    appealPolicy(trx, practiceId),
    otherCoverage(trx, matcher.courses),
  ]);
  const entries = claimEntries(payments);
  const links = pairReversals(entries);
  const coordination = linkCoordination(entries, links);
  const settings = { rates: ctx.auditContext(ctx.now()).rates, options: DEFAULT_REMIT_OPTIONS };
  const paymentIds = unique.map((u) => paymentIdOf.get(u.key)!);
  const courseById = new Map(matcher.courses.map((c) => [c.id, c]));
  const claimCourse = new Map<string, CourseRow | null>();
  const lines = unique.flatMap(({ source, remittance }, i) =>
    classifyRemittance(source, remittance, settings, matcher.chargeFor, (claim, j) => {
      const course = matcher.courseOf(claim);
      claimCourse.set(claimId(i, j), course);
      return {
        claimId: claimId(i, j),
        reversal: links.get(claimId(i, j)) ?? null,
        coordination,
        otherCoverage: hasLaterCoverage(
          (course && coverage.get(course.patient_id)) ?? [],
          claim.status,
          remittance.payer,
        ),
      };
    }).map((line) => ({
      line,
      payment: i,
      // The course of its charge; a claim answered without service lines, the course its number names.
      course: line.match
        ? (courseById.get(line.match.courseId) ?? null)
        : line.line === 0
          ? (claimCourse.get(line.claimId) ?? null)
          : null,
    })),
  );
  const partners = partnerLines(
    lines.map((l) => l.line),
    links,
  );
  // Ids first: a take-back and the payment it reverses name each other. A line already stored keeps its id.
  const { kept, stale } = await keptLineIds(
    trx,
    practiceId,
    pcns,
    lines.map(({ line: l, payment }) => ({
      payer: l.payer,
      payer_id: unique[payment]!.remittance.payer.id ?? null,
      trace_number: l.traceNumber,
      source: l.file,
      claim_pcn: l.claim,
      claim_status: l.claimStatus,
      payer_claim_control_number: l.payerClaimControlNumber,
      line_no: l.line,
      submitted_code: l.submittedCode,
      code: l.code,
      modifiers: l.modifiers.join(','),
      date_of_service: l.dateOfService,
    })),
  );
  const fresh = await nextLineIds(trx, kept.filter((id) => id === null).length);
  const ids = kept.map((id) => id ?? fresh.shift()!);
  const idOf = new Map(lines.map((l, i) => [l.line, ids[i]!]));
  const rows = lines.map(({ line: l, payment, course }) => {
    const remittance = unique[payment]!.remittance;
    const partner = partners.get(l);
    return {
      id: idOf.get(l)!,
      practice_id: practiceId,
      payment_id: paymentIds[payment]!,
      source: l.file,
      payer: l.payer,
      payer_id: remittance.payer.id,
      trace_number: l.traceNumber,
      payment_date: l.paymentDate,
      claim_pcn: l.claim,
      claim_status: l.claimStatus,
      claim_filing_indicator: l.claimFilingIndicator,
      payer_claim_control_number: l.payerClaimControlNumber,
      line_no: l.line,
      date_of_service: l.dateOfService,
      code: l.code,
      modifiers: l.modifiers.join(','),
      submitted_code: l.submittedCode,
      billed_cents: l.billedCents,
      paid_cents: l.paidCents,
      allowed_cents: l.allowedCents,
      expected_cents: l.expectedCents,
      patient_responsibility_cents: l.patientResponsibilityCents,
      open_cents: openCents(l),
      category: l.category,
      queue: l.queue,
      rule_id: l.ruleId,
      carcs: l.carcs.join(','),
      remarks: l.remarks.map((r) => r.code).join(','),
      flags: l.flags.join(','),
      message: l.message,
      next_action: l.nextAction,
      appeal_by: appealBy(policy, {
        paymentDate: l.paymentDate,
        payer: l.payer,
        payerId: remittance.payer.id,
        claimStatus: l.claimStatus,
        category: l.category,
        queue: l.queue,
        carcs: l.carcs,
        remarks: l.remarks.map((r) => r.code),
        claimFilingIndicator: l.claimFilingIndicator,
        course: course
          ? {
              payerName: course.payer_name,
              payerProfile: course.payer_profile,
              filingIndicator: patientFilingIndicator(course.document),
            }
          : null,
      }),
      reversal_role: l.reversal?.role ?? null,
      reversal_partner_id: partner ? idOf.get(partner)! : null,
      charge_id: l.match?.chargeId ?? null,
      course_id: course?.id ?? null,
      patient_id: course?.patient_id ?? null,
    };
  });
  // Only the lines no longer in any file are deleted (a letter's link to such a line is set null).
  for (const gone of chunks(stale)) await trx.deleteFrom('remit_lines').where('id', 'in', gone).execute();
  const columns = rows.length ? Object.keys(rows[0]!).filter((c) => c !== 'id') : [];
  for (const chunk of chunks(rows)) {
    await trx
      .insertInto('remit_lines')
      .values(chunk)
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) =>
            Object.fromEntries(
              columns.map((c) => [c, eb.ref(`excluded.${c}` as `excluded.${keyof (typeof chunk)[0]}`)]),
            ),
          )
          // A line whose classification did not change is not written again.
          .where(
            sql<boolean>`(${sql.join(columns.map((c) => sql.ref(`remit_lines.${c}`)))}) is distinct from (${sql.join(
              columns.map((c) => sql.ref(`excluded.${c}`)),
            )})`,
          ),
      )
      .execute();
  }
  // Payment rows no counted payment has any more (rows made before they named their payment, migration
  // 0025): the lines now point at the new rows.
  if (whole)
    await trx
      .deleteFrom('remit_payments as p')
      .where('p.practice_id', '=', practiceId)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('remittances as r')
              .select('r.payment_no')
              .whereRef('r.import_id', '=', 'p.import_id')
              .whereRef('r.payment_no', '=', 'p.payment_no')
              .where('r.counted', '=', true),
          ),
        ),
      )
      .execute();
  return rows.length;
}

/** The claims' payments, in order, each with the claims of it in scope. */
function paymentsOf(
  claims: readonly StoredClaim[],
): { key: string; source: string; remittance: Remittance }[] {
  const out: { key: string; source: string; remittance: Remittance }[] = [];
  for (const c of claims) {
    const key = `${c.importId}/${c.paymentNo}`;
    if (out.at(-1)?.key !== key)
      out.push({ key, source: c.source, remittance: { ...c.remittance, claims: [] } });
    out.at(-1)!.remittance.claims.push(c.claim);
  }
  return out;
}

/**
 * The payment rows (`remit_payments`) of the claims' payments by `import/payment`, made for the counted
 * payments of the scope's files (of every file with `null`) that have none yet, from the payment and all
 * its claims (its balance is BPR02 against Σ CLP04).
 */
async function storePayments(
  trx: Trx,
  practiceId: string,
  scope: Exclude<RemitScope, 'practice'> | null,
  claims: readonly StoredClaim[],
): Promise<Map<string, string>> {
  const missing =
    scope?.importIds.length === 0
      ? []
      : await trx
          .selectFrom('remittances as r')
          .leftJoin('remit_payments as p', (j) =>
            j.onRef('p.import_id', '=', 'r.import_id').onRef('p.payment_no', '=', 'r.payment_no'),
          )
          .select(['r.import_id', 'r.payment_no', 'r.source', 'r.remittance'])
          .where('r.practice_id', '=', practiceId)
          .where('r.counted', '=', true)
          .where('p.id', 'is', null)
          .$if(scope !== null, (q) => q.where('r.import_id', 'in', scope!.importIds))
          .orderBy('r.import_id')
          .orderBy('r.payment_no')
          .execute();
  const claimsOf = new Map<string, RemitClaim[]>();
  for (const ids of chunks([...new Set(missing.map((m) => String(m.import_id)))])) {
    const rows = await trx
      .selectFrom('remit_claims')
      .select(['import_id', 'payment_no', 'claim'])
      .where('import_id', 'in', ids)
      .orderBy('import_id')
      .orderBy('payment_no')
      .orderBy('claim_no')
      .execute();
    for (const r of rows) {
      const key = `${r.import_id}/${r.payment_no}`;
      claimsOf.set(key, [...(claimsOf.get(key) ?? []), r.claim as RemitClaim]);
    }
  }
  const rows = missing.map((m) => {
    const remittance = {
      ...(m.remittance as Omit<Remittance, 'claims'>),
      claims: claimsOf.get(`${m.import_id}/${m.payment_no}`) ?? [],
    };
    const p = paymentRow(m.source, remittance);
    return {
      practice_id: practiceId,
      import_id: String(m.import_id),
      payment_no: m.payment_no,
      source: m.source,
      payer: p.payer,
      payer_id: p.payerId,
      trace_number: p.traceNumber,
      payment_date: p.paymentDate,
      paid_cents: p.paidCents,
      claims_paid_cents: p.claimsPaidCents,
      provider_adjustment_cents: p.providerAdjustmentCents,
      provider_adjustments: JSON.stringify(
        remittance.providerAdjustments.map(({ reason, reference, amountCents }) => ({
          reason,
          reference,
          amountCents,
        })),
      ),
      difference_cents: p.differenceCents,
      balanced: p.balanced,
      claims: p.claims,
      refused_claims: JSON.stringify(p.refusedClaims),
    };
  });
  for (const chunk of chunks(rows)) await trx.insertInto('remit_payments').values(chunk).execute();
  const imports = [...new Set(claims.map((c) => c.importId))];
  const ids = new Map<string, string>();
  for (const part of chunks(imports)) {
    const found = await trx
      .selectFrom('remit_payments')
      .select(['id', 'import_id', 'payment_no'])
      .where('practice_id', '=', practiceId)
      .where('import_id', 'in', part)
      .execute();
    for (const r of found) ids.set(`${r.import_id}/${r.payment_no}`, String(r.id));
  }
  return ids;
}

/** The patients' other payers (secondary, tertiary) from their courses as imported (courses.json). */
async function otherCoverage(trx: Trx, courses: readonly CourseRow[]): Promise<Map<string, Coverage[]>> {
  const patients = [...new Set(courses.map((c) => c.patient_id))];
  const rows = patients.length
    ? await trx.selectFrom('patients').select(['id', 'demographics']).where('id', 'in', patients).execute()
    : [];
  const coverage = new Map<string, Coverage[]>();
  for (const c of courses) {
    const list = (c.document as Course | null)?.patient?.otherCoverage;
    if (list?.length) coverage.set(c.patient_id, list);
  }
  // The patient's stored demographics win when they carry the coverage.
  for (const r of rows) {
    const list = (r.demographics as { otherCoverage?: Coverage[] } | null)?.otherCoverage;
    if (Array.isArray(list) && list.length) coverage.set(r.id, list);
  }
  return coverage;
}

/** `n` ids from the remit_lines sequence (the same on PGlite and PostgreSQL). */
async function nextLineIds(trx: Trx, n: number): Promise<string[]> {
  if (n === 0) return [];
  const { rows } = await sql<{ id: string }>`
    select cast(nextval(pg_get_serial_sequence('remit_lines', 'id')) as text) as id
    from generate_series(1, ${n})`.execute(trx);
  return rows.map((r) => r.id);
}
