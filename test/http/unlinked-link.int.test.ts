import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/app/views.js';
import { ENGINES } from '../support/db-harness.js';
import type { SeededPractice } from '../support/seed-rows.js';
import { type HttpHarness, openHttpHarness } from './http-harness.js';

/** Opening a database and seeding it (argon2 hashes) is slow on a loaded 2-core machine. */
const HOOK_TIMEOUT_MS = 60_000;
const LINKERS: readonly Role[] = ['admin', 'coder', 'operator'];

/**
 * `POST /api/unlinked-records/:id/link`: who may link (as who may dismiss), tenancy (another practice's
 * record or course is not found, and nothing of it changes), bad ids and bodies, a refusal with its
 * reason, and a link that takes the record off the list and is access-logged.
 */
describe.each(ENGINES)('POST /api/unlinked-records/:id/link on %s', { timeout: 60_000 }, (engine) => {
  let h: HttpHarness;
  beforeAll(async () => {
    h = await openHttpHarness(engine);
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => h?.close(), HOOK_TIMEOUT_MS);

  let n = 0;
  /** A record of the practice's patient that matched no course (`patient: ''` names none). */
  async function unlinkedRecord(p: SeededPractice, patient = p.mrn): Promise<string> {
    const row = await h.db.db
      .insertInto('unlinked_records')
      .values({
        practice_id: p.practiceId,
        patient_key: patient,
        source: `day-${++n}.csv:line 2`,
        kind: 'treatment-record',
        what: 'treatment history 2026-03-12',
        reason: 'no course for this patient in courses.json',
        record_date: '2026-03-12',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  const link = async (role: Role, id: string, body: unknown, practice = h.a) =>
    h.request('POST', `/api/unlinked-records/${id}/link`, {
      session: await h.session(practice, role),
      json: body,
    });
  const linkRows = () => h.db.db.selectFrom('unlinked_links').selectAll().execute();

  it.each(ROLES.filter((r) => !LINKERS.includes(r)))('refuses a %s (403), changing nothing', async (role) => {
    const id = await unlinkedRecord(h.a);
    const res = await link(role, id, { courseId: h.a.courseId });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect(await linkRows()).toEqual([]);
  });

  it.each(LINKERS)(
    'links as %s: 204, off the list, the link stored, the change access-logged',
    async (role) => {
      const id = await unlinkedRecord(h.a);
      const res = await link(role, id, { courseId: h.a.courseId });
      expect(res.status).toBe(204);
      const list = await h.request('GET', '/api/unlinked-records?limit=500', {
        session: await h.session(h.a, role),
      });
      expect(((await list.json()) as { items: { id: string }[] }).items.map((r) => r.id)).not.toContain(id);
      expect(await linkRows()).toContainEqual(
        expect.objectContaining({
          practice_id: h.a.practiceId,
          patient_key: h.a.mrn,
          course_key: h.a.courseKey,
          linked_by: h.a.users[role].id,
        }),
      );
      const logged = await h.db.db
        .selectFrom('access_log')
        .select(['action', 'patient_ids'])
        .where('route', '=', 'POST /api/unlinked-records/:id/link')
        .where('user_id', '=', h.a.users[role].id)
        .execute();
      expect(logged).toEqual([{ action: 'change', patient_ids: [h.a.patientId] }]);
    },
  );

  it("answers 404 for another practice's record or course, and changes nothing of it", async () => {
    const before = await linkRows();
    const theirs = await unlinkedRecord(h.b);
    const ours = await unlinkedRecord(h.a);
    const course = () =>
      h.db.db
        .selectFrom('courses')
        .select(['document', 'audit'])
        .where('id', '=', h.b.courseId)
        .executeTakeFirst();
    const theirCourse = await course();
    for (const [id, courseId] of [
      [theirs, h.b.courseId],
      [theirs, h.a.courseId],
      [ours, h.b.courseId],
    ]) {
      const res = await link('coder', id!, { courseId });
      expect(res.status).toBe(404);
      const text = await res.text();
      for (const trace of [h.b.mrn, h.b.courseKey, h.b.patientName]) expect(text).not.toContain(trace);
    }
    expect(await linkRows()).toEqual(before);
    expect(await course()).toEqual(theirCourse);
  });

  it('answers 404 for ids that are not records, 400 for a body without a course', async () => {
    const id = await unlinkedRecord(h.a);
    for (const bad of ['x', '999999999999', '1e3'])
      expect((await link('coder', bad, { courseId: h.a.courseId })).status).toBe(404);
    expect((await link('coder', id, { courseId: 'no-such-course' })).status).toBe(404);
    for (const body of [{}, { courseId: '' }, { courseId: 7 }]) {
      const res = await link('coder', id, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
    }
  });

  it('refuses a record of another MRN (409) unless overridden with a reason, which the access log keeps', async () => {
    const id = await unlinkedRecord(h.a, 'SYN-OTHER-MRN');
    const before = await linkRows();
    const refused = await link('coder', id, { courseId: h.a.courseId });
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('conflict');
    expect(body.error.message).toMatch(/another patient's.*override/);
    for (const trace of ['SYN-OTHER-MRN', h.a.mrn]) expect(body.error.message).not.toContain(trace);
    expect(await linkRows()).toEqual(before);

    for (const bad of [{ reason: '' }, { reason: '  ' }, {}, true])
      expect((await link('coder', id, { courseId: h.a.courseId, override: bad })).status).toBe(400);
    const reason = 'MRN mistyped at the console; the therapist confirmed the patient';
    const res = await link('coder', id, { courseId: h.a.courseId, override: { reason } });
    expect(res.status).toBe(204);
    expect(await linkRows()).toContainEqual(
      expect.objectContaining({ patient_key: 'SYN-OTHER-MRN', course_key: h.a.courseKey }),
    );
    const logged = await h.db.db
      .selectFrom('access_log')
      .select(['action', 'patient_ids', 'reason'])
      .where('route', '=', 'POST /api/unlinked-records/:id/link')
      .where('reason', 'is not', null)
      .execute();
    expect(logged).toEqual([{ action: 'change', patient_ids: [h.a.patientId], reason }]);
    // The typed reason may name the patient: the access log keeps it, the server's log does not.
    expect(h.t.logLines().join('\n')).not.toContain(reason);
    const log = await h.request('GET', '/api/access-log?limit=5', { session: await h.session(h.a, 'admin') });
    const entries = ((await log.json()) as { items: { route: string; reason?: string | null }[] }).items;
    expect(entries.find((e) => e.route === 'POST /api/unlinked-records/:id/link' && e.reason)?.reason).toBe(
      reason,
    );
  });

  it('answers 409 with the reason when the record cannot be linked', async () => {
    const id = await unlinkedRecord(h.a, '');
    const res = await link('coder', id, { courseId: h.a.courseId });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: {
        code: 'conflict',
        message: 'the record names no patient: correct its file and import it again',
      },
    });
  });
});
