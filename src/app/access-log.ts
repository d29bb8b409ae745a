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
      patientId: r.patientId,
      route: r.route,
    })),
    total,
  };
}
