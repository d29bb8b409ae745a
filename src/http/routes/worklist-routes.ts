import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { dashboard } from '../../app/queries/dashboard.js';
import { listFractions } from '../../app/queries/fractions.js';
import { SIGNABLE, signaturesDue } from '../../app/queries/signatures-due.js';
import { today } from '../../app/queries/today.js';
import { dismissUnlinkedRecord } from '../../app/link/dismiss-unlinked-record.js';
import { linkUnlinkedRecord } from '../../app/link/link-unlinked-record.js';
import { listUnlinkedRecords } from '../../app/queries/unlinked-records.js';
import { worklistChoices } from '../../app/queries/worklist-choices.js';
import { ROLES } from '../../app/views.js';
import { type ApiRoute, route } from '../api-route.js';
import {
  fractionQuery,
  idParam,
  isoDate,
  JSON_OK,
  limit,
  offset,
  pageQuery,
  patientSearch,
} from './query-schemas.js';

const dashboardQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
const signaturesQuery = z.object({
  physicianId: z.string().min(1).max(200).optional(),
  document: z.enum(SIGNABLE).optional(),
  search: patientSearch,
  limit: limit(500, 50),
  offset,
});
const unlinkedQuery = pageQuery.extend({
  dismissed: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('true: dismissed records too'),
});
const dismissBody = z.object({ reason: z.string().trim().min(1).max(500) });
const linkBody = z.object({
  courseId: z.string().min(1).max(200).describe('the course row id (`/api/courses`)'),
  override: z
    .object({ reason: z.string().trim().min(1).max(500) })
    .optional()
    .describe(
      "link a record whose MRN is not the course's patient's: the reason, kept in the access log with who and when",
    ),
});

/** The dashboard and the worklists: every role may read them. */
export function worklistRoutes(ctx: AppContext): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/today',
      tag: 'worklists',
      summary:
        'What needs the signed-in role today: each item a count and the path of the list that shows it',
      roles: ROLES,
      responses: [JSON_OK('TodayView')],
      handle: async ({ c, actor }) => c.json(await today(ctx, actor)),
    }),
    route({
      method: 'get',
      path: '/api/dashboard',
      tag: 'worklists',
      summary:
        'Fractions by status, code mix, holds and dollars at risk over a period (default: the last 30 days of service)',
      roles: ROLES,
      query: dashboardQuery,
      responses: [JSON_OK('DashboardView')],
      handle: async ({ c, actor, query }) => c.json(await dashboard(ctx, actor, query)),
    }),
    route({
      method: 'get',
      path: '/api/fractions',
      tag: 'worklists',
      summary: 'The fraction worklist, filtered, sorted and paged',
      roles: ROLES,
      query: fractionQuery,
      responses: [JSON_OK('Page<FractionRow>')],
      handle: async ({ c, actor, query }) => c.json(await listFractions(ctx, actor, query)),
    }),
    route({
      method: 'get',
      path: '/api/worklists/choices',
      tag: 'worklists',
      summary: "The practice's payers and physicians, the choices of the worklists' filters",
      roles: ROLES,
      responses: [JSON_OK('WorklistChoices')],
      handle: async ({ c, actor }) => c.json(await worklistChoices(ctx, actor)),
    }),
    route({
      method: 'get',
      path: '/api/worklists/signatures',
      tag: 'worklists',
      summary: 'Signatures due, most urgent first, paged (a physician sees their own by default)',
      roles: ROLES,
      query: signaturesQuery,
      responses: [JSON_OK('Page<SignatureDue>')],
      handle: async ({ c, actor, query }) => c.json(await signaturesDue(ctx, actor, query)),
    }),
    route({
      method: 'get',
      path: '/api/unlinked-records',
      tag: 'worklists',
      summary: 'Imported records that matched no course, with the reason, by file, paged',
      roles: ['admin', 'coder', 'biller'],
      query: unlinkedQuery,
      responses: [JSON_OK('Page<UnlinkedRecordRow>')],
      handle: async ({ c, actor, query }) => c.json(await listUnlinkedRecords(ctx, actor, query)),
    }),
    route({
      method: 'post',
      path: '/api/unlinked-records/:id/dismiss',
      tag: 'worklists',
      summary:
        'Dismiss a record that matched no course, with a reason (kept when a later import re-links its patient)',
      roles: ['admin', 'coder'],
      params: idParam,
      body: dismissBody,
      responses: [
        { status: 204, description: 'dismissed' },
        { status: 404, description: 'no such unlinked record in your practice' },
      ],
      handle: async ({ c, actor, params, body }) => {
        await dismissUnlinkedRecord(ctx, actor, params.id, body.reason);
        return c.body(null, 204);
      },
    }),
    route({
      method: 'post',
      path: '/api/unlinked-records/:id/link',
      tag: 'worklists',
      summary:
        'Link a record that matched no course to a course of the practice (kept when a later import re-links its patient); the course is re-linked and re-audited at once',
      roles: ['admin', 'coder'],
      params: idParam,
      body: linkBody,
      responses: [
        { status: 204, description: 'linked: the record is in the course and off the unlinked list' },
        { status: 404, description: 'no such unlinked record or course in your practice' },
        {
          status: 409,
          description:
            "refused, with the reason: the record names no patient or its course is not in question, the course is another patient's (without an override), or its dates contradict the record's",
        },
      ],
      handle: async ({ c, actor, params, body }) => {
        await linkUnlinkedRecord(ctx, actor, params.id, body.courseId, body.override);
        return c.body(null, 204);
      },
    }),
  ];
}
