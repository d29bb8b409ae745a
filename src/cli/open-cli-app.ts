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

/**
 * The app database of a CLI command (DATABASE_URL, else PGlite under --data-dir), its clock from `now`.
 * A database that cannot be opened (--data-dir a file or not writable, not a PGlite folder, a server that
 * refuses the connection) is the caller's input: a usage error naming where, with the error code only
 * (a driver's message may quote the connection string).
 */
export async function openCliDatabase(opts: {
  dataDir?: string | undefined;
  now?: number | undefined;
}): Promise<OpenApp> {
  const start = opts.now;
  const startedAt = Date.now();
  const databaseUrl = process.env.DATABASE_URL;
  const dataDir = opts.dataDir ?? '.data/db';
  try {
    return await openApp({
      databaseUrl,
      dataDir,
      log: createLogger({ level: 'warn', stream: process.stderr }),
      ...(start !== undefined ? { now: () => start + (Date.now() - startedAt) } : {}),
    });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const why = typeof code === 'string' ? ` (${code})` : '';
    throw new UsageError(
      databaseUrl
        ? `DATABASE_URL: cannot open the database${why}`
        : `--data-dir ${dataDir}: cannot open the database there${why}: give a folder the app may write, or one it created`,
    );
  }
}
