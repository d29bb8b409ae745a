import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { ENGINES, serverAddress, testDatabaseUrl, testServerPlan } from './test-database-url.js';

/**
 * Vitest global setup, once per run: the PostgreSQL server of the integration tests. When none answers at
 * TEST_DATABASE_URL on this machine (a fresh clone without PostgreSQL), it starts one from the
 * `embedded-postgres` packages and gives its URL to the test workers in TEST_DATABASE_URL; the returned
 * teardown stops it. Nothing to do when the run excludes PostgreSQL (DB_ENGINES=pglite). CI starts the
 * system server first (.ci/run `ensure_postgres required`), so there this only checks that it answers.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (!ENGINES.includes('postgres')) return undefined;
  const url = testDatabaseUrl();
  const plan = testServerPlan(url, await answers(url));
  if (plan === 'use') return undefined;
  if (plan === 'unreachable')
    throw new Error(
      `No PostgreSQL answers at ${serverAddress(url)} (TEST_DATABASE_URL): start it, point TEST_DATABASE_URL at a server of this machine (one is then started for the run), or run DB_ENGINES=pglite.`,
    );
  const server = await startEmbeddedPostgres(url);
  process.env.TEST_DATABASE_URL = server.url;
  process.stderr.write(
    `No PostgreSQL answers at ${serverAddress(url)}: the tests use one started from embedded-postgres at ${serverAddress(server.url)}.\n`,
  );
  return () => server.stop();
}

/**
 * Whether a PostgreSQL server answers at the URL: it accepts the connection, or refuses it with an error
 * of its own (a SQLSTATE such as 28P01 or 3D000: a server is there, and the tests will say what is
 * wrong). No answer: the connection is refused or times out.
 */
async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    return /^[0-9A-Z]{5}$/.test(String((error as { code?: unknown }).code ?? ''));
  } finally {
    await client.end().catch(() => undefined);
  }
}
