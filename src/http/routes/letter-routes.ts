import type { Context } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import {
  createLetters,
  getLetter,
  LETTER_FORMATS,
  letterFile,
  listLetters,
  MAX_BATCH,
  MAX_BODY_CHARS,
  redraftLetter,
  updateLetter,
} from '../../app/letters/letter-commands.js';
import { letterPacket } from '../../app/letters/letter-packet.js';
import {
  getTemplate,
  listTemplates,
  MAX_TEMPLATE_CHARS,
  saveTemplate,
} from '../../app/letters/letter-templates.js';
import type { Role } from '../../app/views.js';
import { LETTER_TYPES } from '../../core/letters/letter-types.js';
import { type ApiRoute, route } from '../api-route.js';
import { idParam, JSON_OK, limit, offset } from './query-schemas.js';

/** Who drafts and edits letters (issue #6): the billing staff and the physicians; viewers read them. */
const WRITERS: readonly Role[] = ['admin', 'biller', 'coder', 'physician'];
const READERS: readonly Role[] = [...WRITERS, 'viewer'];

const letterType = z.enum(LETTER_TYPES);
const remitLineId = z.string().regex(/^\d{1,18}$/, 'a remittance line id');
const createBody = z.union([
  z.object({ remitLineIds: z.array(remitLineId).min(1).max(MAX_BATCH) }).strict(),
  z
    .object({
      type: letterType,
      courseId: z.string().min(1).max(200),
      remitLineId: remitLineId.optional(),
    })
    .strict(),
]);
const updateBody = z
  .object({
    body: z.string().max(MAX_BODY_CHARS).optional(),
    status: z.enum(['draft', 'final']).optional(),
  })
  .refine((b) => b.body !== undefined || b.status !== undefined, 'send the body, the status or both');
const letterQuery = z.object({
  type: letterType.optional(),
  status: z.enum(['draft', 'final']).optional(),
  courseId: z.string().max(200).optional(),
  limit: limit(500, 50),
  offset,
});
const fileQuery = z.object({ format: z.enum(LETTER_FORMATS).default('pdf') });
const typeParam = z.object({ type: letterType });
const templateBody = z.object({ text: z.string().max(MAX_TEMPLATE_CHARS) });
const NOT_FOUND = { status: 404, description: 'no such letter in your practice' };

/** Letters to payers: drafts from remittance lines or courses, edits, PDF/Word files, and templates. */
export function letterRoutes(ctx: AppContext): ApiRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/letters',
      tag: 'letters',
      summary:
        "Draft a letter per remittance line (type by its category; one retro-authorization request or 2025 authorization appeal per claim), or one letter of a type for a course; lines no letter answers are listed as refused with the reason, lines whose letter (or claim's letter) exists as covered with it, the others drafted",
      roles: WRITERS,
      body: createBody,
      responses: [JSON_OK('DraftedLetters: the letters, the refused lines and the covered lines')],
      handle: async ({ c, actor, body }) => c.json(await createLetters(ctx, actor, body)),
    }),
    route({
      method: 'get',
      path: '/api/letters',
      tag: 'letters',
      summary: "The practice's letters, newest change first, by type, status and course",
      roles: READERS,
      query: letterQuery,
      responses: [JSON_OK('Page<LetterSummary>')],
      handle: async ({ c, actor, query }) => c.json(await listLetters(ctx, actor, query)),
    }),
    route({
      method: 'get',
      path: '/api/letters/:id',
      tag: 'letters',
      summary: 'One letter: the edited body, the evidence cover, references, warnings and missing elements',
      roles: READERS,
      params: idParam,
      responses: [JSON_OK('LetterView'), NOT_FOUND],
      handle: async ({ c, actor, params }) => c.json(await getLetter(ctx, actor, params.id)),
    }),
    route({
      method: 'put',
      path: '/api/letters/:id',
      tag: 'letters',
      summary: "Save a letter's edited body and/or mark it final",
      roles: WRITERS,
      params: idParam,
      body: updateBody,
      responses: [JSON_OK('LetterView'), NOT_FOUND],
      handle: async ({ c, actor, params, body }) => c.json(await updateLetter(ctx, actor, params.id, body)),
    }),
    route({
      method: 'post',
      path: '/api/letters/:id/redraft',
      tag: 'letters',
      summary:
        'Draft the letter again from the chart as it is now, in place (same id), replacing its edited text; a final letter is refused (409): set it back to draft first',
      roles: WRITERS,
      params: idParam,
      responses: [JSON_OK('LetterView'), NOT_FOUND, { status: 409, description: 'the letter is final' }],
      handle: async ({ c, actor, params }) => c.json(await redraftLetter(ctx, actor, params.id)),
    }),
    route({
      method: 'get',
      path: '/api/letters/:id/file',
      tag: 'letters',
      summary: 'Download the letter as PDF or Word (the edited body, the evidence cover, the references)',
      roles: READERS,
      params: idParam,
      query: fileQuery,
      responses: [
        {
          status: 200,
          description: 'the file (Content-Disposition: attachment; the name has no patient data)',
          contentTypes: [
            'application/pdf',
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          ],
        },
        NOT_FOUND,
      ],
      handle: async ({ c, actor, params, query }) =>
        attachment(c, await letterFile(ctx, actor, params.id, query.format)),
    }),
    route({
      method: 'get',
      path: '/api/letters/:id/packet',
      tag: 'letters',
      summary:
        'Download the appeal packet: one PDF with the letter and an evidence page per enclosure (monitoring records, signed orders, image reviews, the remittance line)',
      roles: READERS,
      params: idParam,
      responses: [
        {
          status: 200,
          description: 'the PDF (Content-Disposition: attachment; the name has no patient data)',
          contentTypes: ['application/pdf'],
        },
        NOT_FOUND,
      ],
      handle: async ({ c, actor, params }) => attachment(c, await letterPacket(ctx, actor, params.id)),
    }),
    route({
      method: 'get',
      path: '/api/letter-templates',
      tag: 'letters',
      summary: 'The template version each letter type uses now (0: the bundled default)',
      roles: READERS,
      responses: [JSON_OK('LetterTemplateSummary[]')],
      handle: async ({ c, actor }) => c.json(await listTemplates(ctx, actor)),
    }),
    route({
      method: 'get',
      path: '/api/letter-templates/:type',
      tag: 'letters',
      summary: "A letter type's template: every version, newest first, and the placeholders it may use",
      roles: READERS,
      params: typeParam,
      responses: [JSON_OK('LetterTemplateView')],
      handle: async ({ c, actor, params }) => c.json(await getTemplate(ctx, actor, params.type)),
    }),
    route({
      method: 'put',
      path: '/api/letter-templates/:type',
      tag: 'letters',
      summary: 'Save a new version of a template (unknown placeholders are refused with their line:column)',
      roles: WRITERS,
      params: typeParam,
      body: templateBody,
      responses: [JSON_OK('LetterTemplateView')],
      handle: async ({ c, actor, params, body }) =>
        c.json(await saveTemplate(ctx, actor, params.type, body.text)),
    }),
  ];
}

/** A letter file as a download; the name keeps word characters, dots and dashes only. */
function attachment(c: Context, file: { body: Uint8Array; contentType: string; filename: string }) {
  return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`,
  });
}
