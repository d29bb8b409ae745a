import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINES } from '../../../test/support/db-harness.js';
import {
  DEMO_HOOK_TIMEOUT_MS,
  type DemoHarness,
  openDemoPractice,
} from '../../../test/support/demo-harness.js';
import { listRemitLines } from '../remit/remit-lines.js';
import type { FractionQuery, RemitQuery } from '../views.js';
import { listCourses } from './courses.js';
import { listFractions } from './fractions.js';

// Counting stops at 3 rows (or at the end of the page asked for), so that a small page of the demo's
// lists is past the cap and a whole list (limit 500) is under it: both ways of reading a page run.
vi.mock('./capped-count.js', async (importActual) => {
  const actual = await importActual<typeof import('./capped-count.js')>();
  return { ...actual, countCap: (offset: number, limit: number) => actual.countCap(offset, limit, 3) };
});

/**
 * The lists whose queries are shaped for a million fractions (index walks that stop at the page) give
 * the rows a plain join, filter and sort of every row gives, in the same order, on each engine: the
 * worklist by patient and by patient search, the courses searched by any part of a course id, MRN or
 * name, and the remittance lines matched or not to a charge.
 */
describe.each(ENGINES)('list orders as a scan of every row gives them on %s', (engine) => {
  const demo = {} as DemoHarness;
  // The demo practice loads through the whole import (minutes on a loaded 2-core machine).
  beforeAll(async () => void Object.assign(demo, await openDemoPractice(engine)), DEMO_HOOK_TIMEOUT_MS);
  afterAll(() => demo.tdb?.close());
  const coder = () => demo.actor('coder');
  const db = () => demo.t.ctx.db;
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

  /** A part of a name several patients share (a letter pair), a part of one MRN, a part of a course id. */
  const parts = async () => {
    const { rows } = await sql<{ name: string; mrn: string; course_key: string }>`select p.name, p.mrn,
      c.course_key from patients p join courses c on c.patient_id = p.id
      where p.practice_id = ${demo.practiceId} and p.name is not null order by md5(p.id) limit 1`.execute(
      db(),
    );
    const one = rows[0]!;
    return { name: one.name.slice(1, 3), mrn: one.mrn.slice(2), courseKey: one.course_key.slice(1) };
  };

  /** The worklist as one scan: every fraction joined to its course and patient, filtered, sorted. */
  const scanFractions = async (where: RawBuilder<boolean>, order: RawBuilder<unknown>) => {
    const { rows } = await sql<{ id: string }>`select f.id from fractions f
      join courses c on c.id = f.course_id join patients p on p.id = c.patient_id
      where f.practice_id = ${demo.practiceId} and ${where} order by ${order}`.execute(db());
    return ids(rows);
  };
  const contains = (text: string) => `%${text}%`;

  it.each([
    ['asc', {}],
    ['desc', {}],
    ['asc', { status: 'hold' }],
    ['desc', { status: 'ready' }],
    ['asc', { search: 'name' }],
    ['desc', { search: 'mrn' }],
  ] as const)('sorts the worklist by patient %s with filters %j', async (order, filter) => {
    const part = await parts();
    const search = 'search' in filter ? part[filter.search] : undefined;
    const q: FractionQuery = { sort: 'patient', order, ...('status' in filter ? filter : {}), search };
    const dir = sql.raw(order);
    const expected = await scanFractions(
      sql<boolean>`${'status' in filter ? sql`f.status = ${filter.status}` : sql`true`}
        and ${search ? sql`(p.name ilike ${contains(search)} or p.mrn ilike ${contains(search)})` : sql`true`}`,
      sql`coalesce(p.name, '') ${dir}, p.mrn ${dir}, f.id ${dir}`,
    );
    expect(expected.length).toBeGreaterThan(2);
    expect(ids((await listFractions(demo.t.ctx, coder(), { ...q, limit: 500 })).items)).toEqual(expected);
    // Page by page (keyset cursor), five at a time, as far as thirty rows.
    const walked: string[] = [];
    let after: string | undefined;
    do {
      const page = await listFractions(demo.t.ctx, coder(), { ...q, limit: 5, after });
      walked.push(...ids(page.items));
      after = page.next;
    } while (after !== undefined && walked.length < 30);
    expect(walked).toEqual(expected.slice(0, walked.length));
  });

  it.each(['name', 'mrn', 'none'] as const)(
    'lists the fractions of the patients a search by %s part finds, by date',
    async (kind) => {
      const search = kind === 'none' ? 'zz-no-such-patient' : (await parts())[kind];
      const expected = await scanFractions(
        sql<boolean>`(p.name ilike ${contains(search)} or p.mrn ilike ${contains(search)})`,
        sql`f.date_of_service, f.id`,
      );
      if (kind !== 'none') expect(expected.length).toBeGreaterThan(0);
      const page = await listFractions(demo.t.ctx, coder(), { search, limit: 500 });
      expect(ids(page.items)).toEqual(expected);
      expect(page.total).toBe(expected.length);
    },
  );

  it.each(['name', 'mrn', 'courseKey', 'none'] as const)(
    'lists the courses a search by %s part finds, by course id, page by page',
    async (kind) => {
      const search = kind === 'none' ? 'zz-no-such-course' : (await parts())[kind];
      const { rows } = await sql<{ id: string }>`select c.id from courses c
        join patients p on p.id = c.patient_id where c.practice_id = ${demo.practiceId}
          and (c.course_key ilike ${contains(search)} or p.mrn ilike ${contains(search)}
            or p.name ilike ${contains(search)})
        order by c.course_key`.execute(db());
      const expected = ids(rows);
      if (kind !== 'none') expect(expected.length).toBeGreaterThan(0);
      const whole = await listCourses(demo.t.ctx, coder(), { search, limit: 500 });
      expect(ids(whole.items)).toEqual(expected);
      expect(whole.total).toBe(expected.length);
      // Past the cap (more than 4 matches) the courses are walked in order, else the matches sorted.
      const second = await listCourses(demo.t.ctx, coder(), { search, limit: 2, offset: 2 });
      expect(ids(second.items)).toEqual(expected.slice(2, 4));
      expect(second.total).toBe(Math.min(expected.length, 4));
    },
  );

  describe('remittance lines', () => {
    beforeAll(async () => {
      // Some lines no charge matches (the demo's 835s all match): every seventh line, by id.
      await sql`update remit_lines set charge_id = null
        where practice_id = ${demo.practiceId} and ('x' || substr(md5(id::text), 1, 6))::bit(24)::int % 7 = 0`.execute(
        db(),
      );
    });

    const scanLines = async (q: RemitQuery) => {
      const { rows } = await sql<{ id: string }>`select r.id from remit_lines r
        where r.practice_id = ${demo.practiceId}
          and ${q.matched === undefined ? sql`true` : q.matched ? sql`r.charge_id is not null` : sql`r.charge_id is null`}
          and ${q.queue === undefined ? sql`true` : sql`r.queue = ${q.queue}`}
        order by ${q.queue === undefined ? sql`r.queue is null` : sql`r.appeal_by`},
          r.payment_date desc, r.claim_pcn, r.line_no`.execute(db());
      return ids(rows);
    };

    it.each([{ matched: false }, { matched: true }, {}, { matched: false, offset: 3 }] as RemitQuery[])(
      'lists the lines %j in their order',
      async (q) => {
        const expected = await scanLines(q);
        expect(expected.length).toBeGreaterThan(3);
        const offset = q.offset ?? 0;
        const page = await listRemitLines(demo.t.ctx, coder(), { ...q, limit: 500 });
        expect(ids(page.items)).toEqual(expected.slice(offset, offset + 500));
        expect(page.total).toBe(Math.min(expected.length, offset + 500));
      },
    );
  });
});
