import { z } from 'zod';
import {
  appealDeadline,
  type AppealDeadlineInput,
  DEFAULT_APPEAL_DAYS,
  type PayerKind,
} from '../../core/remit/appeal-deadline.js';
import type { ResubmissionFacts } from '../../core/remit/claim-resubmission.js';
import { hasAppealDeadline } from '../../core/remit/remit-category.js';
import type { Db } from '../../storage/database.js';
import type { Trx } from '../../storage/repositories/course-store.js';

export { DEFAULT_APPEAL_DAYS };

/** SBR09 filing indicators of the billing settings' payers (837 2000B), as far as they parse. */
const billingPayers = z
  .object({
    payers: z.record(
      z.string(),
      z.object({ name: z.string(), id: z.string(), filingIndicator: z.string() }).partial(),
    ),
  })
  .partial();

/**
 * What decides a line's appeal window: the practice's payer settings (days, and the payer's kind, per
 * payer name, or per profile), and each payer's SBR09 claim filing indicator from the billing settings
 * (by profile, name and payer id), all keys lower-cased.
 */
export interface AppealPolicy {
  windows: ReadonlyMap<string, number>;
  filingIndicators: ReadonlyMap<string, string>;
  /** Absent in a policy without payer settings (the command line). */
  kinds?: ReadonlyMap<string, PayerKind>;
}

export async function appealPolicy(db: Db | Trx, practiceId: string): Promise<AppealPolicy> {
  const [rows, practice] = await Promise.all([
    db
      .selectFrom('payer_settings')
      .select(['payer', 'payer_profile', 'appeal_days', 'payer_kind'])
      .where('practice_id', '=', practiceId)
      .execute(),
    db.selectFrom('practices').select('billing').where('id', '=', practiceId).executeTakeFirst(),
  ]);
  const windows = new Map<string, number>();
  const kinds = new Map<string, PayerKind>();
  // By payer name first, then by profile (a name's setting wins over its profile's).
  for (const k of [(r: (typeof rows)[number]) => r.payer, (r: (typeof rows)[number]) => r.payer_profile])
    for (const r of rows) {
      const name = k(r)?.trim().toLowerCase();
      if (!name) continue;
      if (r.appeal_days !== null && !windows.has(name)) windows.set(name, r.appeal_days);
      if (r.payer_kind !== null && !kinds.has(name)) kinds.set(name, r.payer_kind as PayerKind);
    }
  const filingIndicators = new Map<string, string>();
  const payers = billingPayers.safeParse(practice?.billing ?? {}).data?.payers ?? {};
  for (const [profile, p] of Object.entries(payers)) {
    if (!p.filingIndicator) continue;
    for (const k of [profile, p.name, p.id]) if (k) filingIndicators.set(key(k), p.filingIndicator);
  }
  return { windows, filingIndicators, kinds };
}

const key = (name: string) => name.trim().toLowerCase();

/**
 * A remittance line as its appeal window reads it; its category, queue, adjustments, remarks and CLP06
 * say whether its next action answers the payer at all (`hasAppealDeadline`).
 */
export interface AppealSubject extends ResubmissionFacts {
  paymentDate: string | null;
  /** The 835's payer (N1*PR name, payer id) and the claim's status (CLP02). */
  payer: string | null;
  payerId: string | null;
  claimStatus: string;
  /** The matched course's payer, and the patient's SBR09 for it (courses.json), when matched. */
  course: { payerName: string | null; payerProfile: string; filingIndicator: string | null } | null;
}

/** CLP02 2/3/20/21: the payer answered as secondary or tertiary, not as the course's (primary) payer. */
const LATER_PAYER = new Set(['2', '3', '20', '21']);

/**
 * The last day to appeal a line (`appealDeadline`, domain.md §6.1): the practice's window for the 835's
 * payer or the course's payer wins; else the payer's kind, as its payer settings declare it, else by its
 * filing indicator (the 835's own CLP06 for the claim; else the billing settings' for the 835's payer;
 * for a primary's answer, the patient's, else the course payer's) or profile: Medicare Part B 120 days,
 * Medicare Advantage 60 (CMS Part C reconsideration), others 180. Null without a payment date, and for a line with
 * nothing to answer (paid as expected, a take-back, a patient balance, a claim to the next payer) or
 * answered by a new or corrected claim (`resubmission`).
 */
export function appealBy(policy: AppealPolicy, s: AppealSubject): string | null {
  if (!s.paymentDate || !hasAppealDeadline(s)) return null;
  return appealDeadline({ paymentDate: s.paymentDate, ...appealTerms(policy, s) }).date;
}

/** What decides a line's window and its payer's kind (`payerKind`): the window set, the filing indicator, the profile. */
export function appealTerms(
  policy: AppealPolicy,
  s: Omit<AppealSubject, 'category' | 'queue' | 'carcs' | 'remarks'>,
): Omit<AppealDeadlineInput, 'paymentDate'> {
  const names = [s.payer, s.payerId, s.course?.payerName, s.course?.payerProfile];
  const overrideDays = names.flatMap((n) => (n ? [policy.windows.get(key(n))] : [])).find(Boolean);
  const declaredKind = names.flatMap((n) => (n ? [policy.kinds?.get(key(n))] : [])).find(Boolean);
  const asPrimary = s.course !== null && !LATER_PAYER.has(s.claimStatus);
  const filedAs = (n: string | null | undefined) => (n ? policy.filingIndicators.get(key(n)) : undefined);
  const claimFilingIndicator =
    s.claimFilingIndicator ??
    filedAs(s.payerId) ??
    filedAs(s.payer) ??
    (asPrimary ? (s.course!.filingIndicator ?? filedAs(s.course!.payerProfile)) : undefined) ??
    null;
  return {
    claimFilingIndicator,
    profileId: asPrimary ? s.course!.payerProfile : null,
    overrideDays: overrideDays ?? null,
    declaredKind: declaredKind ?? null,
  };
}

/** After a payer's window changes: the stored remittance lines' appeal-by dates again. */
export async function refreshAppealDates(trx: Trx, practiceId: string): Promise<void> {
  const policy = await appealPolicy(trx, practiceId);
  const lines = await trx
    .selectFrom('remit_lines as r')
    .leftJoin('courses as c', 'c.id', 'r.course_id')
    .select([
      'r.id',
      'r.payer',
      'r.payer_id',
      'r.payment_date',
      'r.claim_status',
      'r.category',
      'r.queue',
      'r.carcs',
      'r.remarks',
      'r.claim_filing_indicator',
      'r.appeal_by',
      'c.payer_name',
      'c.payer_profile',
      'c.document',
    ])
    .where('r.practice_id', '=', practiceId)
    .where('r.payment_date', 'is not', null)
    .execute();
  for (const l of lines) {
    const by = appealBy(policy, {
      paymentDate: l.payment_date,
      payer: l.payer,
      payerId: l.payer_id,
      claimStatus: l.claim_status,
      category: l.category,
      queue: l.queue,
      carcs: l.carcs ? l.carcs.split(',') : [],
      remarks: l.remarks ? l.remarks.split(',') : [],
      claimFilingIndicator: l.claim_filing_indicator,
      course:
        l.payer_profile === null
          ? null
          : {
              payerName: l.payer_name,
              payerProfile: l.payer_profile,
              filingIndicator: patientFilingIndicator(l.document),
            },
    });
    if (by !== l.appeal_by) {
      await trx.updateTable('remit_lines').set({ appeal_by: by }).where('id', '=', l.id).execute();
    }
  }
}

/** The patient's SBR09 for the course's payer, from the stored course document (courses.json). */
export function patientFilingIndicator(document: unknown): string | null {
  const p = (document as { patient?: { claimFilingIndicator?: unknown } } | null)?.patient;
  return typeof p?.claimFilingIndicator === 'string' ? p.claimFilingIndicator : null;
}
