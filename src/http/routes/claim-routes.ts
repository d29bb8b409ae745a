import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { claimBatchFile, claimPreview, listClaimBatches } from '../../app/claims/claim-batches.js';
import { createClaimBatch } from '../../app/claims/create-claim-batch.js';
import type { Role } from '../../app/views.js';
import { type ApiRoute, route } from '../api-route.js';
import { idParam, isoDate, JSON_OK, pageQuery } from './query-schemas.js';

/** Who sends claims; coders and viewers see what is ready to bill and the batches, not the files. */
const SENDERS: readonly Role[] = ['biller', 'admin'];
const READERS: readonly Role[] = ['biller', 'admin', 'coder', 'viewer'];

const batchBody = z.object({
  format: z.enum(['837P', '837I']),
  period: z.enum(['date', 'week', 'month']).optional(),
  through: isoDate.optional(),
});

/** 837 batches: what is ready to bill, create a batch, the history, download a batch's file. */
export function claimRoutes(ctx: AppContext): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/claims/preview',
      tag: 'claims',
      summary: 'Released charges not sent yet, per format and payer, and the charges no claim can carry',
      roles: READERS,
      responses: [JSON_OK('ClaimPreviewView')],
      handle: async ({ c, actor }) => c.json(await claimPreview(ctx, actor)),
    }),
    route({
      method: 'post',
      path: '/api/claims/batches',
      tag: 'claims',
      summary: 'Create an 837P or 837I batch of the released charges not sent yet in that format',
      roles: SENDERS,
      body: batchBody,
      responses: [
        JSON_OK('ClaimBatchResult (batch null when nothing was left to bill)'),
        { status: 400, description: 'billing settings or demographics missing (each listed in issues)' },
      ],
      handle: async ({ c, actor, body }) => c.json(await createClaimBatch(ctx, actor, body)),
    }),
    route({
      method: 'get',
      path: '/api/claims/batches',
      tag: 'claims',
      summary: "The practice's 837 batches, newest first",
      roles: READERS,
      query: pageQuery,
      responses: [JSON_OK('Page<ClaimBatchView>')],
      handle: async ({ c, actor, query }) => c.json(await listClaimBatches(ctx, actor, query)),
    }),
    route({
      method: 'get',
      path: '/api/claims/batches/:id/file',
      tag: 'claims',
      summary: "Download a batch's 837 file",
      roles: SENDERS,
      params: idParam,
      responses: [
        {
          status: 200,
          description: 'the 837 (Content-Disposition: attachment)',
          contentTypes: ['text/plain'],
        },
        { status: 404, description: 'no such batch in your practice' },
      ],
      handle: async ({ c, actor, params }) => {
        const file = await claimBatchFile(ctx, actor, params.id);
        return c.body(file.text, 200, {
          'content-type': 'text/plain; charset=us-ascii',
          'content-disposition': `attachment; filename="${file.filename}"`,
        });
      },
    }),
  ];
}
