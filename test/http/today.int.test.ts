import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/time/calendar-date.js';
import { DEMO_PASSWORD } from '../../src/app/setup/demo-practice.js';
import type {
  ClaimPreviewView,
  DocumentDueView,
  Page,
  SessionView,
  SignatureDue,
  TodayItem,
  TodayView,
  UnlinkedRecordRow,
} from '../../src/app/views.js';
import { documentsDue } from '../../src/app/queries/documents-due.js';
import { today } from '../../src/app/queries/today.js';
import { practiceToday } from '../../src/app/remit/remit-lines.js';
import { createHttpApp } from '../../src/http/create-http-app.js';
import { ENGINES, type TestDatabase } from '../support/db-harness.js';
import { DEMO_HOOK_TIMEOUT_MS, openDemoPractice } from '../support/demo-harness.js';
import type { TestContext } from '../support/test-context.js';

/**
 * `GET /api/today` on the demo practice: every count of every role's Today page is the number of items
 * the list its link opens shows (the web page's path read back into the API call that page makes).
 */
describe.each(ENGINES)('GET /api/today on %s', { timeout: 120_000 }, (engine) => {
  let tdb: TestDatabase;
  let t: TestContext;
  let practiceId: string;
  let app: ReturnType<typeof createHttpApp>;

  beforeAll(async () => {
    ({ tdb, t, practiceId } = await openDemoPractice(engine));
    app = createHttpApp(t.ctx);
  }, DEMO_HOOK_TIMEOUT_MS);
  afterAll(() => tdb.close());

  async function loginAs(role: string): Promise<(path: string) => Promise<unknown>> {
    const res = await app.request('http://localhost/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${role}@demo.test`, password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    (await res.json()) as SessionView;
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    return async (path) => {
      const r = await app.request(`http://localhost${path}`, { headers: { cookie } });
      expect(r.status, path).toBe(200);
      return r.json();
    };
  }

  /** How many items the web page at `href` lists, asked of the API the way that page asks. */
  async function listed(get: (path: string) => Promise<unknown>, href: string): Promise<number> {
    const url = new URL(href, 'http://localhost');
    const q = url.searchParams;
    switch (url.pathname) {
      case '/holds':
      case '/fractions': {
        if (url.pathname === '/holds') q.set('status', 'hold');
        return ((await get(`/api/fractions?${q.toString()}`)) as Page<unknown>).total;
      }
      case '/signatures':
        return ((await get(`/api/worklists/signatures?${q.toString()}`)) as Page<SignatureDue>).total;
      case '/denials': {
        if (q.get('category') === 'unmatched') {
          q.delete('category');
          q.set('matched', 'false');
        }
        return ((await get(`/api/remittances/lines?${q.toString()}`)) as Page<unknown>).total;
      }
      case '/claims':
        return ((await get('/api/claims/preview')) as ClaimPreviewView).rows.reduce(
          (n, r) => n + r.claims,
          0,
        );
      default:
        throw new Error(`no list for ${href}`);
    }
  }

  async function expectCountsAgree(get: (path: string) => Promise<unknown>, items: TodayItem[]) {
    for (const item of items) expect(await listed(get, item.href), item.key).toBe(item.count);
  }

  it('physician: signatures due soonest first, their DOC-001/DOC-002 holds, image reviews', async () => {
    const get = await loginAs('physician');
    const view = (await get('/api/today')) as TodayView;
    if (view.role !== 'physician') throw new Error(view.role);
    expect(view.items.map((i) => i.key)).toEqual(['signatures', 'DOC-001', 'DOC-002', 'image-reviews']);
    await expectCountsAgree(get, view.items);
    expect(view.items.find((i) => i.key === 'signatures')!.count).toBeGreaterThan(0);
    expect(
      view.items.filter((i) => i.key.startsWith('DOC-')).every((i) => i.href.includes('physicianId=')),
    ).toBe(true);
    expect(view.signatures.length).toBeLessThanOrEqual(5);
    // The orders and statements listed below the counts are those of the same patients (the demo login's
    // patients have none: another physician's held order beside "0" read as a count that missed it).
    const { user } = (await get('/api/auth/me')) as SessionView;
    const listedDocuments = (await get('/api/physician/documents')) as DocumentDueView[];
    expect(listedDocuments.filter((d) => d.physicianId !== user.physicianId)).toEqual([]);
    expect(listedDocuments.length).toBe(0);
    expect(view.items.filter((i) => i.key.startsWith('DOC-')).map((i) => i.count)).toEqual([0, 0]);
    const beamOns = view.signatures.map((s) => s.nextBeamOn ?? '9999');
    expect(beamOns).toEqual([...beamOns].sort());
    // Each fraction's deadline as /signatures shows it: one deadline, one wording of its passing.
    const due = (await get('/api/worklists/signatures?limit=500')) as Page<SignatureDue>;
    for (const s of view.signatures)
      expect({ deadline: s.deadline, overdue: s.overdue }).toEqual(
        (({ deadline, overdue }) => ({ deadline, overdue }))(
          due.items.find((d) => d.fractionId === s.fractionId)!,
        ),
      );
    const logged = await t.ctx.db
      .selectFrom('access_log')
      .select('route')
      .where('route', '=', 'GET /api/today')
      .execute();
    expect(logged.length).toBeGreaterThan(0);
  });

  it('second physician: the evening signer has his own records to sign before their next beam-on', async () => {
    const get = await loginAs('physician2');
    const view = (await get('/api/today')) as TodayView;
    if (view.role !== 'physician') throw new Error(view.role);
    await expectCountsAgree(get, view.items);
    expect(view.items.find((i) => i.key === 'signatures')!.count).toBeGreaterThanOrEqual(3);
    expect(view.signatures.every((s) => !s.overdue)).toBe(true);
    const first = (await (await loginAs('physician'))('/api/today')) as TodayView;
    if (first.role !== 'physician') throw new Error(first.role);
    const fractions = (v: typeof view) => v.signatures.map((s) => s.fractionId);
    expect(fractions(view).filter((f) => fractions(first).includes(f))).toEqual([]);
  });

  it('the demo has physician logins for its held orders and necessity statements, to try those actions', async () => {
    // physician3 signs as the physician whose patients are held for a necessity statement (DOC-002),
    // physician4 as the one held for an unsigned motion-management order (DOC-001).
    for (const [login, ruleId] of [
      ['physician3', 'DOC-002'],
      ['physician4', 'DOC-001'],
    ] as const) {
      const get = await loginAs(login);
      const view = (await get('/api/today')) as TodayView;
      if (view.role !== 'physician') throw new Error(view.role);
      await expectCountsAgree(get, view.items);
      expect(view.items.find((i) => i.key === ruleId)!.count, login).toBeGreaterThan(0);
      const listedDocuments = (await get(`/api/physician/documents?ruleId=${ruleId}`)) as DocumentDueView[];
      expect(listedDocuments.length, login).toBeGreaterThan(0);
    }
  });

  it("physician: another physician's DOC-001/DOC-002 holds are theirs alone, as the worklist counts them", async () => {
    // The demo login signs as the day-signing physician with most signatures waiting; the DOC-001 and
    // DOC-002 holds of the demo clinic belong to other physicians' courses.
    const admin = await loginAs('admin');
    const { practiceId } = await t.ctx.db
      .selectFrom('practices')
      .select('id as practiceId')
      .executeTakeFirstOrThrow();
    const owners = await t.ctx.db
      .selectFrom('findings as fi')
      .innerJoin('fractions as f', 'f.id', 'fi.fraction_id')
      .innerJoin('courses as c', 'c.id', 'f.course_id')
      .where('f.status', '=', 'hold')
      .where('fi.rule_id', 'in', ['DOC-001', 'DOC-002'])
      .select('c.physician_id')
      .distinct()
      .execute();
    expect(owners.length).toBeGreaterThan(0);
    let held = 0;
    for (const { physician_id: physicianId } of owners) {
      const actor = {
        userId: 'test',
        practiceId,
        role: 'physician' as const,
        displayName: 'test',
        physicianId,
      };
      const view = await today(t.ctx, actor);
      if (view.role !== 'physician') throw new Error(view.role);
      await expectCountsAgree(
        admin,
        view.items.filter((i) => i.key.startsWith('DOC-')),
      );
      held += view.items.filter((i) => i.key.startsWith('DOC-')).reduce((n, i) => n + i.count, 0);
      // Their Today list of orders and statements: their patients' courses, the fractions each count holds.
      for (const ruleId of ['DOC-001', 'DOC-002']) {
        const rows = await documentsDue(t.ctx, actor, { ruleId });
        expect(rows.filter((r) => r.physicianId !== physicianId)).toEqual([]);
        expect(
          rows.reduce((n, r) => n + r.heldFractions, 0),
          ruleId,
        ).toBe(view.items.find((i) => i.key === ruleId)!.count);
      }
    }
    expect(held).toBeGreaterThan(0);
  });

  it('covering physician: the covered courses in their own section, soonest next beam-on first', async () => {
    // The second physician covers one course held for its order or statement (designated for the
    // course), every course of a physician with records to sign over dates that include today, and a
    // third physician over dates that ended yesterday (not covered today: core/audit/signer-capacity.ts).
    const get = await loginAs('physician2');
    const before = (await get('/api/today')) as TodayView;
    if (before.role !== 'physician') throw new Error(before.role);
    expect(before.covering).toEqual([]);
    const { user } = (await get('/api/auth/me')) as SessionView;
    const me = user.physicianId!;
    const heldCourse = await t.ctx.db
      .selectFrom('fractions as f')
      .innerJoin('courses as c', 'c.id', 'f.course_id')
      .where('f.status', '=', 'hold')
      .where(sql<boolean>`f.rule_ids && array['DOC-001','DOC-002']::text[]`)
      .where('c.physician_id', '<>', me)
      .select(['c.id', 'c.course_key', 'c.physician_id'])
      .orderBy('c.course_key')
      .executeTakeFirstOrThrow();
    const signers = await t.ctx.db
      .selectFrom('courses as c')
      .innerJoin('documents as d', 'd.course_id', 'c.id')
      .where('d.signed', '=', false)
      .where('d.kind', 'in', ['sgrt-record', 'igrt-review'])
      .where('c.physician_id', 'not in', [me, heldCourse.physician_id])
      .select('c.physician_id')
      .distinct()
      .orderBy('c.physician_id')
      .execute();
    expect(signers.length).toBeGreaterThanOrEqual(2);
    const [covered, lapsed] = [signers[0]!.physician_id, signers[1]!.physician_id];
    const day = await practiceToday(t.ctx, practiceId);
    // Stored as Settings stores them (setup/cover-designations.ts), without its re-audit: what Today shows
    // does not depend on the capacity of signatures already made, and the re-audit of every course of two
    // physicians is most of this test's time.
    const designations = [
      { scope: 'course' as const, course_id: heldCourse.id },
      { scope: 'dates' as const, for_physician_id: covered, from_date: addDays(day, -3), to_date: day },
      {
        scope: 'dates' as const,
        for_physician_id: lapsed,
        from_date: addDays(day, -10),
        to_date: addDays(day, -1),
      },
    ].map((d) => ({
      id: randomUUID(),
      practice_id: practiceId,
      covering_physician_id: me,
      created_by: user.id,
      ...d,
    }));
    await t.ctx.db.insertInto('cover_designations').values(designations).execute();
    try {
      const view = (await get('/api/today')) as TodayView;
      if (view.role !== 'physician') throw new Error(view.role);
      // Their own counts are unchanged: the covered work is counted apart.
      expect(view.items).toEqual(before.items);
      expect(view.covering.map((g) => g.forPhysicianId).sort()).toEqual(
        [heldCourse.physician_id, covered].sort(),
      );
      const byPhysician = new Map(view.covering.map((g) => [g.forPhysicianId, g]));
      // The physician covered over dates: all their courses, as their worklists count them.
      const dates = byPhysician.get(covered)!;
      expect(dates.signatures).toBe(
        ((await get(`/api/worklists/signatures?physicianId=${covered}`)) as Page<SignatureDue>).total,
      );
      expect(dates.signatures).toBeGreaterThan(0);
      for (const [ruleId, count] of [
        ['DOC-001', dates.orders],
        ['DOC-002', dates.statements],
      ] as const)
        expect(count, ruleId).toBe(
          ((await get(`/api/fractions?status=hold&ruleId=${ruleId}&physicianId=${covered}`)) as Page<unknown>)
            .total,
        );
      // The course covered by itself: that course only, its held fractions as the worklist counts them.
      const course = byPhysician.get(heldCourse.physician_id)!;
      expect(course.courses.map((c) => c.courseKey)).toEqual([heldCourse.course_key]);
      const heldFor = async (ruleId: string) =>
        (
          (await get(
            `/api/fractions?status=hold&ruleId=${ruleId}&courseId=${heldCourse.id}`,
          )) as Page<unknown>
        ).total;
      expect([course.orders, course.statements]).toEqual([
        await heldFor('DOC-001'),
        await heldFor('DOC-002'),
      ]);
      expect(course.orders + course.statements).toBeGreaterThan(0);
      for (const g of view.covering) {
        // Each group's counts are the sums of its courses, each course with something due, soonest first.
        for (const key of ['signatures', 'orders', 'statements'] as const)
          expect(g[key], key).toBe(g.courses.reduce((n, c) => n + c[key], 0));
        expect(g.courses.every((c) => c.signatures + c.orders + c.statements > 0)).toBe(true);
        const beamOns = g.courses.map((c) => c.nextBeamOn ?? '9999');
        expect(beamOns).toEqual([...beamOns].sort());
      }
      // Their patients' names are shown: the access is logged.
      const shown = await t.ctx.db
        .selectFrom('courses')
        .select('patient_id')
        .where(
          'course_key',
          'in',
          view.covering.flatMap((g) => g.courses.map((c) => c.courseKey)),
        )
        .execute();
      const logged = await t.ctx.db
        .selectFrom('access_log')
        .select('patient_ids')
        .where('route', '=', 'GET /api/today')
        .where('user_id', '=', user.id)
        .execute();
      expect(shown.length).toBeGreaterThan(0);
      expect(logged.flatMap((l) => l.patient_ids)).toEqual(
        expect.arrayContaining(shown.map((s) => s.patient_id)),
      );
    } finally {
      await t.ctx.db
        .deleteFrom('cover_designations')
        .where(
          'id',
          'in',
          designations.map((d) => d.id),
        )
        .execute();
    }
  });

  it('coder: holds per fixer, downgrades, ready fractions, one 77412 share', async () => {
    const get = await loginAs('coder');
    const view = (await get('/api/today')) as TodayView;
    if (view.role !== 'coder') throw new Error(view.role);
    await expectCountsAgree(get, [...view.items, ...view.holds.flatMap((g) => g.rules)]);
    expect(view.holds.map((g) => g.fixer)).toContain('physician');
    // Every rule listed says why its holds go to that person (the coder's decisions too).
    expect(view.holds.flatMap((g) => g.rules).filter((r) => !r.reason)).toEqual([]);
    for (const g of view.holds) {
      expect(g.fractions).toBeLessThanOrEqual(g.rules.reduce((n, r) => n + r.count, 0));
      expect(g.fractions).toBeGreaterThanOrEqual(Math.max(...g.rules.map((r) => r.count)));
    }
    const dashboard = (await get('/api/dashboard')) as { share77412: number };
    expect(view.share77412.share).toBe(dashboard.share77412);
    expect(view.share77412.of).toMatch(/delivery sessions/);
  });

  it('biller: queues with appeal deadlines within 30 days, unmatched, ready to send, rejected', async () => {
    const get = await loginAs('biller');
    const view = (await get('/api/today')) as TodayView;
    if (view.role !== 'biller') throw new Error(view.role);
    expect(view.items.map((i) => i.key)).toEqual(
      expect.arrayContaining(['unmatched', 'ready-to-send', 'rejected']),
    );
    await expectCountsAgree(get, view.items);
    expect(view.items.some((i) => i.key.startsWith('queue:'))).toBe(true);
    for (const q of view.items.filter((i) => i.key.startsWith('due:'))) {
      expect(q.href).toMatch(/appealFrom=\d{4}-\d\d-\d\d&appealTo=\d{4}-\d\d-\d\d/);
    }
  });

  it('remittance lines filter by appeal-by dates (the link of the deadlines of a queue)', async () => {
    const get = await loginAs('biller');
    const rows = await t.ctx.db
      .selectFrom('remit_lines')
      .select('appeal_by')
      .where('appeal_by', 'is not', null)
      .orderBy('appeal_by')
      .execute();
    const day = rows[0]!.appeal_by!;
    const page = (await get(`/api/remittances/lines?appealFrom=${day}&appealTo=${day}`)) as Page<{
      appealBy: string | null;
    }>;
    expect(page.total).toBe(rows.filter((r) => r.appeal_by === day).length);
    expect(page.total).toBeLessThan(rows.length);
    expect(page.items.every((l) => l.appealBy === day)).toBe(true);
  });

  it('admin: imports with problems, unlinked records, releases in force', async () => {
    const get = await loginAs('admin');
    const view = (await get('/api/today')) as TodayView;
    if (view.role !== 'admin') throw new Error(view.role);
    expect(view.items.map((i) => i.key)).toEqual(['import-problems', 'unlinked', 'releases']);
    const releases = (await get('/api/reference/releases')) as { inForce: boolean }[];
    expect(view.items[2]!.count).toBe(releases.filter((r) => r.inForce).length);
    expect(view.items[2]!.count).toBeGreaterThan(0);
    // Unlinked records: the stored records that matched no course, as the list shows them.
    const unlinked = (await get('/api/unlinked-records?limit=500')) as Page<UnlinkedRecordRow>;
    expect(view.items[1]!.count).toBe(unlinked.total);
    expect(view.items[1]!.href).toBe('/unlinked');
    expect(unlinked.items.every((u) => u.source && u.kind && u.what && u.reason)).toBe(true);
    // Each patient of the practice shown is access-logged.
    const mrns = [...new Set(unlinked.items.flatMap((u) => (u.patientId ? [u.patientId] : [])))];
    const shown = mrns.length
      ? await t.ctx.db.selectFrom('patients').select('id').where('mrn', 'in', mrns).execute()
      : [];
    const logged = await t.ctx.db
      .selectFrom('access_log')
      .select('patient_ids')
      .where('route', '=', 'GET /api/unlinked-records')
      .execute();
    expect(new Set(logged.flatMap((l) => l.patient_ids))).toEqual(new Set(shown.map((p) => p.id)));
  });
});
