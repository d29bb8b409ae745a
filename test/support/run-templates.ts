import { open, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { threadId } from 'node:worker_threads';
import pg from 'pg';

/**
 * Test databases built once per test run and copied for every test database that starts from them
 * (a migrated schema, the demo practice): migrating and loading them again in each file cost most of the
 * suite's CPU. PGlite copies load a dump of the template's data folder (PGlite's `dumpDataDir` /
 * `loadDataDir`); PostgreSQL copies are `CREATE DATABASE … TEMPLATE` (PostgreSQL docs, "Template
 * Databases"). The first test file that needs a template builds it; files running at the same time wait
 * for it (a lock file on PGlite, an advisory lock on PostgreSQL). The run's folder and id come from
 * `template-global-setup.ts`, which removes them at the end.
 */

/** Set by the global setup: this run's folder for PGlite dumps, and its id in PostgreSQL template names. */
export const RUN_DIR_ENV = 'SGRT_TEST_RUN_DIR';
export const RUN_ID_ENV = 'SGRT_TEST_RUN_ID';

/** The prefix of this run's PostgreSQL template databases (dropped by the global setup's teardown). */
export function templatePrefix(runId: string): string {
  return `sgrt_tpl_${runId}_`;
}

function runSetting(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the tests with vitest.config.ts (its global setup sets it)`);
  return value;
}

const POLL_MS = 200;
/**
 * The builder touches its lock file this often; a lock untouched for STALE_MS lost its builder (long: a
 * build on a loaded machine may hold its thread's event loop for a while between two touches).
 */
const HEARTBEAT_MS = 2_000;
export const STALE_MS = 180_000;

/**
 * The dump of PGlite template `name` for this run: read from the run's folder, else built by `build`
 * (while other files wait on its lock file) and written there. A builder whose file ended before it was
 * done (a timed-out hook, a worker stopped) stops touching its lock, and a waiting file takes over.
 */
export async function pgliteTemplate(name: string, build: () => Promise<Blob>): Promise<Blob> {
  const file = join(runSetting(RUN_DIR_ENV), `${name}.tar`);
  const lockFile = `${file}.lock`;
  for (;;) {
    const dump = await readIfThere(file);
    if (dump) return new Blob([dump]);
    const lock = await open(lockFile, 'wx').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return null;
      throw error;
    });
    if (!lock) {
      await sleep(POLL_MS);
      await removeIfStale(lockFile);
      continue;
    }
    const heartbeat = setInterval(() => {
      const now = new Date();
      void utimes(lockFile, now, now).catch(() => undefined);
    }, HEARTBEAT_MS);
    try {
      // Another file may have finished it between the read and the lock.
      if (!(await readIfThere(file))) {
        const built = await build();
        const part = `${file}.${process.pid}.${threadId}.part`;
        await writeFile(part, new Uint8Array(await built.arrayBuffer()));
        await rename(part, file);
      }
    } finally {
      clearInterval(heartbeat);
      await lock.close();
      await rm(lockFile, { force: true });
    }
  }
}

async function removeIfStale(lockFile: string): Promise<void> {
  const touched = await stat(lockFile).then(
    (s) => s.mtimeMs,
    () => null,
  );
  if (touched !== null && Date.now() - touched > STALE_MS) await rm(lockFile, { force: true });
}

async function readIfThere(file: string): Promise<Buffer | null> {
  return readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
}

/**
 * The name of PostgreSQL template database `name` for this run on the server of `adminUrl`, built by
 * `build` (given the name of an empty database to fill, with no connection left open to it afterwards)
 * under an advisory lock, then renamed: a template exists only once complete.
 */
export async function postgresTemplate(
  adminUrl: string,
  name: string,
  build: (database: string) => Promise<void>,
): Promise<string> {
  const template = `${templatePrefix(runSetting(RUN_ID_ENV))}${name}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [template]);
    const found = await client.query('select 1 from pg_database where datname = $1', [template]);
    if (found.rowCount === 0) {
      const part = `${template}_part`;
      await client.query(`drop database if exists ${part} with (force)`);
      await build(part);
      await client.query(`alter database ${part} rename to ${template}`);
    }
    return template;
  } finally {
    await client.end(); // ends the session, which releases its advisory lock
  }
}
