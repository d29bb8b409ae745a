import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { importPractice } from '../../../test/support/import-practice.js';
import type { TestContext } from '../../../test/support/test-context.js';
import type { Actor } from '../app-context.js';
import { enqueueImport, getImport } from '../imports/import-jobs.js';
import { databaseHost } from './database-host.js';
import type { DbReply, DbRequest } from './thread-protocol.js';
import { runOneJob } from './worker.js';

/** Calls of the CPU-heavy steps made in this thread (the app's), counted around the real functions. */
const calls = vi.hoisted(() => ({ read: 0, link: 0, audit: 0 }));
vi.mock('../import/read-export-files.js', async (actual) => {
  const m = await actual<typeof import('../import/read-export-files.js')>();
  return {
    ...m,
    readExportSources: (...a: Parameters<typeof m.readExportSources>) => (
      calls.read++,
      m.readExportSources(...a)
    ),
  };
});
vi.mock('../import/link-courses.js', async (actual) => {
  const m = await actual<typeof import('../import/link-courses.js')>();
  return {
    ...m,
    linkCourses: (...a: Parameters<typeof m.linkCourses>) => (calls.link++, m.linkCourses(...a)),
  };
});
vi.mock('../../core/audit/audit-course.js', async (actual) => {
  const m = await actual<typeof import('../../core/audit/audit-course.js')>();
  return {
    ...m,
    auditCourse: (...a: Parameters<typeof m.auditCourse>) => (calls.audit++, m.auditCourse(...a)),
  };
});

const HOOK_TIMEOUT_MS = 120_000;

/**
 * A job runs in a thread of its own (node:worker_threads), so the app's event loop only runs its
 * database statements and stays free for other requests while files are read, linked and audited
 * (the embedded database, PGlite, runs in the app's thread: its statements cannot move).
 */
describe.each(ENGINES)('jobs in their own thread on %s', { timeout: 120_000 }, (engine) => {
  let tdb: TestDatabase;
  let t: TestContext;
  let actor: Actor;
  let files: { name: string; bytes: Uint8Array }[];
  beforeAll(async () => {
    ({ tdb, t, actor, files } = await importPractice(engine, 'Thread'));
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => tdb?.close(), HOOK_TIMEOUT_MS);

  it('reads, links and audits an import off the app thread, AlignRT reports included', async () => {
    const report = {
      name: 'us-single-page.pdf',
      bytes: new Uint8Array(await readFile('test/fixtures/alignrt/report/us-single-page.pdf')),
    };
    const job = await enqueueImport(t.ctx, actor, [...files, report]);
    const before = { ...calls };
    expect(await runOneJob(t.ctx, 'w1')).toBe(true);
    const done = await getImport(t.ctx, actor, job.id);
    expect(done.status).toBe('done');
    expect(done.summary!.fractions).toBeGreaterThan(0);
    // The PDF is read by pdf.js in the job thread's own child process.
    expect(done.files.find((f) => f.name === report.name)).toMatchObject({
      format: 'alignrt-report',
      status: 'imported',
      records: 2, // its two sessions
    });
    // Nothing of the reading, linking or auditing ran in this thread.
    expect(calls).toEqual(before);
  });
});

describe.each(ENGINES)('the database host on %s', { timeout: 120_000 }, (engine) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    await sql`create table host_test (n int)`.execute(tdb.db);
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => tdb?.close(), HOOK_TIMEOUT_MS);

  /** One request served, its reply awaited. */
  function client() {
    const waiting = new Map<number, (r: DbReply) => void>();
    const host = databaseHost(tdb.db, (r) => waiting.get(r.id)?.(r));
    let id = 0;
    type Request = DbRequest extends infer R ? (R extends unknown ? Omit<R, 'type' | 'id'> : never) : never;
    const ask = (request: Request) =>
      new Promise<DbReply>((ok) => {
        const n = ++id;
        waiting.set(n, ok);
        host.serve({ type: 'db', id: n, ...request } as DbRequest);
      });
    return { host, ask };
  }
  const count = async () =>
    Number((await sql<{ n: string }>`select count(*)::text as n from host_test`.execute(tdb.db)).rows[0]!.n);

  it('rolls back and releases what a thread left open when it ended mid-transaction', async () => {
    const { host, ask } = client();
    const { connection } = (await ask({ op: 'acquire' })) as { connection: number };
    await ask({ op: 'begin', connection });
    const inserted = await ask({
      op: 'query',
      connection,
      sql: 'insert into host_test values ($1)',
      parameters: [1],
    });
    expect(inserted).toMatchObject({ numAffectedRows: 1n });
    await host.close();
    // The connection is free again (PGlite has one) and the insert is gone.
    expect(await count()).toBe(0);
  });

  it('commits a transaction and answers a failed statement with its SQLSTATE', async () => {
    const { host, ask } = client();
    const { connection } = (await ask({ op: 'acquire' })) as { connection: number };
    await ask({ op: 'begin', connection });
    await ask({ op: 'query', connection, sql: 'insert into host_test values ($1)', parameters: [2] });
    await ask({ op: 'commit', connection });
    const failed = await ask({ op: 'query', connection, sql: 'select n from no_such_table', parameters: [] });
    expect(failed).toMatchObject({ error: { code: '42P01' } });
    const rows = await ask({ op: 'query', connection, sql: 'select n from host_test', parameters: [] });
    expect(rows).toMatchObject({ rows: [{ n: 2 }] });
    await ask({ op: 'release', connection });
    await host.close();
    expect(await count()).toBe(1);
  });
});
