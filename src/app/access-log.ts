import { insertAccessRows } from '../storage/auth/access-log-repository.js';
import type { Actor, AppContext } from './app-context.js';

export interface AccessEvent {
  action: 'read' | 'change';
  patientIds: string[];
  /** The route pattern (`GET /api/courses/:id`), never a URL with a query string. */
  route: string;
  /** The reason the user typed for an override (kept in the access log only: it may name a patient). */
  reason?: string;
}

/**
 * Who read or changed which patient's data (HIPAA §164.312(b) audit controls): one row per event, the
 * patients in it listed once each, written in one statement whatever the page's size.
 */
export async function recordAccess(ctx: AppContext, actor: Actor, event: AccessEvent): Promise<void> {
  const patientIds = [...new Set(event.patientIds)];
  if (!patientIds.length) return;
  await insertAccessRows(ctx.db, [
    {
      at: new Date(ctx.now()),
      practiceId: actor.practiceId,
      userId: actor.userId,
      action: event.action,
      patientIds,
      route: event.route,
      ...(event.reason === undefined ? {} : { reason: event.reason }),
    },
  ]);
}
