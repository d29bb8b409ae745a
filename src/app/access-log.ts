import { insertAccessRows } from '../storage/auth/access-log-repository.js';
import type { Actor, AppContext } from './app-context.js';

export interface AccessEvent {
  action: 'read' | 'change';
  patientIds: string[];
  /** The route pattern (`GET /api/courses/:id`), never a URL with a query string. */
  route: string;
}

/** Who read or changed which patient's data: one row per patient id (HIPAA §164.312(b) audit controls). */
export async function recordAccess(ctx: AppContext, actor: Actor, event: AccessEvent): Promise<void> {
  const at = new Date(ctx.now());
  await insertAccessRows(
    ctx.db,
    [...new Set(event.patientIds)].map((patientId) => ({
      at,
      practiceId: actor.practiceId,
      userId: actor.userId,
      action: event.action,
      patientId,
      route: event.route,
    })),
  );
}
