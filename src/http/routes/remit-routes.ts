import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { listRemitLines, remitSummary } from '../../app/remit/remit-lines.js';
import type { Role } from '../../app/views.js';
import { REMIT_CATEGORIES } from '../../core/remit/remit-category.js';
import { type ApiRoute, route } from '../api-route.js';
import { JSON_OK, limit, offset } from './query-schemas.js';

/** Everyone who works the money side; physicians do not (they see their signatures and courses). */
const REMIT_ROLES: readonly Role[] = ['admin', 'biller', 'coder', 'viewer'];

const remitQuery = z.object({
  category: z.enum(REMIT_CATEGORIES).optional(),
  payer: z.string().max(200).optional(),
  matched: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: lines matched to a charge; false: the unmatched ones'),
  limit: limit(500, 50),
  offset,
});

/** The remittance (835) worklist and its summary. */
export function remitRoutes(ctx: AppContext): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/remittances/lines',
      tag: 'remittances',
      summary: 'Remittance service lines with their category, dollars and next action, filtered and paged',
      roles: REMIT_ROLES,
      query: remitQuery,
      responses: [JSON_OK('Page<RemitLineView>')],
      handle: async ({ c, actor, query }) => c.json(await listRemitLines(ctx, actor, query)),
    }),
    route({
      method: 'get',
      path: '/api/remittances/summary',
      tag: 'remittances',
      summary: 'Lines and dollars per category, payer scorecards and the count of unmatched lines',
      roles: REMIT_ROLES,
      responses: [JSON_OK('RemitSummaryView')],
      handle: async ({ c, actor }) => c.json(await remitSummary(ctx, actor)),
    }),
  ];
}
