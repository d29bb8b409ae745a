import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { necessityProblem, scoreElements } from '../../src/core/audit/documentation-elements.js';
import { NECESSITY_MESSAGES } from '../../src/core/audit/rules/doc-002-medical-necessity.js';
import type { Course } from '../../src/core/model/course.js';
import { auditAndSave } from '../../src/app/persist/audit-and-save.js';
import type { CourseDocumentsView, NecessityCheckView } from '../../src/app/views.js';
import { ENGINES } from '../support/db-harness.js';
import type { SeededPractice } from '../support/seed-rows.js';
import { HOOK_TIMEOUT_MS, type HttpHarness, openHttpHarness, type Session } from './http-harness.js';

/** Synthetic, patient-specific: site, laterality, organ at risk, dose, system, threshold, beam hold. */
const STATEMENT =
  'Left breast after lumpectomy, 40.05 Gy in 15 fractions: the heart and LAD lie close to the tangents, so deep-inspiration breath hold is monitored continuously with AlignRT; a 3 mm threshold triggers an automatic beam hold and the therapists are alerted.';

/**
 * The physician's own fixes (seed "Documentation Requirements": AMM ordered and signed by the physician,
 * a patient-specific necessity paragraph; ASTRO: "DIBH" alone is insufficient): the seeded course's chart
 * has its AMM order unsigned and a necessity note that says only "DIBH", so every fraction is held for
 * DOC-001 and DOC-002. Signing the order and writing the statement re-audit the course at once, write
 * what the audit reads, and stay when the practice is re-linked from the chart.
 */
describe.each(ENGINES)('physician documents on %s', { timeout: 60_000 }, (engine) => {
  let h: HttpHarness;
  let physician: Session;
  let chart: Course;

  /** Audit and store the course as the chart says (what every re-link does). */
  async function relink(p: SeededPractice, course: Course): Promise<void> {
    await h.db.db.transaction().execute((trx) => auditAndSave(h.t.ctx, trx, p.practiceId, course));
  }
  const documents = async (): Promise<CourseDocumentsView> => {
    const res = await h.request('GET', `/api/courses/${h.a.courseId}/documents`, { session: physician });
    expect(res.status).toBe(200);
    return (await res.json()) as CourseDocumentsView;
  };
  const post = (path: string, json: unknown) =>
    h.request('POST', `/api/courses/${h.a.courseId}${path}`, { session: physician, json });

  beforeAll(async () => {
    h = await openHttpHarness(engine);
    const row = await h.db.db
      .selectFrom('courses')
      .select('document')
      .where('id', '=', h.a.courseId)
      .executeTakeFirstOrThrow();
    chart = row.document as Course;
    chart.orders = chart.orders.map((o) => ({ ...o, signature: null }));
    chart.necessity = { documentId: 'DOC-NEC-1', text: 'DIBH', signature: null };
    await relink(h.a, chart);
    physician = await h.session(h.a, 'physician');
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => h?.close(), HOOK_TIMEOUT_MS);

  it('shows the unsigned order, the DIBH-only statement and the fractions they hold', async () => {
    const view = await documents();
    expect(view.capacity).toBe('treating');
    expect(view.orders.map((o) => o.signature)).toEqual([null]);
    expect(view.necessity?.check.problem).toBe('dibh-only');
    expect(view.holds.byDocuments).toBe(view.holds.fractions);
    expect(view.holds.fractions).toBeGreaterThan(0);
    expect(new Set(view.findings.map((f) => f.ruleId))).toEqual(new Set(['DOC-001', 'DOC-002', 'DOC-003']));
  });

  it.each([
    ['DIBH', 'dibh-only'],
    ['DIBH used. [insert patient details]', 'template'],
    ['', 'missing'],
    [STATEMENT, null],
  ] as const)('checks a draft with the audit rules: %j → %s', async (text, problem) => {
    const res = await post('/necessity/check', { text });
    expect(res.status).toBe(200);
    const check = (await res.json()) as NecessityCheckView;
    expect(check.problem).toBe(problem);
    expect(check.problem).toBe(necessityProblem(text));
    expect(check.warning).toBe(problem === null ? null : NECESSITY_MESSAGES[problem]);
    const expected = scoreElements({ ...chart, necessity: { documentId: 'draft', text, signature: null } });
    expect(check.elements.map(({ id, name, present }) => ({ id, name, present }))).toEqual(expected);
    // Each tick says where it comes from: the statement being written, or the chart's order.
    const own = scoreElements({
      ...chart,
      orders: [],
      necessity: { documentId: 'draft', text, signature: null },
    });
    expect(check.elements.map((e) => e.from)).toEqual(
      expected.map((e, i) => (own[i]!.present ? 'statement' : e.present ? 'order' : null)),
    );
    if (text === '') expect(check.elements.filter((e) => e.from === 'statement')).toEqual([]);
  });

  it('refuses to attest or write a statement the audit would still hold', async () => {
    const attest = await post('/documents/sign', { document: 'necessity' });
    expect(attest.status).toBe(409);
    const write = await post('/necessity', { text: 'DIBH' });
    expect(write.status).toBe(400);
    expect(((await write.json()) as { error: { message: string } }).error.message).toBe(
      NECESSITY_MESSAGES['dibh-only'],
    );
  });

  it('signs the order: DOC-001 no longer holds (fractions delivered before it bill 77407)', async () => {
    const res = await post('/documents/sign', { document: 'motion-management-order' });
    expect(res.status).toBe(200);
    const view = (await res.json()) as CourseDocumentsView;
    expect(view.orders[0]?.signature).toMatchObject({
      source: 'app',
      capacity: 'treating',
      signerId: 'DR-SYN-01',
    });
    expect(view.findings.filter((f) => f.ruleId === 'DOC-001' && f.message.includes('not signed'))).toEqual(
      [],
    );
    expect(view.holds.byDocuments).toBe(view.holds.fractions); // DOC-002 still holds them
    const again = await post('/documents/sign', { document: 'motion-management-order' });
    expect(again.status).toBe(409);
  });

  it('writes and signs the statement: the holds clear, the audit reads it, the access log has it', async () => {
    const res = await post('/necessity', { text: STATEMENT });
    expect(res.status).toBe(200);
    const view = (await res.json()) as CourseDocumentsView;
    expect(view.necessity).toMatchObject({ text: STATEMENT, writtenInApp: true });
    expect(view.necessity?.signature).toMatchObject({ source: 'app', capacity: 'treating' });
    expect(view.necessity?.check.problem).toBeNull();
    expect(view.holds.byDocuments).toBe(0);
    expect(view.findings.filter((f) => f.ruleId === 'DOC-002')).toEqual([]);
    const stored = await h.db.db
      .selectFrom('courses')
      .select(['document', 'patient_id'])
      .where('id', '=', h.a.courseId)
      .executeTakeFirstOrThrow();
    expect((stored.document as Course).necessity?.text).toBe(STATEMENT);
    const log = await h.db.db
      .selectFrom('access_log')
      .select(['route', 'action', 'patient_ids'])
      .where('user_id', '=', h.a.users.physician.id)
      .where('action', '=', 'change')
      .execute();
    expect(log.map((r) => r.route).sort()).toEqual([
      'POST /api/courses/:id/documents/sign',
      'POST /api/courses/:id/necessity',
    ]);
    expect(new Set(log.flatMap((r) => r.patient_ids))).toEqual(new Set([stored.patient_id]));
  });

  it('keeps both when the practice is re-linked from a chart that still shows them unsigned', async () => {
    await relink(h.a, chart);
    const view = await documents();
    expect(view.orders[0]?.signature?.source).toBe('app');
    expect(view.necessity).toMatchObject({ text: STATEMENT, writtenInApp: true });
    expect(view.holds.byDocuments).toBe(0);
  });
});
