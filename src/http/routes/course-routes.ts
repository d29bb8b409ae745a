import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { chargeHistory } from '../../app/queries/charge-history.js';
import { getCourse, listCourses } from '../../app/queries/courses.js';
import { ROLES } from '../../app/views.js';
import { type ApiRoute, route } from '../api-route.js';
import { idParam, JSON_OK, limit, offset } from './query-schemas.js';

const coursesQuery = z.object({
  search: z
    .string()
    .max(200)
    .optional()
    .describe("words in any order, each any part of the course id or the patient's name or MRN"),
  limit: limit(500, 50),
  offset,
});
const NOT_FOUND = { status: 404, description: 'no such id in your practice' };

/** Courses and a charge's history: every role may read them. */
export function courseRoutes(ctx: AppContext): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/courses',
      tag: 'courses',
      summary: 'Courses, searchable by patient, MRN or course id',
      roles: ROLES,
      query: coursesQuery,
      responses: [JSON_OK('Page<CourseSummary>')],
      handle: async ({ c, actor, query }) => c.json(await listCourses(ctx, actor, query)),
    }),
    route({
      method: 'get',
      path: '/api/courses/:id',
      tag: 'courses',
      summary: 'One course with its fractions, evidence, findings and charges',
      roles: ROLES,
      params: idParam,
      responses: [JSON_OK('CourseView'), NOT_FOUND],
      handle: async ({ c, actor, params }) => c.json(await getCourse(ctx, actor, params.id)),
    }),
    route({
      method: 'get',
      path: '/api/charges/:id/history',
      tag: 'charges',
      summary: 'The status history of one charge, oldest first',
      roles: ROLES,
      params: idParam,
      responses: [JSON_OK('ChargeHistoryEntry[]'), NOT_FOUND],
      handle: async ({ c, actor, params }) => c.json(await chargeHistory(ctx, actor, params.id)),
    }),
  ];
}
