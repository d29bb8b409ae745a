import type { AppContext } from '../../app/app-context.js';
import { listAccessLog } from '../../app/access-log.js';
import { type ApiRoute, route } from '../api-route.js';
import { JSON_OK, pageQuery } from './query-schemas.js';

export function accessLogRoutes(ctx: AppContext): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/access-log',
      tag: 'admin',
      summary: "Who read or changed which patient's data, newest first",
      roles: ['admin'],
      query: pageQuery,
      responses: [JSON_OK('Page<AccessLogEntry>')],
      handle: async ({ c, actor, query }) => c.json(await listAccessLog(ctx, actor, query)),
    }),
  ];
}
