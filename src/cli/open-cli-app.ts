import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppContext, Actor } from '../app/app-context.js';
import type { Role } from '../app/views.js';
import { createLogger } from '../app/logger.js';
import { type OpenApp, openApp } from '../app/open-app.js';
import { UsageError } from './cli-errors.js';

/**
 * Opens the app database for a CLI command like `serve` does (DATABASE_URL, else PGlite under
 * --data-dir) and acts for the practice of `--practice`, or the only one the database holds, or the only
 * one holding the course the command names (`course`: a course key or id); a course several practices
 * hold is a usage error naming `--practice` and those practices.
 * The caller closes `app` (in a finally).
 */
export async function openCliApp(opts: {
  dataDir?: string | undefined;
  practice?: string | undefined;
  course?: string | undefined;
  role: Role;
  now?: number | undefined;
}): Promise<{ app: OpenApp; actor: Actor }> {
  const app = await openCliDatabase(opts);
  try {
    const practices = await practicesOf(app.ctx.db, opts.practice);
    const practiceId = opts.practice ?? (await onlyPractice(app.ctx.db, practices, opts.course));
    return {
      app,
      actor: { userId: 'cli', practiceId, role: opts.role, displayName: 'command line', physicianId: null },
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}

interface PracticeRow {
  id: string;
  name: string;
}

const listed = (practices: readonly PracticeRow[]) =>
  practices.length ? practices.map((p) => `${p.id} "${p.name}"`).join(', ') : 'the database has none';

/** The database's practices; `--practice`, when given, must be one of them (else exit 2 naming it). */
export async function practicesOf(db: AppContext['db'], given: string | undefined): Promise<PracticeRow[]> {
  const practices = await db.selectFrom('practices').select(['id', 'name']).orderBy('id').execute();
  if (given !== undefined && !practices.some((p) => p.id === given))
    throw new UsageError(`--practice ${given}: no such practice (${listed(practices)})`);
  return practices;
}

async function onlyPractice(
  db: AppContext['db'],
  practices: readonly PracticeRow[],
  course: string | undefined,
): Promise<string> {
  if (practices.length === 1) return practices[0]!.id;
  if (practices.length === 0)
    throw new UsageError('the database has no practice: create one with `sgrt-billing practice create`');
  if (course === undefined)
    throw new UsageError(
      `the database holds several practices: choose one with --practice (${listed(practices)})`,
    );
  const holding = new Set(
    (
      await db
        .selectFrom('courses')
        .select('practice_id')
        .distinct()
        .where((eb) => eb.or([eb('course_key', '=', course), eb('id', '=', course)]))
        .execute()
    ).map((c) => c.practice_id),
  );
  if (holding.size === 1) return [...holding][0]!;
  if (!holding.size) throw new UsageError(`--course ${course}: no such course`);
  throw new UsageError(
    `--course ${course}: several practices hold this course: choose one with --practice (${listed(practices.filter((p) => holding.has(p.id)))})`,
  );
}

/**
 * The app database of a CLI command (DATABASE_URL, else PGlite under --data-dir), its clock from `now`.
 * Only `create` may make a new PGlite database: the commands that start an installation (`practice
 * create`, `reference import` of the installation's CMS files; `serve` opens its own). For every other
 * command a --data-dir that does not exist or holds no database is refused (exit 2), never silently
 * created empty. A database that cannot be opened (--data-dir a file or
 * not writable, not a PGlite folder, a server that refuses the connection) is the caller's input: a usage
 * error naming where, with the error code only (a driver's message may quote the connection string).
 */
export async function openCliDatabase(opts: {
  dataDir?: string | undefined;
  now?: number | undefined;
  create?: boolean;
}): Promise<OpenApp> {
  const start = opts.now;
  const startedAt = Date.now();
  const databaseUrl = process.env.DATABASE_URL;
  const dataDir = opts.dataDir ?? '.data/db';
  if (!databaseUrl && !opts.create) await checkDatabaseFolder(dataDir);
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

/** A missing folder, or a folder without a PostgreSQL data directory's PG_VERSION, holds no database. */
async function checkDatabaseFolder(dataDir: string): Promise<void> {
  const folder = await stat(dataDir).catch((error: NodeJS.ErrnoException) => error);
  const missing = folder instanceof Error && folder.code === 'ENOENT';
  const empty =
    !(folder instanceof Error) &&
    folder.isDirectory() &&
    !(await stat(join(dataDir, 'PG_VERSION')).then(
      (s) => s.isFile(),
      () => false,
    ));
  if (missing || empty)
    throw new UsageError(
      `--data-dir ${dataDir}: ${missing ? 'no such folder' : 'no database in this folder'}; \`sgrt-billing serve\`, \`practice create\` or \`reference import\` creates one there (or set DATABASE_URL)`,
    );
}
