import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import pg from 'pg';
import {
  type Engine,
  type OpenDatabase,
  migrate,
  newPGlite,
  openDatabase,
  pgliteDatabase,
} from '../../src/storage/database.js';
import { pgliteTemplate, postgresTemplate } from './run-templates.js';
import { ENGINES, testDatabaseUrl } from './test-database-url.js';

/**
 * Integration tests run on every engine of `DB_ENGINES` (default `pglite,postgres`; architecture.md).
 * PostgreSQL tests get a database of their own, created on the server of `TEST_DATABASE_URL`
 * (default the development machines' 127.0.0.1:5432, database `test`; when none answers there, the one
 * the global setup started) and dropped afterwards. Every test database is a copy of a template built
 * once per run (run-templates.ts): the migrated schema, or a state such as the demo practice.
 */
export { ENGINES };

/** Read when a test file loads: after the global setup (postgres-global-setup.ts) chose the server. */
const ADMIN_URL = testDatabaseUrl();

export interface TestDatabase extends OpenDatabase {
  /** The connection string of a PostgreSQL test database (for a second app instance); null on PGlite. */
  url: string | null;
  close(): Promise<void>;
}

/** A database state built once per run, that test databases start from. */
export interface TestTemplate {
  /** Lower-case letters and underscores (part of a PostgreSQL database name). */
  name: string;
  /** Fills a migrated database (the caller closes it afterwards). */
  fill(opened: OpenDatabase): Promise<void>;
}

/** The schema of the latest migration, no rows. */
export const MIGRATED: TestTemplate = { name: 'migrated', fill: async () => undefined };

/** A new database of its own for a test file, a copy of `template` (default: migrated, empty). */
export async function openTestDatabase(
  engine: Engine,
  template: TestTemplate = MIGRATED,
): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const opened = pgliteDatabase(newPGlite({ loadDataDir: await pgliteDump(template) }));
    return { ...opened, url: null, close: () => opened.db.destroy() };
  }
  const name = `sgrt_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name} template ${await postgresTemplateName(template)}`);
  const url = databaseUrl(name);
  const opened = await openDatabase({ url, poolSize: 4 });
  return {
    ...opened,
    url,
    close: async () => {
      await opened.db.destroy();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/** A PGlite data folder at `dataDir` (a command's --data-dir), a copy of `template`. */
export async function pgliteDataDir(dataDir: string, template: TestTemplate): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const pglite = newPGlite({ dataDir, loadDataDir: await pgliteDump(template) });
  await pglite.waitReady;
  await pglite.close();
}

function pgliteDump(template: TestTemplate): Promise<Blob> {
  return pgliteTemplate(template.name, async () => {
    const pglite = newPGlite(template === MIGRATED ? {} : { loadDataDir: await pgliteDump(MIGRATED) });
    const opened = pgliteDatabase(pglite);
    try {
      await migrate(opened.db);
      await template.fill(opened);
      return await pglite.dumpDataDir('none');
    } finally {
      await opened.db.destroy();
    }
  });
}

function postgresTemplateName(template: TestTemplate): Promise<string> {
  return postgresTemplate(ADMIN_URL, template.name, async (database) => {
    const from = template === MIGRATED ? '' : ` template ${await postgresTemplateName(MIGRATED)}`;
    await adminQuery(`create database ${database}${from}`);
    const opened = await openDatabase({ url: databaseUrl(database), poolSize: 4 });
    try {
      await template.fill(opened);
    } finally {
      await opened.db.destroy();
    }
  });
}

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
