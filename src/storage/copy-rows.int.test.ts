import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../test/support/db-harness.js';
import { CHARS_PER_COPY, copyRows } from './copy-rows.js';
import type { Database } from './schema.js';

/** A scratch table outside the app's schema (copyRows is typed for the schema's tables). */
const PROBE = 'copy_probe' as keyof Database & string;

/** Text that COPY's format must escape, mixed with any Unicode (no NUL: no PostgreSQL text holds it). */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom('\\', '\t', '\n', '\r', '\\N', '\\.', '\r\n', 'N', '.', '"', "'", ',', ' '),
      fc.string({ unit: 'binary' }).map((s) => s.replaceAll('\u0000', '')),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe.each(ENGINES)('copyRows on %s', (engine) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    await sql`create table copy_probe (k integer not null, t text, n numeric, b boolean, at timestamptz)`.execute(
      tdb.db,
    );
  });
  afterAll(() => tdb.close());

  const readBack = async () =>
    (
      await sql<{ k: number; t: string | null; n: string | null; b: boolean | null; at: Date | null }>`
        select k, t, n::text as n, b, at from copy_probe order by k`.execute(tdb.db)
    ).rows;
  const clear = () => sql`delete from copy_probe`.execute(tdb.db);

  it('writes what an INSERT of the same values writes: text, numbers, booleans, instants, NULL', async () => {
    const rows = [
      { k: 1, t: 'a\tb\nc\\d\re', n: -12.5, b: true, at: new Date('2026-03-02T14:05:00.123Z') },
      { k: 2, t: '', n: 0, b: false, at: null },
      { k: 3, t: null, n: null, b: null, at: '2026-03-02T09:05:00-05:00' },
      { k: 4, t: '\\N', n: 1e3, b: true, at: null },
      { k: 5, t: 'Zoë 🩻 Ω \\.', n: 7, b: false, at: null },
    ];
    await tdb.db.transaction().execute((trx) => copyRows(trx, PROBE, rows));
    const copied = await readBack();
    await clear();
    await sql`insert into copy_probe (k, t, n, b, at) values ${sql.join(
      rows.map((r) => sql`(${r.k}, ${r.t}, ${r.n}, ${r.b}, ${r.at})`),
    )}`.execute(tdb.db);
    const inserted = await readBack();
    await clear();
    expect(copied).toEqual(inserted);
    expect(copied.map((r) => r.t)).toEqual(rows.map((r) => r.t));
  });

  it('round-trips any text through the server (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 20 }), async (texts) => {
        await copyRows(
          tdb.db,
          PROBE,
          texts.map((t, k) => ({ k, t })),
        );
        const back = await readBack();
        await clear();
        expect(back.map((r) => r.t)).toEqual(texts);
      }),
      { numRuns: 60 },
    );
  });

  it('splits data past CHARS_PER_COPY into several statements, rows in order', async () => {
    const big = 'x'.repeat(Math.ceil(CHARS_PER_COPY / 3));
    await copyRows(
      tdb.db,
      PROBE,
      [0, 1, 2, 3].map((k) => ({ k, t: k === 2 ? 'short' : big })),
    );
    const back = await sql<{
      k: number;
      len: number;
    }>`select k, length(t) as len from copy_probe order by k`.execute(tdb.db);
    await clear();
    expect(back.rows.map((r) => [r.k, Number(r.len)])).toEqual([
      [0, big.length],
      [1, big.length],
      [2, 5],
      [3, big.length],
    ]);
  });

  it('is part of the caller transaction: a rollback leaves nothing', async () => {
    await expect(
      tdb.db.transaction().execute(async (trx) => {
        await copyRows(trx, PROBE, [{ k: 1, t: 'kept?' }]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await readBack()).toEqual([]);
  });

  it('rejects with the server error for a bad row, and the connection stays usable', async () => {
    await expect(copyRows(tdb.db, PROBE, [{ k: 'not a number', t: 'x' }])).rejects.toThrow(/integer/);
    await copyRows(tdb.db, PROBE, [{ k: 9, t: 'after' }]);
    expect((await readBack()).map((r) => r.t)).toEqual(['after']);
    await clear();
  });
});
