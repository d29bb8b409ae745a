import { randomBytes } from 'node:crypto';
import { readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase, type TestTemplate } from './db-harness.js';
import { pgliteTemplate, postgresTemplate, RUN_DIR_ENV, STALE_MS } from './run-templates.js';
import { testDatabaseUrl } from './test-database-url.js';

/**
 * The test harness's templates (run-templates.ts): built once per run however many files ask at once,
 * and every test database a copy of its own.
 */
/** The first file of a run to ask builds the migrated template: a loaded 2-core machine needs room. */
const TEMPLATE_HOOK_TIMEOUT_MS = 300_000;

const unique = (prefix: string) => `${prefix}_${randomBytes(4).toString('hex')}`;

describe('PGlite templates', () => {
  it('builds a template once when several callers ask for it at the same time', async () => {
    let builds = 0;
    const build = async () => new Blob([`dump ${++builds}`]);
    const name = unique('once');
    const dumps = await Promise.all([1, 2, 3].map(() => pgliteTemplate(name, build)));
    expect(builds).toBe(1);
    expect(await Promise.all(dumps.map((d) => d.text()))).toEqual(['dump 1', 'dump 1', 'dump 1']);
  });

  it('leaves nothing behind when a build fails: the next caller builds it', async () => {
    const name = unique('failed');
    await expect(pgliteTemplate(name, () => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    expect(await (await pgliteTemplate(name, async () => new Blob(['built']))).text()).toBe('built');
  });

  it('takes over from a builder that stopped touching its lock', async () => {
    const name = unique('stale');
    const lock = join(process.env[RUN_DIR_ENV]!, `${name}.tar.lock`);
    await writeFile(lock, '');
    const then = new Date(Date.now() - STALE_MS - 1_000);
    await utimes(lock, then, then);
    expect(await (await pgliteTemplate(name, async () => new Blob(['taken over']))).text()).toBe(
      'taken over',
    );
  });
});

describe.skipIf(!ENGINES.includes('postgres'))('PostgreSQL templates', () => {
  it('builds a template once when several callers ask for it at the same time', async () => {
    const admin = testDatabaseUrl();
    let builds = 0;
    const build = async (database: string) => {
      builds += 1;
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`create database ${database}`).finally(() => client.end());
    };
    const name = unique('once');
    const templates = await Promise.all([1, 2, 3].map(() => postgresTemplate(admin, name, build)));
    expect(builds).toBe(1);
    expect(new Set(templates).size).toBe(1);
  });
});

/** A template with one row in a table of its own. */
const PROBE: TestTemplate = {
  name: 'probe',
  fill: async ({ db }) => {
    await sql`create table probe (n int)`.execute(db);
    await sql`insert into probe values (1)`.execute(db);
  },
};

describe.each(ENGINES)('test databases on %s', (engine) => {
  let first: TestDatabase;
  let second: TestDatabase;
  beforeAll(async () => {
    [first, second] = await Promise.all([openTestDatabase(engine, PROBE), openTestDatabase(engine, PROBE)]);
  }, TEMPLATE_HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  const probe = async (tdb: TestDatabase) =>
    (await sql<{ n: number }>`select n from probe order by n`.execute(tdb.db)).rows.map((r) => r.n);

  it('start from the template, each with every migration applied', async () => {
    const migrations = (await readdir('src/storage/migrations')).length;
    for (const tdb of [first, second]) {
      expect(await probe(tdb)).toEqual([1]);
      const applied = await sql<{ n: string }>`select count(*) as n from kysely_migration`.execute(tdb.db);
      expect(Number(applied.rows[0]!.n)).toBe(migrations);
    }
  });

  it('are copies of their own: a change to one is not seen by another', async () => {
    await sql`insert into probe values (2)`.execute(first.db);
    expect(await probe(first)).toEqual([1, 2]);
    expect(await probe(second)).toEqual([1]);
  });
});
