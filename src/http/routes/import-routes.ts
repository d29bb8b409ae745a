import type { AppContext } from '../../app/app-context.js';
import {
  enqueueUpload,
  getImport,
  type IncomingFile,
  listImports,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_FILES,
} from '../../app/upload/import-jobs.js';
import { cancelImport } from '../../app/jobs/cancel-job.js';
import { ROLES } from '../../app/views.js';
import { type ApiRoute, route } from '../api-route.js';
import { idParam, JSON_OK } from './query-schemas.js';

/** Room for one part's delimiter and headers (a file name of up to 255 characters, percent-escaped). */
const PART_OVERHEAD_BYTES = 1024;

/** Uploads of clinic exports, imported by the job worker. */
export function importRoutes(ctx: AppContext): ApiRoute[] {
  return [
    route<undefined, undefined, AsyncIterable<IncomingFile>>({
      method: 'post',
      path: '/api/imports',
      tag: 'imports',
      summary: 'Upload clinic export files (multipart field `files`, repeated); imported in the background',
      roles: ['admin', 'coder', 'biller'],
      body: 'multipart',
      streamFiles: true,
      // The files' bytes are limited to MAX_UPLOAD_BYTES (enqueueUpload); the body may add each part's headers.
      maxBodyBytes: MAX_UPLOAD_BYTES + MAX_UPLOAD_FILES * PART_OVERHEAD_BYTES,
      responses: [{ status: 202, description: 'ImportJobView (queued)' }],
      handle: async ({ c, actor, body }) => c.json(await enqueueUpload(ctx, actor, body), 202),
    }),
    route({
      method: 'get',
      path: '/api/imports',
      tag: 'imports',
      summary: 'Import jobs, newest first',
      roles: ROLES,
      responses: [JSON_OK('ImportJobView[]')],
      handle: async ({ c, actor }) => c.json(await listImports(ctx, actor)),
    }),
    route({
      method: 'get',
      path: '/api/imports/:id',
      tag: 'imports',
      summary: 'One import job with its progress and per-file results',
      roles: ROLES,
      params: idParam,
      responses: [JSON_OK('ImportJobView'), { status: 404, description: 'no such import in your practice' }],
      handle: async ({ c, actor, params }) => c.json(await getImport(ctx, actor, params.id)),
    }),
    route<{ id: string }>({
      method: 'post',
      path: '/api/imports/:id/cancel',
      tag: 'imports',
      summary: 'Cancel a queued or running import: it ends cancelled and never runs again',
      roles: ['admin'],
      params: idParam,
      responses: [
        JSON_OK('ImportJobView (cancelled)'),
        { status: 404, description: 'no such import in your practice' },
        { status: 409, description: 'the import has already ended' },
      ],
      handle: async ({ c, actor, params }) => c.json(await cancelImport(ctx, actor, params.id)),
    }),
  ];
}
