import type { AuditContext } from '../core/audit/audit-course.js';
import type { Db, Engine } from '../storage/database.js';
import type { Role } from './views.js';

/**
 * What every use case of the running application gets: the database, the clock (injected, so tests
 * control it), the engine settings for audits at a given instant, and a logger that never receives PHI.
 */
export interface AppContext {
  db: Db;
  engine: Engine;
  now: () => number;
  auditContext: (now: number) => AuditContext;
  log: AppLogger;
}

/** The logged-in user a use case acts for. Every query filters on `practiceId` (tenancy). */
export interface Actor {
  userId: string;
  practiceId: string;
  role: Role;
  displayName: string;
  /** The chart physician id a physician login signs as. */
  physicianId: string | null;
}

/** Structured logging: fields are identifiers and counts only (see logger.ts for the redaction list). */
export interface AppLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}
