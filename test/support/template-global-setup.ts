import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { RUN_DIR_ENV, RUN_ID_ENV, templatePrefix } from './run-templates.js';
import { ENGINES, testDatabaseUrl } from './test-database-url.js';

/**
 * Vitest global setup, once per run (after postgres-global-setup.ts, so torn down before it): the folder
 * and id of this run's test database templates (run-templates.ts), given to the test workers in their
 * environment. The teardown removes the folder and drops the run's PostgreSQL templates.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'sgrt-test-run-'));
  const runId = randomBytes(6).toString('hex');
  process.env[RUN_DIR_ENV] = dir;
  process.env[RUN_ID_ENV] = runId;
  return async () => {
    await rm(dir, { recursive: true, force: true });
    if (ENGINES.includes('postgres')) await dropTemplates(templatePrefix(runId));
  };
}

async function dropTemplates(prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
  } finally {
    await client.end();
  }
}
