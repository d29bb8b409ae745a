import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Course } from '../../src/core/model/course.js';
import type { CoverDesignationView, FractionDetail } from '../../src/app/views.js';
import { ENGINES } from '../support/db-harness.js';
import { PHYSICIAN_ID } from '../support/course-builder.js';
import type { SeededPractice } from '../support/seed-rows.js';
import { type HttpHarness, openHttpHarness, type Session } from './http-harness.js';

const HOOK_TIMEOUT_MS = 60_000;
/** A physician of the practice who is not the seeded course's physician. */
const OTHER = 'DR-SYN-02';
/** Another physician of practice A (a login), and one of practice B only. */
const COLLEAGUE = 'DR-SYN-09';
const B_ONLY = 'DR-B-ONLY';

/**
 * Who may sign (seed: "signed by the physician"; core/audit/signer-capacity.ts): another physician of the
 * practice gets 403 on a course that is not theirs, and may sign once the administrator designates them
 * as covering, for the course or for its physician over dates including the signing date (the test
 * clock's 2026-03-13). The signature keeps its capacity.
 */
describe.each(ENGINES)('signing rights on %s', { timeout: 30_000 }, (engine) => {
  let h: HttpHarness;
  let admin: Session;
  let other: Session;

  /** The seeded fraction's SGRT record unsigned in the chart (its course document) and stored. */
  async function unsignedRecord(p: SeededPractice): Promise<void> {
    const row = await h.db.db
      .selectFrom('courses')
      .select('document')
      .where('id', '=', p.courseId)
      .executeTakeFirstOrThrow();
    const course = row.document as Course;
    const fraction = await h.db.db
      .selectFrom('fractions')
      .select('fraction_key')
      .where('id', '=', p.fractionId)
      .executeTakeFirstOrThrow();
    const record = course.fractions.find((f) => f.id === fraction.fraction_key)!.sgrtRecord!;
    record.signature = null;
    await h.db.db
      .updateTable('courses')
      .set({ document: JSON.stringify(course) })
      .where('id', '=', p.courseId)
      .execute();
    await h.db.db
      .insertInto('documents')
      .values({
        id: randomUUID(),
        practice_id: p.practiceId,
        course_id: p.courseId,
        fraction_id: p.fractionId,
        kind: 'sgrt-record',
        document_key: record.documentId,
        signed: false,
      })
      .execute();
  }

  const sign = (p: SeededPractice) =>
    h.request('POST', `/api/fractions/${p.fractionId}/sign`, {
      session: other,
      json: { documents: ['sgrt-record'] },
    });

  beforeAll(async () => {
    h = await openHttpHarness(engine);
    await h.db.db
      .updateTable('users')
      .set({ physician_id: OTHER })
      .where('id', '=', h.a.users.physician.id)
      .execute();
    for (const [p, physicianId] of [
      [h.a, COLLEAGUE],
      [h.b, B_ONLY],
    ] as const) {
      await h.db.db
        .insertInto('users')
        .values({
          id: randomUUID(),
          practice_id: p.practiceId,
          email: `${physicianId.toLowerCase()}@${p.practiceId}.test`,
          display_name: physicianId,
          role: 'physician',
          password_hash: 'not-a-login',
          physician_id: physicianId,
        })
        .execute();
    }
    await unsignedRecord(h.a);
    admin = await h.session(h.a, 'admin');
    other = await h.session(h.a, 'physician');
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => h?.close(), HOOK_TIMEOUT_MS);

  it("refuses another physician's patient with 403 and a message without patient data", async () => {
    const res = await sign(h.a);
    expect(res.status).toBe(403);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'forbidden' } });
    for (const phi of [h.a.patientName, h.a.mrn]) expect(text).not.toContain(phi);
  });

  it('refuses a cover over dates that do not include the signing date, or for another physician', async () => {
    for (const json of [
      { coveringPhysicianId: OTHER, forPhysicianId: PHYSICIAN_ID, from: '2026-03-01', to: '2026-03-12' },
      { coveringPhysicianId: OTHER, forPhysicianId: COLLEAGUE, from: '2026-03-01', to: '2026-03-31' },
    ]) {
      expect((await h.request('POST', '/api/practice/covers', { session: admin, json })).status).toBe(200);
    }
    expect((await sign(h.a)).status).toBe(403);
  });

  it('refuses incomplete designations with 400 and a course of another practice with 404', async () => {
    const cases: [unknown, number][] = [
      [{ coveringPhysicianId: OTHER }, 400],
      [
        { coveringPhysicianId: OTHER, forPhysicianId: PHYSICIAN_ID, from: '2026-03-31', to: '2026-03-01' },
        400,
      ],
      [{ coveringPhysicianId: PHYSICIAN_ID, courseKey: h.a.courseKey }, 400],
      [{ coveringPhysicianId: OTHER, courseKey: h.b.courseKey }, 404],
    ];
    for (const [json, status] of cases)
      expect(
        (await h.request('POST', '/api/practice/covers', { session: admin, json })).status,
        JSON.stringify(json),
      ).toBe(status);
  });

  it.each([
    ['a covering physician unknown to the practice', { coveringPhysicianId: 'DR-NOBODY', courseKey: null }],
    ["another practice's physician as covering", { coveringPhysicianId: B_ONLY, courseKey: null }],
    [
      'a covered physician unknown to the practice',
      { coveringPhysicianId: OTHER, forPhysicianId: 'DR-NOBODY' },
    ],
    ["another practice's physician as covered", { coveringPhysicianId: OTHER, forPhysicianId: B_ONLY }],
  ])('refuses %s with 400 naming the field, and saves nothing', async (_, names) => {
    const field = 'forPhysicianId' in names ? 'forPhysicianId' : 'coveringPhysicianId';
    const json =
      'forPhysicianId' in names
        ? { ...names, from: '2026-03-01', to: '2026-03-31' }
        : { coveringPhysicianId: names.coveringPhysicianId, courseKey: h.a.courseKey };
    const before = await h.db.db.selectFrom('cover_designations').select('id').execute();
    const res = await h.request('POST', '/api/practice/covers', { session: admin, json });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; issues: { location: string }[] } };
    expect(body.error.issues.map((i) => i.location)).toEqual([field]);
    expect(body.error.message).toContain('not a physician of this practice');
    expect(await h.db.db.selectFrom('cover_designations').select('id').execute()).toHaveLength(before.length);
  });

  it('signs as covering once the administrator designates the physician for the course', async () => {
    const added = await h.request('POST', '/api/practice/covers', {
      session: admin,
      json: { coveringPhysicianId: OTHER, courseKey: h.a.courseKey },
    });
    expect(added.status).toBe(200);
    const covers = (await added.json()) as CoverDesignationView[];
    expect(covers[0]).toMatchObject({
      coveringPhysicianId: OTHER,
      scope: 'course',
      courseKey: h.a.courseKey,
      forPhysicianId: PHYSICIAN_ID,
      createdBy: 'admin A',
    });

    const res = await sign(h.a);
    expect(res.status).toBe(200);
    const detail = (await res.json()) as FractionDetail;
    expect(detail.signatures.find((s) => s.source === 'app')).toMatchObject({
      document: 'sgrt-record',
      signerId: OTHER,
      capacity: 'covering',
    });
  });

  it("lists and removes designations of the admin's practice only", async () => {
    const list = (await (
      await h.request('GET', '/api/practice/covers', { session: admin })
    ).json()) as CoverDesignationView[];
    expect(list.map((c) => c.id)).not.toContain(h.b.coverId);
    expect(
      (await h.request('DELETE', `/api/practice/covers/${h.b.coverId}`, { session: admin })).status,
    ).toBe(404);
    const removed = await h.request('DELETE', `/api/practice/covers/${list[0]!.id}`, { session: admin });
    expect(((await removed.json()) as CoverDesignationView[]).map((c) => c.id)).not.toContain(list[0]!.id);
  });
});
