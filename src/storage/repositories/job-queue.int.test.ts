import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { claimJob, enqueueJob, finishJob } from './job-queue.js';

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
  });
});
