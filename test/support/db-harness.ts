import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Engine, type OpenDatabase, openDatabase } from '../../src/storage/database.js';
import { ENGINES, testDatabaseUrl } from './test-database-url.js';

/**
 * Integration tests run on every engine of `DB_ENGINES` (default `pglite,postgres`; architecture.md).
 * PostgreSQL tests get a database of their own, created on the server of `TEST_DATABASE_URL`
 * (default the development machines' 127.0.0.1:5432, database `test`; when none answers there, the one
 * the global setup started) and dropped afterwards.
 */
export { ENGINES };

/** Read when a test file loads: after the global setup (postgres-global-setup.ts) chose the server. */
const ADMIN_URL = testDatabaseUrl();

export interface TestDatabase extends OpenDatabase {
  /** The connection string of a PostgreSQL test database (for a second app instance); null on PGlite. */
  url: string | null;
  close(): Promise<void>;
}

export async function openTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const opened = await openDatabase();
    return { ...opened, url: null, close: () => opened.db.destroy() };
  }
  const name = `sgrt_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const opened = await openDatabase({ url: url.toString(), poolSize: 4 });
  return {
    ...opened,
    url: url.toString(),
    close: async () => {
      await opened.db.destroy();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
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
