import type { Actor } from '../app/app-context.js';
import type { Role } from '../app/views.js';
import { createLogger } from '../app/logger.js';
import { type OpenApp, openApp } from '../app/open-app.js';
import { UsageError } from './cli-errors.js';

/**
 * Opens the app database for a CLI command like `serve` does (DATABASE_URL, else PGlite under
 * --data-dir) and acts for the practice of `--practice`, or the only one the database holds.
 * The caller closes `app` (in a finally).
 */
export async function openCliApp(opts: {
  dataDir?: string | undefined;
  practice?: string | undefined;
  role: Role;
  now?: number | undefined;
}): Promise<{ app: OpenApp; actor: Actor }> {
  const app = await openCliDatabase(opts);
  try {
    const practices = await app.ctx.db.selectFrom('practices').select('id').orderBy('id').execute();
    const practiceId = opts.practice ?? (practices.length === 1 ? practices[0]!.id : undefined);
    if (!practiceId || !practices.some((p) => p.id === practiceId))
      throw new UsageError(
        practices.length === 0
          ? 'the database has no practice'
          : `choose the practice with --practice (${practices.map((p) => p.id).join(', ')})`,
      );
    return {
      app,
      actor: { userId: 'cli', practiceId, role: opts.role, displayName: 'command line', physicianId: null },
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}

/** The app database of a CLI command (DATABASE_URL, else PGlite under --data-dir), its clock from `now`. */
export function openCliDatabase(opts: {
  dataDir?: string | undefined;
  now?: number | undefined;
}): Promise<OpenApp> {
  const start = opts.now;
  const startedAt = Date.now();
  return openApp({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: opts.dataDir ?? '.data/db',
    log: createLogger({ level: 'warn', stream: process.stderr }),
    ...(start !== undefined ? { now: () => start + (Date.now() - startedAt) } : {}),
  });
}
