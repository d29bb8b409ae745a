import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/app/views.js';
import type { ApiRoute } from '../../src/http/api-route.js';
import { ENGINES } from '../support/db-harness.js';
import type { SeededPractice } from '../support/seed-rows.js';
import { type HttpHarness, openHttpHarness, type Session } from './http-harness.js';
import { sampleRequest } from './route-samples.js';

/** Opening a database and seeding it (argon2 hashes) is slow on a loaded 2-core machine. */
const HOOK_TIMEOUT_MS = 60_000;

/** Strings that identify practice B's rows: none may reach a user of practice A. */
const traces = (p: SeededPractice) => [
  p.practiceId,
  p.patientId,
  p.patientName,
  p.mrn,
  p.courseId,
  p.fractionId,
  p.chargeId,
  p.importId,
  p.letterId,
  `TRN-${p.practiceId.replace('practice-', '')}`,
  p.users.admin.id,
];

const allowed = (r: ApiRoute, role: Role) => r.roles === 'public' || r.roles.includes(role);

/**
 * Tenancy: a user of practice A aiming at practice B's ids gets 404 (not 403: B's rows must not be
 * known to exist), never sees B's rows in a list, and changes nothing of B's.
 */
describe.each(ENGINES)('tenancy on %s', { timeout: 30_000 }, (engine) => {
  let h: HttpHarness;
  const sessions = new Map<Role, Session>();
  beforeAll(async () => {
    h = await openHttpHarness(engine);
    for (const role of ROLES) sessions.set(role, await h.session(h.a, role));
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => h?.close(), HOOK_TIMEOUT_MS);

  const idRoutes = () => h.routes.filter((r) => r.path.includes('/:id'));

  it("answers 404 for B's ids on every route that takes an id, for every role allowed on it", async () => {
    expect(idRoutes().length).toBeGreaterThanOrEqual(4);
    const outcomes: string[] = [];
    for (const r of idRoutes()) {
      for (const role of ROLES.filter((x) => allowed(r, x))) {
        const sample = sampleRequest(r, h.b);
        const res = await h.request(r.method.toUpperCase(), sample.path, {
          session: sessions.get(role)!,
          ...sample,
        });
        const text = await res.text();
        const leaked = traces(h.b).filter((t) => text.includes(t) && !sample.path.includes(t));
        outcomes.push(
          `${res.status === 404 && leaked.length === 0 ? 'ok ' : 'BAD'} ${role} ${r.method} ${sample.path} → ${res.status} ${leaked.join(',')}`,
        );
      }
    }
    expect(
      outcomes.filter((o) => o.startsWith('BAD')),
      outcomes.join('\n'),
    ).toEqual([]);
  });

  it("never shows B's rows in A's lists, dashboards or exports (every GET, every allowed role)", async () => {
    const outcomes: string[] = [];
    for (const r of h.routes.filter((x) => x.method === 'get' && !x.path.includes('/:id'))) {
      for (const role of ROLES.filter((x) => allowed(r, x))) {
        const sample = sampleRequest(r, h.a);
        const res = await h.request('GET', sample.path, { session: sessions.get(role)! });
        const text = await res.text();
        const leaked = traces(h.b).filter((t) => text.includes(t));
        outcomes.push(
          `${res.status < 400 && leaked.length === 0 ? 'ok ' : 'BAD'} ${role} GET ${sample.path} → ${res.status} ${leaked.join(',')}`,
        );
      }
    }
    // A's own rows do show up (the lists are not simply empty).
    const fractions = await h.request('GET', '/api/fractions', { session: sessions.get('admin')! });
    expect(await fractions.text()).toContain(h.a.fractionId);
    expect(
      outcomes.filter((o) => o.startsWith('BAD')),
      outcomes.join('\n'),
    ).toEqual([]);
  });

  it("filters on B's course id give nothing", async () => {
    const res = await h.request('GET', `/api/fractions?courseId=${h.b.courseId}`, {
      session: sessions.get('coder')!,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ items: [], total: 0 });
  });

  it("changes aimed at B's ids through A's sessions change nothing of B's", async () => {
    const before = await snapshot(h, h.b);
    const coder = sessions.get('coder')!;
    const release = await h.request('POST', '/api/charges/release', {
      session: coder,
      json: { fractionIds: [h.b.fractionId] },
    });
    const hold = await h.request('POST', '/api/charges/hold', {
      session: coder,
      json: { fractionIds: [h.b.fractionId], reason: 'probe' },
    });
    for (const res of [release, hold]) {
      expect([200, 404]).toContain(res.status);
      if (res.status === 200) expect(await res.json()).toMatchObject({ changed: 0 });
    }
    const sign = await h.request('POST', `/api/fractions/${h.b.fractionId}/sign`, {
      session: sessions.get('physician')!,
      json: { documents: ['sgrt-record', 'igrt-review'] },
    });
    expect(sign.status).toBe(404);
    expect(await snapshot(h, h.b)).toEqual(before);
  });
});

/** B's charge, its history, its signatures and its fraction status. */
async function snapshot(h: HttpHarness, p: SeededPractice) {
  const db = h.db.db;
  return {
    charges: await db
      .selectFrom('charges')
      .select(['status', 'reason'])
      .where('practice_id', '=', p.practiceId)
      .execute(),
    history: await db
      .selectFrom('charge_status_history')
      .select(['status', 'actor'])
      .where('charge_id', '=', p.chargeId)
      .execute(),
    signatures: await db
      .selectFrom('signatures')
      .select(['signer_id'])
      .where('practice_id', '=', p.practiceId)
      .execute(),
    fractions: await db
      .selectFrom('fractions')
      .select(['status'])
      .where('practice_id', '=', p.practiceId)
      .execute(),
  };
}
