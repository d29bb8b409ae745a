import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/support/db-harness.js';
import {
  DEMO_HOOK_TIMEOUT_MS,
  type DemoHarness,
  openDemoPractice,
} from '../../../test/support/demo-harness.js';
import type { FractionQuery, FractionRow } from '../views.js';
import { listCourses } from './courses.js';
import { listFractions } from './fractions.js';
import { signaturesDue } from './signatures-due.js';
import { worklistChoices } from './worklist-choices.js';

/**
 * The worklist's filters and pages on the demo practice, on each engine: payer, physician and rule ids
 * kept on the fraction row agree with the course and its findings; the filters are choices, rule ids
 * match whatever their case, a patient search matches any part of a name or MRN (and a course search
 * any part of the course id too) as a scan of every row does, and a search of several words matches the
 * rows where each word, in any order, is part of the name or MRN (worklist, courses, signatures due); the deadline and at-risk orders without a
 * status filter are the orders the charges and deadlines give; keyset pages walk the whole list in the
 * order one page gives it; a request writes one access-log row with its patients.
 */
describe.each(ENGINES)('worklist filters and pages on %s', (engine) => {
  const demo = {} as DemoHarness;
  // The demo practice loads through the whole import (minutes on a loaded 2-core machine).
  beforeAll(async () => void Object.assign(demo, await openDemoPractice(engine)), DEMO_HOOK_TIMEOUT_MS);
  afterAll(() => demo.tdb?.close());
  const coder = () => demo.actor('coder');
  const all = async (q: FractionQuery) =>
    (await listFractions(demo.t.ctx, coder(), { ...q, limit: 500 })).items;

  it("keeps each fraction's payer, physician and rule ids equal to its course's and findings'", async () => {
    const { rows } = await sql<{
      n: string;
    }>`select count(*) as n from fractions f join courses c on c.id = f.course_id
      where f.payer is distinct from coalesce(c.payer_name, c.payer_profile)
        or f.physician_id is distinct from c.physician_id
        or f.rule_ids is distinct from coalesce((select array_agg(distinct fi.rule_id order by fi.rule_id)
          from findings fi where fi.fraction_id = f.id and fi.severity <> 'info'), '{}')`.execute(
      demo.t.ctx.db,
    );
    expect(Number(rows[0]!.n)).toBe(0);
    const { rows: withRules } = await sql<{ n: string }>`select count(*) as n from fractions
      where cardinality(rule_ids) > 0`.execute(demo.t.ctx.db);
    expect(Number(withRules[0]!.n)).toBeGreaterThan(0);
  });

  it('filters by payer and physician as listed in the choices, and by rule id in any case', async () => {
    const choices = await worklistChoices(demo.t.ctx, coder());
    expect(choices.payers.length).toBeGreaterThan(1);
    expect(choices.physicians.length).toBeGreaterThan(1);
    const everything = await all({});
    for (const payer of choices.payers) {
      const rows = await all({ payer });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.payer === payer)).toBe(true);
      expect(rows.length).toBe(everything.filter((r) => r.payer === payer).length);
    }
    const physician = choices.physicians[0]!.id;
    const byPhysician = await all({ physicianId: physician });
    expect(byPhysician.length).toBe(everything.filter((r) => r.physicianId === physician).length);

    const upper = await all({ status: 'hold', ruleId: 'DOC-001' });
    expect(upper.length).toBeGreaterThan(0);
    for (const ruleId of ['doc-001', ' Doc-001 ']) {
      expect((await all({ status: 'hold', ruleId })).map((r) => r.id)).toEqual(upper.map((r) => r.id));
    }
  });

  it("finds a patient's fractions by any part of the name or the MRN", async () => {
    const everything = await all({});
    const someone = everything.find((r) => (r.patientName ?? '').length > 4)!;
    const byPatient = everything.filter((r) => r.patientId === someone.patientId).map((r) => r.id);
    const part = someone.patientName!.slice(1, -1).toLowerCase();
    const byName = await all({ search: part });
    expect(byName.map((r) => r.id)).toEqual(expect.arrayContaining(byPatient));
    expect(byName.every((r) => r.patientName!.toLowerCase().includes(part))).toBe(true);
    const byMrn = await all({ search: someone.mrn.slice(2) });
    expect(byMrn.map((r) => r.id)).toEqual(expect.arrayContaining(byPatient));
    expect(await all({ search: '%' })).toEqual([]);
    // One or two characters (too short for a trigram) still match any part, in any case.
    const short = someone.patientName!.slice(1, 3).toUpperCase();
    const byShort = await all({ search: short });
    expect(byShort.map((r) => r.id)).toEqual(expect.arrayContaining(byPatient));
    expect(
      byShort.every(
        (r) => r.patientName!.toUpperCase().includes(short) || r.mrn.toUpperCase().includes(short),
      ),
    ).toBe(true);
  });

  it('finds courses by any part of the course id, the MRN or the name, as a scan of every course does', async () => {
    const { rows } = await sql<{ course_key: string; mrn: string; name: string | null }>`select c.course_key,
      p.mrn, p.name from courses c join patients p on p.id = c.patient_id
      where c.practice_id = ${demo.practiceId} order by md5(c.id) limit 1`.execute(demo.t.ctx.db);
    const one = rows[0]!;
    for (const search of [one.course_key.slice(1), one.mrn.slice(2).toLowerCase(), one.name!.slice(2, -1)]) {
      const { rows: scan } = await sql<{ course_key: string }>`select c.course_key from courses c
        join patients p on p.id = c.patient_id where c.practice_id = ${demo.practiceId}
          and (c.course_key ilike ${`%${search}%`} or p.mrn ilike ${`%${search}%`} or p.name ilike ${`%${search}%`})
        order by c.course_key`.execute(demo.t.ctx.db);
      expect(scan.length).toBeGreaterThan(0);
      const page = await listCourses(demo.t.ctx, coder(), { search, limit: 500 });
      expect(page.items.map((c) => c.courseKey)).toEqual(scan.map((r) => r.course_key));
      expect(page.total).toBe(scan.length);
    }
  });

  // Each list as (search) => the patients' name, MRN (and course id) of the rows, in the list's order.
  const LISTS = {
    worklist: async (search?: string) =>
      (await all({ search })).map((r) => [r.id, r.patientName ?? '', r.mrn]),
    courses: async (search?: string) =>
      (await listCourses(demo.t.ctx, coder(), { search, limit: 500 })).items.map((c) => [
        c.id,
        c.patientName ?? '',
        c.mrn,
        c.courseKey,
      ]),
    signatures: async (search?: string) =>
      (await signaturesDue(demo.t.ctx, coder(), { search, limit: 500 })).items.map((r) => [
        r.fractionId,
        r.patientName ?? '',
        r.mrn,
      ]),
  };
  it.each(Object.keys(LISTS) as (keyof typeof LISTS)[])(
    'finds the %s rows whose name or MRN holds every word of a search, in any order',
    async (list) => {
      const everything = await LISTS[list]();
      const named = everything.find(([, name]) => name!.split(/[^A-Za-z]+/).filter(Boolean).length >= 2)!;
      const [given, family] = named[1]!.split(/[^A-Za-z]+/).filter(Boolean);
      const other = everything.find(([, name]) => !name!.includes(family!))![1]!.split(/[^A-Za-z]+/)[0]!;
      const searches = [
        `${family} ${given}`.toLowerCase(),
        `${given} ${family}`.toUpperCase(),
        `  ${given!.slice(1)}   ${named[2]!.slice(3)} `,
        `${named[2]} ${family!.slice(0, 4)}`,
        `${other} ${family}`,
      ];
      for (const search of searches) {
        const words = search.trim().toLowerCase().split(/\s+/);
        const scan = everything.filter(([, ...parts]) =>
          words.every((w) => parts.some((part) => part!.toLowerCase().includes(w))),
        );
        if (search !== searches.at(-1)) expect(scan.length, search).toBeGreaterThan(0);
        expect(await LISTS[list](search), search).toEqual(scan);
      }
    },
  );

  it.each([
    ['deadline', 'asc'],
    ['deadline', 'desc'],
    ['atRisk', 'asc'],
    ['atRisk', 'desc'],
  ] as const)('sorts every fraction by %s %s as the charges and deadlines say', async (sort, order) => {
    // The order as it was computed before the index and the kept at-risk column: from the charges.
    const dir = sql.raw(order);
    const key =
      sort === 'deadline'
        ? sql`f.signature_deadline ${dir} nulls last`
        : sql`(select coalesce(sum(ch.expected_cents), 0) from charges ch
            where ch.fraction_id = f.id and ch.status <> 'void') ${dir}`;
    const { rows } = await sql<{ id: string }>`select f.id from fractions f
      where f.practice_id = ${demo.practiceId} order by ${key}, f.id ${dir}`.execute(demo.t.ctx.db);
    expect(rows.length).toBeLessThanOrEqual(500);
    expect((await all({ sort, order })).map((r) => r.id)).toEqual(rows.map((r) => r.id));
    const firstPage = await listFractions(demo.t.ctx, coder(), { sort, order, limit: 50 });
    const second = await listFractions(demo.t.ctx, coder(), {
      sort,
      order,
      limit: 50,
      after: firstPage.next,
    });
    expect([...firstPage.items, ...second.items].map((r) => r.id)).toEqual(
      rows.slice(0, 100).map((r) => r.id),
    );
  });

  it.each([
    ['date', 'asc'],
    ['date', 'desc'],
    ['deadline', 'asc'],
    ['deadline', 'desc'],
    ['atRisk', 'desc'],
    ['patient', 'asc'],
  ] as const)('pages by %s %s with the next cursor in the order of one page', async (sort, order) => {
    const q: FractionQuery = { sort, order, status: 'hold' };
    const whole = await all(q);
    expect(whole.length).toBeGreaterThan(20);
    const walked: FractionRow[] = [];
    let after: string | undefined;
    do {
      const page = await listFractions(demo.t.ctx, coder(), { ...q, limit: 7, after });
      expect(page.total).toBe(whole.length);
      walked.push(...page.items);
      after = page.next;
    } while (after !== undefined);
    expect(walked.map((r) => r.id)).toEqual(whole.map((r) => r.id));
  });

  it('refuses a cursor it did not give', async () => {
    await expect(listFractions(demo.t.ctx, coder(), { after: 'bm90IGEgY3Vyc29y' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('writes one access-log row per request, with each patient shown once', async () => {
    const before = await accessRows();
    const page = await listFractions(demo.t.ctx, coder(), { limit: 200 });
    const rows = (await accessRows()).slice(before.length);
    expect(rows).toHaveLength(1);
    expect([...rows[0]!.patient_ids].sort()).toEqual([...new Set(page.items.map((i) => i.patientId))].sort());
  });

  const accessRows = () =>
    demo.t.ctx.db
      .selectFrom('access_log')
      .select(['id', 'patient_ids'])
      .where('route', '=', 'GET /api/fractions')
      .orderBy('id')
      .execute();
});
