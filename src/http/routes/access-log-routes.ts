import type { AppContext } from '../../app/app-context.js';
import { listAccessLog } from '../../app/queries/access-log-entries.js';
import { type ApiRoute, route } from '../api-route.js';
import { z } from 'zod';
import { isoDate, JSON_OK, pageQuery } from './query-schemas.js';

const accessLogQuery = pageQuery.extend({
  userId: z.string().min(1).max(200).optional(),
  patient: z.string().max(200).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  action: z.enum(['read', 'change']).optional(),
});

export function accessLogRoutes(ctx: AppContext): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/access-log',
      tag: 'admin',
      summary: "Who read or changed which patient's data, newest first, by user, patient, day and action",
      roles: ['admin'],
      query: accessLogQuery,
      responses: [JSON_OK('Page<AccessLogEntry>')],
      handle: async ({ c, actor, query }) => c.json(await listAccessLog(ctx, actor, query)),
    }),
  ];
}
