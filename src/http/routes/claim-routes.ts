import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { claimBatchFile, claimPreview, listClaimBatches } from '../../app/claims/claim-batches.js';
import {
  claimHistory,
  listClaims,
  sendClaimVersion,
  sendSecondaryClaim,
} from '../../app/claims/claim-versions.js';
import { createClaimBatch } from '../../app/claims/create-claim-batch.js';
import type { Role } from '../../app/views.js';
import { type ApiRoute, route } from '../api-route.js';
import { idParam, isoDate, JSON_OK, pageQuery } from './query-schemas.js';

/** Who sends claims; coders and viewers see what is ready to bill and the batches, not the files. */
const SENDERS: readonly Role[] = ['biller', 'admin'];
const READERS: readonly Role[] = ['biller', 'admin', 'coder', 'viewer'];

const claimParam = z.object({ number: z.string().min(1).max(38) });
const versionBody = z.object({
  action: z.enum(['replace', 'void']),
  payerClaimNumber: z.string().min(1).max(50).optional(),
});

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
      path: '/api/claims',
      tag: 'claims',
      summary: 'The claims sent, newest first, each with its latest version (q: claim number prefix)',
      roles: READERS,
      query: pageQuery.extend({ q: z.string().max(38).optional() }),
      responses: [JSON_OK('Page<ClaimSummaryView>')],
      handle: async ({ c, actor, query }) => c.json(await listClaims(ctx, actor, query)),
    }),
    route({
      method: 'get',
      path: '/api/claims/:number/history',
      tag: 'claims',
      summary:
        "One claim's versions (original, replacement, void, secondary) and what the payers' 835s said to each",
      roles: READERS,
      params: claimParam,
      responses: [
        JSON_OK('ClaimHistoryView'),
        { status: 404, description: 'no such claim in your practice' },
      ],
      handle: async ({ c, actor, params }) => c.json(await claimHistory(ctx, actor, params.number)),
    }),
    route({
      method: 'post',
      path: '/api/claims/:number/versions',
      tag: 'claims',
      summary:
        "Send a replacement (CLM05-3 7) or a void (8) of a claim, with REF*F8 = the payer's claim control number (CLP07); Medicare Part B: a new claim after an unprocessable return (CO-16 + MA130), else refused (reopening)",
      roles: SENDERS,
      params: claimParam,
      body: versionBody,
      responses: [
        JSON_OK('ClaimBatchView (a batch of one claim)'),
        {
          status: 400,
          description: 'no CLP07 known and none given, or data missing (each listed in issues)',
        },
        { status: 404, description: 'no such claim in your practice' },
        { status: 409, description: 'the claim was voided' },
      ],
      handle: async ({ c, actor, params, body }) =>
        c.json(await sendClaimVersion(ctx, actor, { claimNumber: params.number, ...body })),
    }),
    route({
      method: 'post',
      path: '/api/claims/:number/secondary',
      tag: 'claims',
      summary: "Send the secondary claim with the primary payer's adjudication (2320/2330, SVD, line CAS)",
      roles: SENDERS,
      params: claimParam,
      responses: [
        JSON_OK('ClaimBatchView (a batch of one claim)'),
        { status: 400, description: 'no primary 835 yet, or no secondary coverage (listed in issues)' },
        { status: 404, description: 'no such claim in your practice' },
      ],
      handle: async ({ c, actor, params }) => c.json(await sendSecondaryClaim(ctx, actor, params.number)),
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
