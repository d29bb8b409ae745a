import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { cancelJob, claimJob, enqueueJob, finishJob, heartbeat } from './job-queue.js';

const AT = new Date('2026-03-13T16:00:00Z');

describe.each(ENGINES)('job queue on %s', (engine) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    await tdb.db.insertInto('practices').values({ id: 'p1', name: 'P', clinic: '{}' }).execute();
  });
  afterAll(() => tdb.close());

  it('hands each job to one worker when many claim at once (FOR UPDATE SKIP LOCKED)', async () => {
    const ids = [];
    for (let i = 0; i < 12; i++) {
      ids.push(
        await enqueueJob(tdb.db, {
          practiceId: 'p1',
          kind: 'import',
          payload: {},
          createdBy: null,
          at: AT.toISOString(),
        }),
      );
    }
    const claims = await Promise.all(
      Array.from({ length: 16 }, (_, i) => claimJob(tdb.db, `w${i % 4}`, AT, 60_000)),
    );
    const claimed = claims.flatMap((c) => (c ? [c.id] : []));
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.sort()).toEqual([...ids].sort());
    for (const id of claimed) await finishJob(tdb.db, id, { status: 'done' }, AT);
  });

  it('claims a job again when its lease ran out, until its attempts are used up', async () => {
    const id = await enqueueJob(tdb.db, {
      practiceId: 'p1',
      kind: 'import',
      payload: {},
      createdBy: null,
      at: AT.toISOString(),
    });
    const t = (s: number) => new Date(AT.getTime() + s * 1000);
    expect((await claimJob(tdb.db, 'a', t(0), 10_000))?.id).toBe(id);
    expect(await claimJob(tdb.db, 'b', t(5), 10_000)).toBeNull();
    expect((await claimJob(tdb.db, 'b', t(11), 10_000))?.attempts).toBe(2);
    expect((await claimJob(tdb.db, 'c', t(22), 10_000))?.attempts).toBe(3);
    expect(await claimJob(tdb.db, 'd', t(33), 10_000)).toBeNull();
    const row = await tdb.db
      .selectFrom('jobs')
      .select(['status', 'error'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    // A crash loop ends there, and says so: no retry is promised.
    expect(row.error).toMatch(/every attempt is used up/);
    expect(row.error).not.toMatch(/retr|will be/);
    expect(await claimJob(tdb.db, 'e', t(99), 10_000)).toBeNull();
  });

  it('keeps a job cancelled while its worker runs on: no heartbeat, no outcome over it', async () => {
    const id = await enqueueJob(tdb.db, {
      practiceId: 'p1',
      kind: 'import',
      payload: {},
      createdBy: null,
      at: AT.toISOString(),
    });
    expect((await claimJob(tdb.db, 'w', AT, 10_000))?.id).toBe(id);
    expect(await cancelJob(tdb.db, 'p2', id, AT)).toBe('not_found');
    expect(await cancelJob(tdb.db, 'p1', id, AT)).toBe('cancelled');
    expect(await cancelJob(tdb.db, 'p1', id, AT)).toBe('ended');
    expect(await heartbeat(tdb.db, id, 'w', {}, AT, 10_000)).toBe(false);
    await finishJob(tdb.db, id, { status: 'done', result: {} }, AT);
    const row = await tdb.db
      .selectFrom('jobs')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('cancelled');
  });
});
