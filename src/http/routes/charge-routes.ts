import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { setChargeStatus } from '../../app/commands/charge-status.js';
import { signFraction } from '../../app/commands/sign-fraction.js';
import { type ApiRoute, route } from '../api-route.js';
import { fractionIds, idParam, JSON_OK } from './query-schemas.js';

const signBody = z.object({
  documents: z
    .array(z.enum(['sgrt-record', 'igrt-review']))
    .min(1)
    .max(2),
});
const releaseBody = z.object({ fractionIds });
const holdBody = z.object({ fractionIds, reason: z.string().trim().min(1).max(500) });
const CHANGED = JSON_OK('{changed, skipped: {fractionId, reason}[]}');

/** What changes charges: a physician's signature (re-audited at once), release and hold. */
export function chargeRoutes(ctx: AppContext): ApiRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/fractions/:id/sign',
      tag: 'charges',
      summary:
        "Sign a fraction's SGRT record and/or IGRT review as the logged-in physician: the course's physician or a covering physician the practice designated",
      roles: ['physician'],
      params: idParam,
      body: signBody,
      responses: [
        JSON_OK('FractionDetail'),
        { status: 403, description: "neither the course's physician nor a designated covering physician" },
        { status: 404, description: 'no such fraction in your practice' },
      ],
      handle: async ({ c, actor, params, body }) =>
        c.json(await signFraction(ctx, actor, params.id, body.documents)),
    }),
    route({
      method: 'post',
      path: '/api/charges/release',
      tag: 'charges',
      summary: 'Release the charges of fractions that are ready (or downgraded)',
      roles: ['coder', 'admin'],
      body: releaseBody,
      responses: [CHANGED],
      handle: async ({ c, actor, body }) =>
        c.json(await setChargeStatus(ctx, actor, { fractionIds: body.fractionIds, action: 'release' })),
    }),
    route({
      method: 'post',
      path: '/api/charges/hold',
      tag: 'charges',
      summary: 'Put the charges of fractions on a manual hold, with a reason',
      roles: ['coder', 'admin'],
      body: holdBody,
      responses: [CHANGED],
      handle: async ({ c, actor, body }) =>
        c.json(
          await setChargeStatus(ctx, actor, {
            fractionIds: body.fractionIds,
            action: 'hold',
            reason: body.reason,
          }),
        ),
    }),
  ];
}
