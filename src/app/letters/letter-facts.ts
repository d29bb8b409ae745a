import { z } from 'zod';
import type { FractionAudit } from '../../core/audit/audit-course.js';
import type { LetterClaim } from '../../core/letters/assemble-letter.js';
import type { RefusalLine } from '../../core/letters/letter-refusal.js';
import { CLAIM_LETTER_TYPES, type LetterType } from '../../core/letters/letter-types.js';
import type { LetterPhysician } from '../../core/letters/letter-signer.js';
import type { Course } from '../../core/model/course.js';
import {
  type AppealDeadline,
  appealWindow,
  payerKind,
  type PayerKind,
} from '../../core/remit/appeal-deadline.js';
import { DENIAL_CATEGORIES } from '../../core/remit/remit-category.js';
import { appealPolicy, appealTerms, patientFilingIndicator } from '../reference/appeal-windows.js';
import type { Actor, AppContext } from '../app-context.js';
import { AppError, notFound } from '../app-errors.js';
import { guidelineVersionsOf } from '../claims/billing-settings.js';
import { letterTypeFor } from './letter-for-category.js';
import { claimKey } from './letter-store.js';
import { remitLineLetters } from './remit-line-letters.js';

/** What a letter needs from the database for one course of the actor's practice. */
export interface CourseLetterFacts {
  courseId: string;
  patientId: string;
  practiceName: string;
  patient: { name: string | null; birthDate: string | null };
  /** The patient's member id as the 837 sends it (patients.demographics, NM1*IL09); null when not on file. */
  memberId: string | null;
  payerProfile: string;
  /** The payer's name in the practice's billing settings (by the course's payer profile); null without one. */
  payerSettingsName: string | null;
  course: Course;
  fractions: FractionAudit[];
  /** The physicians of the practice's billing settings (signer, image reviewer). */
  physicians: Record<string, LetterPhysician>;
  /** The course's payer is traditional Medicare (profile, else the patient's or the payer's SBR09). */
  medicare: boolean;
  /** The guideline versions the practice follows (its billing settings), by reference id. */
  guidelineVersions: Record<string, string>;
}

/** The member id of the patient's claim demographics, the 837's source (claim-files.ts). */
const memberIdSchema = z.object({ memberId: z.string().min(1) }).partial();

/**
 * What letters read from the billing settings, as far as it parses: a letter is drafted (and says what
 * to add) even while the settings are incomplete for claims.
 */
const billingForLetters = z
  .object({
    physicians: z.record(
      z.string(),
      z.object({
        firstName: z.string(),
        lastName: z.string(),
        npi: z.string(),
        credentials: z.string().optional(),
      }),
    ),
    payers: z.record(z.string(), z.object({ name: z.string(), filingIndicator: z.string() }).partial()),
  })
  .partial();

/** The course (document and stored fraction audits), its patient and practice; not_found outside the practice. */
export async function courseLetterFacts(
  ctx: AppContext,
  actor: Actor,
  courseId: string,
): Promise<CourseLetterFacts> {
  const row = await ctx.db
    .selectFrom('courses as c')
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .innerJoin('practices as pr', 'pr.id', 'c.practice_id')
    .select([
      'c.id',
      'c.patient_id',
      'c.payer_profile',
      'c.document',
      'p.name',
      'p.birth_date',
      'p.demographics',
      'pr.name as practice_name',
      'pr.billing',
    ])
    .where('c.practice_id', '=', actor.practiceId)
    .where('c.id', '=', courseId)
    .executeTakeFirst();
  if (!row || !row.document) throw notFound('course');
  const fractions = await ctx.db
    .selectFrom('fractions')
    .select('audit')
    .where('practice_id', '=', actor.practiceId)
    .where('course_id', '=', courseId)
    .orderBy('date_of_service')
    .orderBy('number')
    .execute();
  const course = row.document as Course;
  const billing = billingForLetters.safeParse(row.billing ?? {}).data ?? {};
  return {
    courseId: row.id,
    patientId: row.patient_id,
    practiceName: row.practice_name,
    patient: { name: row.name, birthDate: row.birth_date },
    memberId: memberIdSchema.safeParse(row.demographics ?? {}).data?.memberId ?? null,
    payerProfile: row.payer_profile,
    payerSettingsName: billing.payers?.[row.payer_profile]?.name?.trim() || null,
    course,
    fractions: fractions.map((f) => f.audit as FractionAudit),
    physicians: billing.physicians ?? {},
    medicare: traditionalMedicare(row.payer_profile, course, row.billing),
    guidelineVersions: guidelineVersionsOf(row.billing),
  };
}

/** The course's payer is traditional Medicare: its profile, else the patient's or the payer's SBR09. */
export function traditionalMedicare(payerProfile: string, course: Course, billing: unknown): boolean {
  const payers = billingForLetters.safeParse(billing ?? {}).data?.payers;
  const filingIndicator = course.patient.claimFilingIndicator ?? payers?.[payerProfile]?.filingIndicator;
  return payerKind({ profileId: payerProfile, claimFilingIndicator: filingIndicator }) === 'medicare';
}

/** A stored comma-separated column (`carcs`, `remarks`, `modifiers`) as its items. */
export const splitList = (list: string) => (list ? list.split(',').filter(Boolean) : []);

/** A stored remittance line's columns as its letter's refusal reads them (`lineLetterRefusal`). */
export interface RefusalRow {
  category: string;
  queue: string | null;
  carcs: string;
  remarks: string;
  claim_filing_indicator: string | null;
  date_of_service: string | null;
  next_action: string | null;
  code: string;
  modifiers: string;
}

export const refusalLineOf = (row: RefusalRow, payerProfile: string): RefusalLine => ({
  category: row.category,
  queue: row.queue,
  carcs: splitList(row.carcs),
  remarks: splitList(row.remarks),
  claimFilingIndicator: row.claim_filing_indicator,
  dateOfService: row.date_of_service,
  nextAction: row.next_action,
  code: row.code,
  modifiers: splitList(row.modifiers),
  payerProfile,
});

/**
 * A course by its id or its course key (what a user types on the command line), and a remittance line by
 * its id or its claim number. Given the letter type, the line must be one that letter answers
 * (`lineFits`): a claim number resolves to the one line of the claim whose category fits the type (for a
 * claim's letter, `CLAIM_LETTER_TYPES`, the first of the claim's lines it answers: it lists them all),
 * and none or several fitting lines (or a line id whose category does not fit) is invalid_input naming
 * the claim's lines, so that no letter argues over the wrong line of a claim.
 */
export async function resolveLetterTarget(
  ctx: AppContext,
  actor: Actor,
  course: string,
  claim: string | undefined,
  type?: LetterType,
): Promise<{ courseId: string; remitLineId: string | undefined }> {
  const found = await ctx.db
    .selectFrom('courses')
    .select('id')
    .where('practice_id', '=', actor.practiceId)
    .where((eb) => eb.or([eb('course_key', '=', course), eb('id', '=', course)]))
    .orderBy('course_key')
    .executeTakeFirst();
  if (!found) throw new AppError('not_found', 'no such course', [{ location: 'course', message: course }]);
  if (claim === undefined) return { courseId: found.id, remitLineId: undefined };
  const lines = await ctx.db
    .selectFrom('remit_lines')
    .select([
      'id',
      'claim_pcn',
      'category',
      'carcs',
      'queue',
      'remarks',
      'claim_filing_indicator',
      'date_of_service',
      'next_action',
      'code',
      'modifiers',
      'course_id',
      'source',
      'payment_id',
    ])
    .where('practice_id', '=', actor.practiceId)
    .where('course_id', '=', found.id)
    .where((eb) =>
      /^\d{1,18}$/.test(claim)
        ? eb.or([eb('id', '=', claim), eb('claim_pcn', '=', claim)])
        : eb('claim_pcn', '=', claim),
    )
    .orderBy('claim_pcn')
    .orderBy('line_no')
    .execute();
  const byId = lines.find((l) => String(l.id) === claim);
  const candidates = byId ? [byId] : lines;
  const onClaim = [{ location: 'claim', message: claim }];
  if (!candidates.length)
    throw new AppError('not_found', 'no remittance line of this course has that id or claim number', onClaim);
  if (type === undefined) return { courseId: found.id, remitLineId: String(candidates[0]!.id) };
  const fitting = candidates.filter((l) => lineFits(type, l.category, splitList(l.carcs)));
  const oneClaim = CLAIM_LETTER_TYPES.includes(type) && new Set(fitting.map((l) => claimKey(l))).size === 1;
  if (fitting.length === 1 || oneClaim) return { courseId: found.id, remitLineId: String(fitting[0]!.id) };
  // Each line with its letter as the list gives it: a letter the line's own refusal refuses is not named.
  const letters = await remitLineLetters(ctx.db, actor.practiceId, candidates);
  const listed = candidates
    .map((l) => {
      const letter = letters.get(l.id);
      const named = letter ? (letter.refusal ? `no letter: ${letter.refusal}` : letter.type) : 'no letter';
      return `line ${l.id} (${l.category}: ${named})`;
    })
    .join(', ');
  const a = /^[aeiou]/.test(type) ? 'an' : 'a';
  throw new AppError(
    'invalid_input',
    byId
      ? `remittance line ${claim}: ${lineTypeRefusal(type, { category: byId.category, carcs: splitList(byId.carcs) })}`
      : fitting.length
        ? `claim ${claim} has ${fitting.length} lines ${a} ${type} answers: name one by its line id (${listed})`
        : `claim ${claim} has no line ${a} ${type} answers: ${listed}`,
    onClaim,
  );
}

/**
 * Why a letter of this type does not answer the remittance line, or null: the one check of the type
 * against the line's category (`lineFits`), for a line named by its id (API and CLI alike), before the
 * line's own refusal (`lineLetterRefusal`).
 */
export function lineTypeRefusal(
  type: LetterType,
  line: { category: string; carcs: readonly string[] },
): string | null {
  if (lineFits(type, line.category, line.carcs)) return null;
  const letter = letterTypeFor(line.category, line.carcs);
  return `${type} does not answer a line in category ${line.category}${line.carcs.length ? ` (${line.carcs.join(', ')})` : ''}: ${letter ? `its letter is ${letter}` : 'no letter answers it'}`;
}

/**
 * A letter type answers a line of this category: the category's letter (`letterTypeFor`), or a
 * peer-to-peer sheet or a redetermination request for any denial (the sheet's talking points are the
 * denial's; a redetermination is traditional Medicare's first level of appeal of any initial
 * determination, 42 CFR 405.940, refused to other payers by `lineLetterRefusal`).
 */
export function lineFits(type: LetterType, category: string, carcs: readonly string[]): boolean {
  if (letterTypeFor(category, carcs) === type) return true;
  return (
    (type === 'peer-to-peer' || type === 'redetermination') &&
    (DENIAL_CATEGORIES as readonly string[]).includes(category)
  );
}

/** The stored remittance line's columns a letter quotes. */
const CLAIM_COLUMNS = [
  'r.claim_pcn',
  'r.payer',
  'r.date_of_service',
  'r.code',
  'r.submitted_code',
  'r.modifiers',
  'r.billed_cents',
  'r.paid_cents',
  'r.carcs',
  'r.remarks',
  'r.allowed_cents',
  'r.category',
  'r.next_action',
] as const;

interface ClaimRow {
  claim_pcn: string;
  payer: string | null;
  date_of_service: string | null;
  code: string;
  submitted_code: string | null;
  modifiers: string;
  billed_cents: number | string | bigint;
  paid_cents: number | string | bigint;
  carcs: string;
  remarks: string;
  allowed_cents: number | string | bigint;
  category: string;
  next_action: string | null;
}

function letterClaimOf(row: ClaimRow): LetterClaim {
  return {
    claimNumber: row.claim_pcn,
    payer: row.payer,
    dateOfService: row.date_of_service,
    code: row.code,
    submittedCode: row.submitted_code || row.code,
    modifiers: splitList(row.modifiers),
    billedCents: Number(row.billed_cents),
    paidCents: Number(row.paid_cents),
    carcs: splitList(row.carcs),
    remarks: splitList(row.remarks),
    allowedCents: Number(row.allowed_cents),
    category: row.category,
    nextAction: row.next_action,
  };
}

/**
 * The course's denied remittance lines (by date of service, claim and line), for the course's
 * peer-to-peer sheet: its talking points are those of each denial type on them.
 */
export async function courseDenials(ctx: AppContext, actor: Actor, courseId: string): Promise<LetterClaim[]> {
  const rows = await ctx.db
    .selectFrom('remit_lines as r')
    .select([...CLAIM_COLUMNS])
    .where('r.practice_id', '=', actor.practiceId)
    .where('r.course_id', '=', courseId)
    .where('r.category', 'in', DENIAL_CATEGORIES)
    .orderBy('r.date_of_service')
    .orderBy('r.claim_pcn')
    .orderBy('r.line_no')
    .execute();
  return rows.map(letterClaimOf);
}

/**
 * The lines of a remittance line's claim denied for the same reason (the same 835 file, payment and
 * claim number, paying the same course, in the same category: `claimKey`), by date of service and line:
 * the services a claim's letter (`CLAIM_LETTER_TYPES`: a retro-authorization request, a 2025
 * authorization appeal) lists and asks the payer to authorize or pay.
 */
export async function claimLines(ctx: AppContext, actor: Actor, remitLineId: string): Promise<LetterClaim[]> {
  const line = await ctx.db
    .selectFrom('remit_lines')
    .select(['source', 'payment_id', 'claim_pcn', 'course_id', 'category'])
    .where('practice_id', '=', actor.practiceId)
    .where('id', '=', remitLineId)
    .executeTakeFirst();
  if (!line?.course_id) return [];
  const rows = await ctx.db
    .selectFrom('remit_lines as r')
    .select([...CLAIM_COLUMNS, 'r.source', 'r.payment_id', 'r.course_id'])
    .where('r.practice_id', '=', actor.practiceId)
    .where('r.claim_pcn', '=', line.claim_pcn)
    .where('r.course_id', '=', line.course_id)
    .orderBy('r.date_of_service')
    .orderBy('r.line_no')
    .execute();
  const key = claimKey(line);
  return rows.filter((r) => claimKey(r) === key).map(letterClaimOf);
}

/** What an appeal reads from its remittance line beyond the claim line (appeal-facts.ts, the packet's page). */
export interface AppealLine {
  /** CLP07, the payer's claim control number. */
  payerClaimNumber: string | null;
  payerKind: PayerKind;
  appealBy: string | null;
  /** Where the appeal-by date comes from (payer settings, regulation, default): the letter attributes it. */
  window: Omit<AppealDeadline, 'date'>;
  paymentDate: string | null;
  traceNumber: string | null;
  allowedCents: number;
  /** RARCs (`N290`, `MA130`…). */
  remarks: string[];
  /** The 835 file the line was read from. */
  source: string;
}

/**
 * A stored remittance line of the actor's practice as an appeal reads it (it must pay this course): the
 * claim line the letter answers, and its appeal facts: the payer's claim number, the payer's kind as its
 * appeal window reads it (`appealTerms`: payer settings, CLP06/SBR09, profile) and the appeal-by date
 * the remittance analysis stored.
 */
export async function appealLineFacts(
  ctx: AppContext,
  actor: Actor,
  remitLineId: string,
  courseId: string,
): Promise<{ claim: LetterClaim; line: AppealLine; refusalLine: RefusalLine }> {
  if (!/^\d{1,18}$/.test(remitLineId)) throw notFound('remittance line');
  const [row, policy] = await Promise.all([
    ctx.db
      .selectFrom('remit_lines as r')
      .leftJoin('courses as c', (j) =>
        j.onRef('c.id', '=', 'r.course_id').on('c.practice_id', '=', actor.practiceId),
      )
      .select([
        ...CLAIM_COLUMNS,
        'r.payer_id',
        'r.course_id',
        'r.payment_date',
        'r.trace_number',
        'r.claim_status',
        'r.claim_filing_indicator',
        'r.queue',
        'r.payer_claim_control_number',
        'r.appeal_by',
        'r.source',
        'c.payer_name',
        'c.payer_profile',
        'c.document',
      ])
      .where('r.practice_id', '=', actor.practiceId)
      .where('r.id', '=', remitLineId)
      .executeTakeFirst(),
    appealPolicy(ctx.db, actor.practiceId),
  ]);
  if (!row) throw notFound('remittance line');
  if (row.course_id !== courseId)
    throw new AppError('invalid_input', `remittance line ${remitLineId} does not pay course ${courseId}`);
  const terms = appealTerms(policy, {
    paymentDate: row.payment_date,
    payer: row.payer,
    payerId: row.payer_id,
    claimStatus: row.claim_status,
    claimFilingIndicator: row.claim_filing_indicator,
    course:
      row.payer_profile === null
        ? null
        : {
            payerName: row.payer_name,
            payerProfile: row.payer_profile,
            filingIndicator: patientFilingIndicator(row.document),
          },
  });
  const claim = letterClaimOf(row);
  const line: AppealLine = {
    payerClaimNumber: row.payer_claim_control_number || null,
    payerKind: payerKind(terms),
    appealBy: row.appeal_by,
    window: appealWindow(terms),
    paymentDate: row.payment_date,
    traceNumber: row.trace_number,
    allowedCents: Number(row.allowed_cents),
    remarks: splitList(row.remarks),
    source: row.source,
  };
  return { claim, line, refusalLine: refusalLineOf(row, row.payer_profile ?? '') };
}
