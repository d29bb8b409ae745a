import {
  CLAIM_LETTER_TYPES,
  type EvidenceSummary,
  type LetterMissing,
  type LetterReference,
  type LetterType,
  type LetterWarning,
} from '../../core/letters/letter-types.js';
import type { Db } from '../../storage/database.js';
import type { Trx } from '../../storage/repositories/course-store.js';
import type { LetterQuery, LetterStatus, LetterSummary, LetterView, Page } from '../views.js';

/** A letter as drafted, ready to store. */
export interface NewLetter {
  id: string;
  practiceId: string;
  courseId: string;
  remitLineId: string | null;
  type: LetterType;
  template: { id: string; version: number };
  ready: boolean;
  title: string;
  body: string;
  cover: EvidenceSummary;
  references: LetterReference[];
  warnings: LetterWarning[];
  missing: LetterMissing[];
  createdBy: string;
  at: Date;
}

export async function insertLetters(trx: Trx, letters: readonly NewLetter[]): Promise<void> {
  if (!letters.length) return;
  await trx
    .insertInto('letters')
    .values(
      letters.map((l) => ({
        id: l.id,
        practice_id: l.practiceId,
        course_id: l.courseId,
        remit_line_id: l.remitLineId,
        type: l.type,
        created_by: l.createdBy,
        ...draftColumns(l),
      })),
    )
    .execute();
}

/** The letter a remittance line already has: its own, or its claim's (`covers`). */
export interface LineLetter {
  id: string;
  type: LetterType;
  /** Drafted for this line, or for another line of its claim that a claim's letter answers (`CLAIM_LETTER_TYPES`). */
  covers: 'line' | 'claim';
  /** The line it was drafted from: its claim number and line number. */
  claim: string;
  lineNo: number;
  /** Not ready, a draft, and untouched since drafted (`untouched`): asking again drafts it again from the chart. */
  stale: boolean;
}

/**
 * A letter no one changed since it was drafted: `created_at` is when its text was (last) drafted
 * (`replaceLetterDraft`), and every edit or status change moves `updated_at` (`updateLetterRow`).
 */
const untouched = (l: { created_at: Date; updated_at: Date }): boolean =>
  l.updated_at.getTime() === l.created_at.getTime();

/** A remittance line's claim as a claim's letter reads it (`claimLines`): its 835, payment, claim, course and category. */
export interface ClaimKeyRow {
  source: string;
  payment_id: string | null;
  claim_pcn: string;
  course_id: string | null;
  category: string;
}

/** Lines of one claim denied for the same reason: a claim's letter answers all of them. */
export const claimKey = (r: ClaimKeyRow): string =>
  JSON.stringify([r.source, r.payment_id, r.claim_pcn, r.course_id, r.category]);

/**
 * The letter each of these remittance lines already has (the newest, when an earlier one was kept too):
 * its own, else the claim's letter (`CLAIM_LETTER_TYPES`) drafted from another line of its claim denied
 * for the same reason (`claimKey`). A line has one letter: drafting again gives it back.
 */
export async function lineLetters(
  db: Db,
  practiceId: string,
  remitLineIds: readonly string[],
): Promise<Map<string, LineLetter>> {
  const numeric = remitLineIds.filter((id) => /^\d{1,18}$/.test(id));
  if (!numeric.length) return new Map();
  const lines = await db
    .selectFrom('remit_lines')
    .select(['id', 'source', 'payment_id', 'claim_pcn', 'course_id', 'category'])
    .where('practice_id', '=', practiceId)
    .where('id', 'in', numeric)
    .execute();
  if (!lines.length) return new Map();
  const claims = [...new Set(lines.map((l) => l.claim_pcn))];
  const letters = await db
    .selectFrom('letters as l')
    .innerJoin('remit_lines as r', (j) =>
      j.onRef('r.id', '=', 'l.remit_line_id').on('r.practice_id', '=', practiceId),
    )
    .select([
      'l.id',
      'l.type',
      'l.remit_line_id',
      'l.ready',
      'l.status',
      'l.created_at',
      'l.updated_at',
      'r.source',
      'r.payment_id',
      'r.claim_pcn',
      'r.course_id',
      'r.category',
      'r.line_no',
    ])
    .where('l.practice_id', '=', practiceId)
    .where((eb) =>
      eb.or([
        eb('l.remit_line_id', 'in', numeric),
        eb.and([eb('l.type', 'in', CLAIM_LETTER_TYPES), eb('r.claim_pcn', 'in', claims)]),
      ]),
    )
    .orderBy('l.created_at')
    .orderBy('l.id')
    .execute();
  const out = new Map<string, LineLetter>();
  for (const line of lines) {
    const key = claimKey(line);
    const own = letters.filter((l) => String(l.remit_line_id) === String(line.id));
    const ofClaim = letters.filter(
      (l) => CLAIM_LETTER_TYPES.includes(l.type as LetterType) && claimKey(l) === key,
    );
    const letter = own.at(-1) ?? ofClaim.at(-1);
    if (letter)
      out.set(String(line.id), {
        id: letter.id,
        type: letter.type as LetterType,
        covers: own.length ? 'line' : 'claim',
        claim: letter.claim_pcn,
        lineNo: letter.line_no,
        stale: !letter.ready && letter.status === 'draft' && untouched(letter),
      });
  }
  return out;
}

/** The columns of a draft, as first drafted and as drafted again in place (`created_at`: when last drafted). */
function draftColumns(l: Omit<NewLetter, 'id' | 'courseId' | 'remitLineId' | 'type'>) {
  return {
    template_id: l.template.id,
    template_version: l.template.version,
    status: 'draft' as const,
    ready: l.ready,
    title: l.title,
    body: l.body,
    cover: JSON.stringify(l.cover),
    references: JSON.stringify(l.references),
    warnings: JSON.stringify(l.warnings),
    missing: JSON.stringify(l.missing),
    created_at: l.at,
    updated_at: l.at,
  };
}

/** A letter drafted again from the chart, in place: the same id and author, a draft, drafted at `at`. */
export async function replaceLetterDraft(
  db: Db,
  id: string,
  l: Omit<NewLetter, 'id' | 'courseId' | 'remitLineId' | 'type'>,
): Promise<void> {
  await db
    .updateTable('letters')
    .set(draftColumns(l))
    .where('practice_id', '=', l.practiceId)
    .where('id', '=', id)
    .execute();
}

/** Changes the edited body and/or the status; false when the practice has no such letter. */
export async function updateLetterRow(
  db: Db,
  practiceId: string,
  id: string,
  change: { body?: string | undefined; status?: LetterStatus | undefined; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('letters')
    .set({
      ...(change.body !== undefined ? { body: change.body } : {}),
      ...(change.status !== undefined ? { status: change.status } : {}),
      updated_at: change.at,
    })
    .where('practice_id', '=', practiceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function letterQuery(db: Db, practiceId: string) {
  return db
    .selectFrom('letters as l')
    .innerJoin('courses as c', 'c.id', 'l.course_id')
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .innerJoin('users as u', 'u.id', 'l.created_by')
    .where('l.practice_id', '=', practiceId)
    .select([
      'l.id',
      'l.type',
      'l.status',
      'l.title',
      'l.ready',
      'l.course_id',
      'c.course_key',
      'c.patient_id',
      'p.name as patient_name',
      'l.remit_line_id',
      'l.warnings',
      'l.missing',
      'u.display_name',
      'l.created_at',
      'l.updated_at',
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof letterQuery>['executeTakeFirstOrThrow']>>;

function summary(r: SummaryRow): LetterSummary {
  return {
    id: r.id,
    type: r.type as LetterType,
    status: r.status as LetterStatus,
    title: r.title,
    ready: r.ready,
    courseId: r.course_id,
    courseKey: r.course_key,
    patientId: r.patient_id,
    patientName: r.patient_name,
    remitLineId: r.remit_line_id,
    warningCount: (r.warnings as LetterWarning[]).length,
    missingCount: (r.missing as LetterMissing[]).length,
    createdBy: r.display_name,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The practice's letters, newest change first, filtered by type, status and course. */
export async function listLetterRows(
  db: Db,
  practiceId: string,
  q: LetterQuery & { ids?: readonly string[] | undefined },
): Promise<Page<LetterSummary>> {
  const base = letterQuery(db, practiceId)
    .$if(q.type !== undefined, (s) => s.where('l.type', '=', q.type!))
    .$if(q.status !== undefined, (s) => s.where('l.status', '=', q.status!))
    .$if(q.courseId !== undefined, (s) => s.where('l.course_id', '=', q.courseId!))
    .$if(q.ids !== undefined, (s) => s.where('l.id', 'in', q.ids!.length ? q.ids! : ['']));
  const [rows, total] = await Promise.all([
    base
      .orderBy('l.updated_at', 'desc')
      .orderBy('l.id')
      .limit(Math.min(Math.max(q.limit ?? 50, 1), 500))
      .offset(Math.max(q.offset ?? 0, 0))
      .execute(),
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(summary), total: Number(total.n) };
}

/** One letter of the practice with its body and drafting results, or null. */
export async function findLetter(db: Db, practiceId: string, id: string): Promise<LetterView | null> {
  const row = await letterQuery(db, practiceId)
    .leftJoin('remit_lines as r', (j) =>
      j.onRef('r.id', '=', 'l.remit_line_id').on('r.practice_id', '=', practiceId),
    )
    .select([
      'l.body',
      'l.cover',
      'l.references',
      'l.template_id',
      'l.template_version',
      'r.claim_pcn',
      'r.line_no',
      'r.payer',
      'r.date_of_service',
      'r.category',
      'r.submitted_code',
      'r.code',
    ])
    .where('l.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    ...summary(row),
    body: row.body,
    cover: row.cover as EvidenceSummary,
    references: row.references as LetterReference[],
    warnings: row.warnings as LetterWarning[],
    missing: row.missing as LetterMissing[],
    template: { id: row.template_id, version: row.template_version },
    claim:
      row.claim_pcn !== null && row.category !== null
        ? {
            claim: row.claim_pcn,
            line: row.line_no ?? 0,
            payer: row.payer,
            dateOfService: row.date_of_service,
            category: row.category,
            submittedCode: row.submitted_code ?? '',
            code: row.code ?? '',
          }
        : null,
  };
}
