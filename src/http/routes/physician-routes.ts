import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { COURSE_DOCUMENTS, signCourseDocument } from '../../app/commands/sign-course-document.js';
import { writeNecessity } from '../../app/commands/write-necessity.js';
import { checkNecessity, courseDocuments } from '../../app/queries/course-documents.js';
import { documentsDue } from '../../app/queries/documents-due.js';
import { ROLES } from '../../app/views.js';
import { type ApiRoute, route } from '../api-route.js';
import { idParam, JSON_OK } from './query-schemas.js';

const NOT_FOUND = { status: 404, description: 'no such course in your practice' };
const NOT_SIGNER = {
  status: 403,
  description: "neither the course's physician nor a designated covering physician",
};
/** A statement is a paragraph, not a document: long enough for one, short enough to check per keystroke. */
const statement = z.string().max(8000);

/** What only a physician can fix on a course: the motion-management order and the necessity statement. */
export function physicianRoutes(ctx: AppContext): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/physician/documents',
      tag: 'physician',
      summary: 'Courses held for their motion-management order (DOC-001) or necessity statement (DOC-002)',
      roles: ROLES,
      query: z.object({ ruleId: z.string().max(20).optional() }),
      responses: [JSON_OK('DocumentDueView[]')],
      handle: async ({ c, actor, query }) => c.json(await documentsDue(ctx, actor, query)),
    }),
    route({
      method: 'get',
      path: '/api/courses/:id/documents',
      tag: 'physician',
      summary: "A course's motion-management order(s) and necessity statement, with what the audit says",
      roles: ROLES,
      params: idParam,
      responses: [JSON_OK('CourseDocumentsView'), NOT_FOUND],
      handle: async ({ c, actor, params }) => c.json(await courseDocuments(ctx, actor, params.id)),
    }),
    route({
      method: 'post',
      path: '/api/courses/:id/documents/sign',
      tag: 'physician',
      summary:
        "Sign the course's motion-management order or attest its necessity statement; the course is re-audited at once",
      roles: ['physician'],
      params: idParam,
      body: z.object({ document: z.enum(COURSE_DOCUMENTS) }),
      responses: [
        JSON_OK('CourseDocumentsView'),
        NOT_SIGNER,
        NOT_FOUND,
        { status: 409, description: 'nothing to sign, or a statement the audit would still hold' },
      ],
      handle: async ({ c, actor, params, body }) =>
        c.json(await signCourseDocument(ctx, actor, params.id, body.document)),
    }),
    route({
      method: 'post',
      path: '/api/courses/:id/necessity',
      tag: 'physician',
      summary:
        'Write and sign the patient-specific medical-necessity statement; the course is re-audited at once',
      roles: ['physician'],
      params: idParam,
      body: z.object({ text: statement.min(1) }),
      responses: [
        JSON_OK('CourseDocumentsView'),
        {
          status: 400,
          description: 'a statement DOC-002 would hold (DIBH only, template, no patient facts)',
        },
        NOT_SIGNER,
        NOT_FOUND,
      ],
      handle: async ({ c, actor, params, body }) =>
        c.json(await writeNecessity(ctx, actor, params.id, body.text)),
    }),
    route({
      method: 'post',
      path: '/api/courses/:id/necessity/check',
      tag: 'physician',
      summary: 'DOC-002 and the five elements (DOC-003) on a draft statement, as the audit would score it',
      roles: ['physician'],
      params: idParam,
      body: z.object({ text: statement }),
      responses: [JSON_OK('NecessityCheckView'), NOT_FOUND],
      handle: async ({ c, actor, params, body }) =>
        c.json(await checkNecessity(ctx, actor, params.id, body.text)),
    }),
  ];
}
