import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { listRemitLines, remitSummary } from '../../app/remit/remit-lines.js';
import { listRemitPayments } from '../../app/remit/remit-payments.js';
import type { Role } from '../../app/views.js';
import { REMIT_CATEGORIES, REMIT_QUEUES } from '../../core/remit/remit-category.js';
import { type ApiRoute, route } from '../api-route.js';
import { isoDate, JSON_OK, limit, offset } from './query-schemas.js';

/** Everyone who works the money side; physicians do not (they see their signatures and courses). */
const REMIT_ROLES: readonly Role[] = ['admin', 'biller', 'coder', 'viewer'];

/** `true` / `false` in a query string. */
const flag = (description: string) =>
  z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe(description);

const remitQuery = z.object({
  category: z.enum(REMIT_CATEGORIES).optional(),
  queue: z.enum(REMIT_QUEUES).optional().describe('the work queue (the next action the line needs)'),
  payer: z.string().max(200).optional(),
  matched: flag('true: lines matched to a charge; false: the unmatched ones'),
  appealFrom: isoDate.optional().describe('lines whose appeal-by date is on or after this date'),
  appealTo: isoDate.optional().describe('lines whose appeal-by date is on or before this date'),
  limit: limit(500, 50),
  offset,
});

const paymentQuery = z.object({
  payer: z.string().max(200).optional(),
  unbalanced: flag('true: only the payments where BPR02 ≠ Σ CLP04 − Σ PLB'),
  limit: limit(500, 50),
  offset,
});

/** The remittance (835) worklist, its summary and the payments. */
export function remitRoutes(ctx: AppContext): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/remittances/lines',
      tag: 'remittances',
      summary:
        'Remittance service lines with their category, work queue, remarks, dollars, next action and deadline, filtered and paged',
      roles: REMIT_ROLES,
      query: remitQuery,
      responses: [JSON_OK('Page<RemitLineView>')],
      handle: async ({ c, actor, query }) => c.json(await listRemitLines(ctx, actor, query)),
    }),
    route({
      method: 'get',
      path: '/api/remittances/summary',
      tag: 'remittances',
      summary:
        'Lines and dollars per category (reversals netted) and per work queue (soonest deadline), payer scorecards, unmatched lines',
      roles: REMIT_ROLES,
      responses: [JSON_OK('RemitSummaryView')],
      handle: async ({ c, actor }) => c.json(await remitSummary(ctx, actor)),
    }),
    route({
      method: 'get',
      path: '/api/remittances/payments',
      tag: 'remittances',
      summary: 'Payments (BPR/TRN) with their provider-level adjustments (PLB) and the reconciliation',
      roles: REMIT_ROLES,
      query: paymentQuery,
      responses: [JSON_OK('Page<RemitPaymentView>')],
      handle: async ({ c, actor, query }) => c.json(await listRemitPayments(ctx, actor, query)),
    }),
  ];
}
