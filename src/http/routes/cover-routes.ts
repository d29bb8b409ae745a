import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { addCover, listCovers, removeCover } from '../../app/setup/cover-designations.js';
import type { Role } from '../../app/views.js';
import { type ApiRoute, route } from '../api-route.js';
import { idParam, JSON_OK } from './query-schemas.js';

const ADMIN: readonly Role[] = ['admin'];
const physicianId = z.string().trim().min(1).max(200);
const date = z.iso.date();

/** Per course (`courseKey`) or per date range (`forPhysicianId`, `from`, `to`): the app checks which. */
const newCover = z.object({
  coveringPhysicianId: physicianId,
  courseKey: z.string().trim().min(1).max(200).nullable().optional(),
  forPhysicianId: physicianId.nullable().optional(),
  from: date.nullable().optional(),
  to: date.nullable().optional(),
});

/** Covering physicians the practice designates (who may sign besides the course's physician; Settings). */
export function coverRoutes(ctx: AppContext): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/practice/covers',
      tag: 'practice',
      summary: "The practice's covering physicians, with who designated each and when",
      roles: ADMIN,
      responses: [JSON_OK('CoverDesignationView[]')],
      handle: async ({ c, actor }) => c.json(await listCovers(ctx, actor)),
    }),
    route<undefined, undefined, z.infer<typeof newCover>>({
      method: 'post',
      path: '/api/practice/covers',
      tag: 'practice',
      summary:
        'Designate a covering physician for a course, or for a physician over dates (the courses concerned are re-audited)',
      roles: ADMIN,
      body: newCover,
      responses: [
        JSON_OK('CoverDesignationView[]'),
        { status: 400, description: 'neither a course nor a physician with dates; nothing saved' },
        { status: 404, description: 'no such course in your practice' },
      ],
      handle: async ({ c, actor, body }) => c.json(await addCover(ctx, actor, body)),
    }),
    route<z.infer<typeof idParam>>({
      method: 'delete',
      path: '/api/practice/covers/:id',
      tag: 'practice',
      summary: 'Remove a designation (the courses concerned are re-audited)',
      roles: ADMIN,
      params: idParam,
      responses: [
        JSON_OK('CoverDesignationView[]'),
        { status: 404, description: 'no such designation in your practice' },
      ],
      handle: async ({ c, actor, params }) => c.json(await removeCover(ctx, actor, params.id)),
    }),
  ];
}
