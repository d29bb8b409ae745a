import { insertAccessRows, listAccessRows } from '../storage/auth/access-log-repository.js';
import type { Actor, AppContext } from './app-context.js';
import { forbidden } from './app-errors.js';
import type { AccessLogEntry, Page } from './views.js';

export interface AccessEvent {
  action: 'read' | 'change';
  patientIds: string[];
  /** The route pattern (`GET /api/courses/:id`), never a URL with a query string. */
  route: string;
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
    },
  ]);
}

/** The practice's access log, newest first (admins only). */
export async function listAccessLog(
  ctx: AppContext,
  actor: Actor,
  page: { limit?: number | undefined; offset?: number | undefined },
): Promise<Page<AccessLogEntry>> {
  if (actor.role !== 'admin' && actor.role !== 'operator') throw forbidden('the access log is for admins');
  const { rows, total } = await listAccessRows(ctx.db, actor.practiceId, {
    limit: page.limit ?? 50,
    offset: page.offset ?? 0,
  });
  return {
    items: rows.map((r) => ({
      at: r.at.toISOString(),
      userId: r.userId,
      userName: r.userName,
      action: r.action === 'change' ? 'change' : 'read',
      patientIds: r.patientIds,
      route: r.route,
    })),
    total,
  };
}
