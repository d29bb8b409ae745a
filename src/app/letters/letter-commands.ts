import { randomUUID } from 'node:crypto';
import { CLAIM_LETTER_TYPES, type LetterDocument, type LetterType } from '../../core/letters/letter-types.js';
import { writeLetterDocx } from '../../formats/letters/write-letter-docx.js';
import { writeLetterPdf } from '../../formats/letters/write-letter-pdf.js';
import type { InputProblem } from '../../core/model/input-problem.js';
import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import { AppError, conflict, notFound } from '../app-errors.js';
import type {
  CoveredLine,
  DraftedLetters,
  LetterQuery,
  LetterStatus,
  LetterSummary,
  LetterView,
  Page,
  RefusedLine,
} from '../views.js';
import { draftLetter } from './draft-letter.js';
import {
  claimKey,
  findLetter,
  insertLetters,
  lineLetters,
  listLetterRows,
  type NewLetter,
  replaceLetterDraft,
  updateLetterRow,
} from './letter-store.js';
import { currentTemplate, type StoredTemplate } from './letter-templates.js';
import { remitLineLetters } from './remit-line-letters.js';

/** At most this many remittance lines are drafted in one request. */
export const MAX_BATCH = 100;
/** An edited letter body is bounded like a template. */
export const MAX_BODY_CHARS = 100_000;

export type CreateLettersRequest =
  { type: LetterType; courseId: string; remitLineId?: string | undefined } | { remitLineIds: string[] };

interface Target {
  type: LetterType;
  courseId: string;
  patientId: string;
  remitLineId: string | null;
  /** Its place in the request (`remitLineIds[2]`, `remitLineId`). */
  location: string;
  /** The line's claim (`claimKey`), number and line number; null without a line. */
  line: { key: string; claim: string; lineNo: number } | null;
}

/**
 * `POST /api/letters`: drafts one letter per remittance line (its type by the line's category), or a
 * letter of the given type for a course (prior authorization, peer-to-peer sheet). A line that no letter
 * answers (its category; `lineLetterRefusal`: a new or corrected claim, an authorization on file,
 * traditional Medicare…) is listed in `refused` with the reason, and the other lines are drafted; every
 * draft is made first and all are stored in one transaction. A line that already has a letter (of any
 * type: one live letter per line) gets it back, and so does a line whose claim has its claim's letter (`CLAIM_LETTER_TYPES`: one
 * retro-authorization request or 2025 authorization appeal per claim, drafted once even for two of its
 * lines in one request): each such line is listed in `covered` with the letter and why. A letter given
 * back that was not ready and is untouched since drafted (`LineLetter.stale`: the chart lacked something,
 * say the necessity statement) is first drafted again from the chart, in place (`redraftLetter`).
 */
export async function createLetters(
  ctx: AppContext,
  actor: Actor,
  request: CreateLettersRequest,
): Promise<DraftedLetters> {
  if (actor.role === 'viewer') throw new AppError('forbidden', 'viewers cannot draft letters');
  const { targets, refused } =
    'remitLineIds' in request
      ? await lineTargets(ctx, actor, request.remitLineIds)
      : { targets: [await courseTarget(ctx, actor, request)], refused: [] };
  // A line that has its letter gets it back: a second click or a batch never drafts a twin silently.
  const existing = await lineLetters(
    ctx.db,
    actor.practiceId,
    targets.flatMap((t) => (t.remitLineId ? [t.remitLineId] : [])),
  );
  const templates = new Map<LetterType, StoredTemplate | undefined>();
  const at = new Date(ctx.now());
  const letters: NewLetter[] = [];
  const covered: CoveredLine[] = [];
  /** The letter each target gets, in order; a claim's letter drafted here by its claim key. */
  const letterOf: string[] = [];
  const ofClaim = new Map<string, { id: string; target: Target }>();
  const stale = new Set<string>();
  for (const t of targets) {
    const had = t.remitLineId ? existing.get(t.remitLineId) : undefined;
    if (had) {
      letterOf.push(had.id);
      if (had.stale) stale.add(had.id);
      covered.push(coveredLine(t, had, had.covers === 'line' ? null : had, had.stale));
      continue;
    }
    const claimWide = t.line && CLAIM_LETTER_TYPES.includes(t.type) ? `${t.type}|${t.line.key}` : null;
    const sibling = claimWide ? ofClaim.get(claimWide) : undefined;
    if (sibling) {
      letterOf.push(sibling.id);
      covered.push(coveredLine(t, { id: sibling.id, type: t.type }, sibling.target.line!));
      continue;
    }
    const id = randomUUID();
    letterOf.push(id);
    if (claimWide) ofClaim.set(claimWide, { id, target: t });
    letters.push(await newLetter(ctx, actor, { ...t, id }, templates, at));
  }
  const redrafts: NewLetter[] = [];
  for (const id of stale) {
    const letter = (await findLetter(ctx.db, actor.practiceId, id))!;
    redrafts.push(await newLetter(ctx, actor, letter, templates, at));
  }
  if (letters.length || redrafts.length) {
    await ctx.db.transaction().execute(async (trx) => {
      await insertLetters(trx, letters);
      for (const l of redrafts) await replaceLetterDraft(trx, l.id, l);
    });
  }
  if (targets.length) {
    await recordAccess(ctx, actor, {
      action: 'change',
      patientIds: targets.map((t) => t.patientId),
      route: 'POST /api/letters',
    });
  }
  ctx.log.info(
    {
      practiceId: actor.practiceId,
      letters: letters.length,
      redrafted: redrafts.length,
      covered: covered.length,
      refused: refused.length,
    },
    'letters drafted',
  );
  const ids = [...new Set(letterOf)];
  const page = ids.length
    ? await listLetterRows(ctx.db, actor.practiceId, { ids, limit: ids.length })
    : { items: [] };
  return { letters: ids.map((id) => page.items.find((l) => l.id === id)!), refused, covered };
}

/** A letter drafted from the chart now with the practice's current template (`templates` caches them). */
async function newLetter(
  ctx: AppContext,
  actor: Actor,
  l: { id: string; type: LetterType; courseId: string; remitLineId: string | null },
  templates: Map<LetterType, StoredTemplate | undefined>,
  at: Date,
): Promise<NewLetter> {
  if (!templates.has(l.type)) templates.set(l.type, await currentTemplate(ctx.db, actor.practiceId, l.type));
  const draft = await draftLetter(ctx, actor, {
    type: l.type,
    courseId: l.courseId,
    remitLineId: l.remitLineId ?? undefined,
    template: templates.get(l.type),
  });
  return {
    id: l.id,
    practiceId: actor.practiceId,
    courseId: l.courseId,
    remitLineId: l.remitLineId,
    type: l.type,
    template: draft.template,
    ready: draft.ready,
    title: draft.title,
    body: draft.body,
    cover: draft.cover,
    references: draft.references,
    warnings: draft.warnings,
    missing: draft.missing,
    createdBy: actor.userId,
    at,
  };
}

/**
 * `POST /api/letters/:id/redraft`: the letter drafted again from the chart as it is now, in place (the
 * same id: one live letter per line), with the practice's current template; the edited text is replaced,
 * which is why this is an explicit action. A final letter (the one sent) is refused: set it back to
 * draft first.
 */
export async function redraftLetter(ctx: AppContext, actor: Actor, id: string): Promise<LetterView> {
  if (actor.role === 'viewer') throw new AppError('forbidden', 'viewers cannot draft letters');
  const current = await findLetter(ctx.db, actor.practiceId, id);
  if (!current) throw notFound('letter');
  if (current.status === 'final')
    throw conflict('the letter is final (the one sent): set it back to draft to draft it again');
  const letter = await newLetter(ctx, actor, current, new Map(), new Date(ctx.now()));
  await replaceLetterDraft(ctx.db, id, letter);
  await recordAccess(ctx, actor, {
    action: 'change',
    patientIds: [current.patientId],
    route: 'POST /api/letters/:id/redraft',
  });
  return (await findLetter(ctx.db, actor.practiceId, id))!;
}

/**
 * A line answered by a letter it already has (`from` null), or by its claim's letter drafted from
 * another of the claim's lines (`from`: that line's claim and line number). One live letter per line (per
 * claim for a claim's letter) whatever the type asked: a letter of another type is given back, named;
 * `redrafted`, a letter not ready was drafted again from the chart (`LineLetter.stale`).
 */
function coveredLine(
  t: Target,
  letter: { id: string; type: LetterType },
  from: { claim: string; lineNo: number } | null,
  redrafted = false,
): CoveredLine {
  const again = redrafted
    ? 'it was not ready: drafted again from the chart, in place'
    : 'given back, not drafted again';
  const asked = letter.type === t.type ? '' : ` (one letter per line; a ${t.type} letter was asked)`;
  return {
    remitLineId: t.remitLineId!,
    location: t.location,
    letterId: letter.id,
    reason: from
      ? `covered by the ${letter.type} letter of claim ${from.claim}, drafted from line ${from.lineNo}: one letter answers every line of the claim denied for the same reason${redrafted ? ` (${again})` : ''}${asked}`
      : `line ${t.line!.lineNo} of claim ${t.line!.claim} already has its ${letter.type} letter: ${again}${asked}`,
  };
}

/** A matched line's claim as a target carries it. */
const lineOf = (row: Awaited<ReturnType<typeof matchedLines>>[number]): Target['line'] => ({
  key: claimKey(row),
  claim: row.claim_pcn,
  lineNo: row.line_no,
});

async function courseTarget(
  ctx: AppContext,
  actor: Actor,
  request: { type: LetterType; courseId: string; remitLineId?: string | undefined },
): Promise<Target> {
  const course = await ctx.db
    .selectFrom('courses')
    .select(['id', 'patient_id'])
    .where('practice_id', '=', actor.practiceId)
    .where('id', '=', request.courseId)
    .executeTakeFirst();
  if (!course) throw notFound('course');
  let line: Target['line'] = null;
  if (request.remitLineId !== undefined) {
    const [row] = await matchedLines(ctx, actor, [request.remitLineId]);
    if (row?.course_id !== course.id) {
      throw new AppError('invalid_input', 'the remittance line does not pay a charge of this course', [
        { location: 'remitLineId', message: 'not a line of this course' },
      ]);
    }
    line = lineOf(row);
  }
  return {
    type: request.type,
    courseId: course.id,
    patientId: course.patient_id,
    remitLineId: request.remitLineId ?? null,
    location: 'remitLineId',
    line,
  };
}

/** The practice's remittance lines of these ids that are matched to one of its courses. */
async function matchedLines(ctx: AppContext, actor: Actor, ids: readonly string[]) {
  // Remittance line ids are bigints: anything else cannot name one (and must not reach the query).
  const numeric = ids.filter((id) => /^\d{1,18}$/.test(id));
  if (!numeric.length) return [];
  return ctx.db
    .selectFrom('remit_lines as r')
    .innerJoin('courses as c', 'c.id', 'r.course_id')
    .select([
      'r.id',
      'r.category',
      'r.queue',
      'r.carcs',
      'r.remarks',
      'r.claim_filing_indicator',
      'r.date_of_service',
      'r.next_action',
      'r.code',
      'r.modifiers',
      'r.source',
      'r.payment_id',
      'r.claim_pcn',
      'r.line_no',
      'c.id as course_id',
      'c.patient_id',
    ])
    .where('r.practice_id', '=', actor.practiceId)
    .where('c.practice_id', '=', actor.practiceId)
    .where('r.id', 'in', numeric)
    .execute();
}

/**
 * The letter of each remittance line, and the lines that get none with why (`remitLineLetters`, the
 * list's own answer); an id that is not a matched line of the practice stops the request (nothing is
 * drafted), located by its position.
 */
async function lineTargets(
  ctx: AppContext,
  actor: Actor,
  remitLineIds: readonly string[],
): Promise<{ targets: Target[]; refused: RefusedLine[] }> {
  const ids = [...new Set(remitLineIds)];
  if (!ids.length) throw new AppError('invalid_input', 'select at least one remittance line');
  if (ids.length > MAX_BATCH) throw new AppError('invalid_input', `at most ${MAX_BATCH} lines at once`);
  const rows = await matchedLines(ctx, actor, ids);
  const letters = await remitLineLetters(ctx.db, actor.practiceId, rows);
  const problems: InputProblem[] = [];
  const refused: RefusedLine[] = [];
  const targets: Target[] = [];
  remitLineIds.forEach((id, i) => {
    if (remitLineIds.indexOf(id) !== i) return; // drafted once
    const location = `remitLineIds[${i}]`;
    const row = rows.find((r) => r.id === id);
    const letter = letters.get(id);
    if (!row) problems.push({ location, message: 'no such remittance line matched to a course of yours' });
    else if (!letter)
      refused.push({ remitLineId: id, location, reason: `no letter for a line in category ${row.category}` });
    else if (letter.refusal) refused.push({ remitLineId: id, location, reason: letter.refusal });
    else
      targets.push({
        type: letter.type,
        courseId: row.course_id,
        patientId: row.patient_id,
        remitLineId: id,
        location,
        line: lineOf(row),
      });
  });
  if (problems.length) {
    throw new AppError(
      'invalid_input',
      `${problems.length} of ${ids.length} lines are not remittance lines of your courses: nothing drafted`,
      problems,
    );
  }
  return { targets, refused };
}

/** `GET /api/letters`: the practice's letters, newest change first. */
export async function listLetters(
  ctx: AppContext,
  actor: Actor,
  q: LetterQuery,
): Promise<Page<LetterSummary>> {
  const page = await listLetterRows(ctx.db, actor.practiceId, q);
  await recordAccess(ctx, actor, {
    action: 'read',
    patientIds: page.items.map((l) => l.patientId),
    route: 'GET /api/letters',
  });
  return page;
}

/** `GET /api/letters/:id`. */
export async function getLetter(ctx: AppContext, actor: Actor, id: string): Promise<LetterView> {
  const letter = await findLetter(ctx.db, actor.practiceId, id);
  if (!letter) throw notFound('letter');
  await recordAccess(ctx, actor, {
    action: 'read',
    patientIds: [letter.patientId],
    route: 'GET /api/letters/:id',
  });
  return letter;
}

/** `PUT /api/letters/:id`: saves the edited body and/or marks the letter final (or back to draft). */
export async function updateLetter(
  ctx: AppContext,
  actor: Actor,
  id: string,
  change: { body?: string | undefined; status?: LetterStatus | undefined },
): Promise<LetterView> {
  if (actor.role === 'viewer') throw new AppError('forbidden', 'viewers cannot edit letters');
  if (change.body !== undefined && !change.body.trim()) {
    throw new AppError('invalid_input', 'the letter is empty', [
      { location: 'body', message: 'write the letter' },
    ]);
  }
  if (change.body !== undefined && change.body.length > MAX_BODY_CHARS) {
    throw new AppError('invalid_input', `the letter is longer than ${MAX_BODY_CHARS} characters`);
  }
  const current = await findLetter(ctx.db, actor.practiceId, id);
  if (!current) throw notFound('letter');
  // A final letter is the one sent: its text changes only after it is set back to draft.
  if (change.body !== undefined && current.status === 'final' && change.status !== 'draft') {
    throw conflict('the letter is final: set it back to draft to edit it');
  }
  const changed = await updateLetterRow(ctx.db, actor.practiceId, id, { ...change, at: new Date(ctx.now()) });
  if (!changed) throw notFound('letter');
  const letter = (await findLetter(ctx.db, actor.practiceId, id))!;
  await recordAccess(ctx, actor, {
    action: 'change',
    patientIds: [letter.patientId],
    route: 'PUT /api/letters/:id',
  });
  return letter;
}

export const LETTER_FORMATS = ['pdf', 'docx'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

const CONTENT_TYPES: Record<LetterFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * `GET /api/letters/:id/file`: the stored, edited letter as PDF or Word. The file name carries the
 * type and the letter id only (no patient name: downloads end up in shared folders and e-mails).
 */
export async function letterFile(
  ctx: AppContext,
  actor: Actor,
  id: string,
  format: LetterFormat,
): Promise<{ body: Uint8Array; contentType: string; filename: string }> {
  const letter = await findLetter(ctx.db, actor.practiceId, id);
  if (!letter) throw notFound('letter');
  const doc: LetterDocument = {
    title: letter.title,
    body: letter.body,
    cover: letter.cover,
    references: letter.references,
  };
  const body = format === 'pdf' ? await writeLetterPdf(doc) : await writeLetterDocx(doc);
  await recordAccess(ctx, actor, {
    action: 'read',
    patientIds: [letter.patientId],
    route: 'GET /api/letters/:id/file',
  });
  return { body, contentType: CONTENT_TYPES[format], filename: `${letter.type}-${letter.id}.${format}` };
}
