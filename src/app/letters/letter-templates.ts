import { randomUUID } from 'node:crypto';
import { defaultTemplate, TEMPLATE_PLACEHOLDERS } from '../../core/letters/default-templates.js';
import { LETTER_TYPES, type LetterType } from '../../core/letters/letter-types.js';
import { renderTemplate } from '../../core/letters/render-template.js';
import type { Db } from '../../storage/database.js';
import type { Actor, AppContext } from '../app-context.js';
import { AppError, conflict } from '../app-errors.js';
import type { LetterTemplateSummary, LetterTemplateVersion, LetterTemplateView } from '../views.js';
import { counted } from '../../core/text/plural.js';

/** A template text is a letter, not a book: a bound on what a save stores. */
export const MAX_TEMPLATE_CHARS = 50_000;

/** A practice's saved template of a type, as draftLetter takes it. */
export interface StoredTemplate {
  id: string;
  version: number;
  text: string;
}

/**
 * The template new letters of a type use: the practice's newest version, or undefined for the bundled
 * default (version 0; issue #6 "templates editable by the practice, versioned").
 */
export async function currentTemplate(
  db: Db,
  practiceId: string,
  type: LetterType,
): Promise<StoredTemplate | undefined> {
  return db
    .selectFrom('letter_templates')
    .select(['id', 'version', 'text'])
    .where('practice_id', '=', practiceId)
    .where('type', '=', type)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** `GET /api/letter-templates`: the version each letter type uses now. */
export async function listTemplates(ctx: AppContext, actor: Actor): Promise<LetterTemplateSummary[]> {
  const rows = await ctx.db
    .selectFrom('letter_templates as t')
    .innerJoin('users as u', 'u.id', 't.created_by')
    .select(['t.type', 't.version', 't.created_at', 'u.display_name'])
    .where('t.practice_id', '=', actor.practiceId)
    .where(({ eb, selectFrom }) =>
      eb(
        't.version',
        '=',
        selectFrom('letter_templates as n')
          .select(({ fn }) => fn.max('n.version').as('v'))
          .whereRef('n.practice_id', '=', 't.practice_id')
          .whereRef('n.type', '=', 't.type'),
      ),
    )
    .execute();
  return LETTER_TYPES.map((type) => {
    const row = rows.find((r) => r.type === type);
    return {
      type,
      version: row?.version ?? 0,
      createdAt: row ? row.created_at.toISOString() : null,
      createdBy: row?.display_name ?? null,
    };
  });
}

/** `GET /api/letter-templates/:type`: every version (newest first, the bundled default last). */
export async function getTemplate(
  ctx: AppContext,
  actor: Actor,
  type: LetterType,
): Promise<LetterTemplateView> {
  const rows = await ctx.db
    .selectFrom('letter_templates as t')
    .innerJoin('users as u', 'u.id', 't.created_by')
    .select(['t.version', 't.text', 't.created_at', 'u.display_name'])
    .where('t.practice_id', '=', actor.practiceId)
    .where('t.type', '=', type)
    .orderBy('t.version', 'desc')
    .execute();
  const versions: LetterTemplateVersion[] = [
    ...rows.map((r) => ({
      version: r.version,
      text: r.text,
      createdAt: r.created_at.toISOString(),
      createdBy: r.display_name,
    })),
    { version: 0, text: defaultTemplate(type), createdAt: null, createdBy: null },
  ];
  return {
    type,
    current: versions[0]!.version,
    versions,
    placeholders: TEMPLATE_PLACEHOLDERS.map((p) => ({ name: p.name, description: p.description })),
  };
}

/**
 * `PUT /api/letter-templates/:type`: saves the text as the type's next version (never overwriting one).
 * A text with unknown placeholders is refused with renderTemplate's located problems (`line:column`).
 * Going back to the bundled default is saving its text as a new version.
 */
export async function saveTemplate(
  ctx: AppContext,
  actor: Actor,
  type: LetterType,
  text: string,
): Promise<LetterTemplateView> {
  if (!text.trim()) throw new AppError('invalid_input', 'the template is empty');
  if (text.length > MAX_TEMPLATE_CHARS) {
    throw new AppError('invalid_input', `the template is longer than ${MAX_TEMPLATE_CHARS} characters`);
  }
  const values = Object.fromEntries(TEMPLATE_PLACEHOLDERS.map((p) => [p.name, '']));
  const { problems } = renderTemplate(text, values);
  if (problems.length) {
    throw new AppError(
      'invalid_input',
      `the template has ${counted(problems.length, 'problem')}`,
      problems.map((p) => ({ location: `template:${p.location}`, message: p.message })),
    );
  }
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom('letter_templates')
        .select(({ fn }) => fn.max('version').as('v'))
        .where('practice_id', '=', actor.practiceId)
        .where('type', '=', type)
        .executeTakeFirst();
      await trx
        .insertInto('letter_templates')
        .values({
          id: randomUUID(),
          practice_id: actor.practiceId,
          type,
          version: Number(last?.v ?? 0) + 1,
          text,
          created_at: new Date(ctx.now()),
          created_by: actor.userId,
        })
        .execute();
    });
  } catch (error) {
    // Two saves at once take the same next version: the unique (practice, type, version) refuses one.
    if (isUniqueViolation(error)) throw conflict('the template was saved by someone else meanwhile: reload');
    throw error;
  }
  ctx.log.info({ practiceId: actor.practiceId, type }, 'letter template saved');
  return getTemplate(ctx, actor, type);
}

/** PostgreSQL's unique_violation (SQLSTATE 23505), from node-postgres or PGlite. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
