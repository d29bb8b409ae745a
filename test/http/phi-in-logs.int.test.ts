import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoExportInstant, loadDemoPractice } from '../../src/app/setup/demo-practice.js';
import { demoUploads } from '../../src/app/setup/demo-uploads.js';
import type {
  ClaimBatchResult,
  CourseSummary,
  DraftedLetters,
  FractionRow,
  Page,
  RemitLineView,
  SessionView,
  SignatureDue,
} from '../../src/app/views.js';
import { createHttpApp } from '../../src/http/create-http-app.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../support/db-harness.js';
import { testClock, testContext, type TestContext } from '../support/test-context.js';

/**
 * Issue #4: "logs and errors never contain PHI (a test imports the demo clinic, exercises the app, and
 * searches all logs for the demo patients' names, IDs and dates of birth)". Every role logs in and uses
 * every screen's API — reads, sign-off, release and hold, an upload with broken files, exports, wrong
 * ids and bad input — then every log line and every error body is searched.
 */
describe('no PHI in logs or error messages', () => {
  let tdb: TestDatabase;
  let t: TestContext;
  const errorBodies: string[] = [];
  let app: ReturnType<typeof createHttpApp>;

  beforeAll(async () => {
    tdb = await openTestDatabase(ENGINES[0]!);
    t = await testContext(tdb, testClock(demoExportInstant()));
    await loadDemoPractice(t.ctx);
    app = createHttpApp(t.ctx);
  }, 120_000);
  afterAll(() => tdb.close());

  async function call(
    method: string,
    path: string,
    session: SessionView | null,
    cookie: string,
    body?: unknown,
  ) {
    const headers = new Headers({ cookie });
    if (session && method !== 'GET') headers.set('x-csrf-token', session.csrfToken);
    let payload: RequestInit['body'];
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers.set('content-type', 'application/json');
      payload = JSON.stringify(body);
    }
    const res = await app.request(`http://localhost${path}`, { method, headers, body: payload });
    const text = await res.text();
    if (res.status >= 400) errorBodies.push(text);
    return { status: res.status, text };
  }

  async function loginAs(role: string): Promise<{ session: SessionView; cookie: string }> {
    const res = await app.request('http://localhost/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${role}@demo.test`, password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    return { session: (await res.json()) as SessionView, cookie };
  }

  it('exercises the app as every role', async () => {
    // Failed logins, with a demo patient's MRN as the e-mail.
    const patient = await t.ctx.db.selectFrom('patients').select(['mrn', 'name']).executeTakeFirstOrThrow();
    await call('POST', '/api/auth/login', null, '', {
      email: `${patient.mrn}@x.test`,
      password: patient.name,
    });

    for (const role of ['admin', 'physician', 'coder', 'biller', 'viewer']) {
      const { session, cookie } = await loginAs(role);
      const get = async <T>(path: string) => JSON.parse((await call('GET', path, session, cookie)).text) as T;
      await get('/api/dashboard');
      const fractions = await get<Page<FractionRow>>('/api/fractions?limit=500');
      await get('/api/fractions?status=hold&sort=deadline&ruleId=DOC-008');
      const due = (await get<Page<SignatureDue>>('/api/worklists/signatures')).items;
      const courses = await get<Page<CourseSummary>>(
        `/api/courses?search=${encodeURIComponent(patient.mrn)}`,
      );
      for (const c of courses.items) await get(`/api/courses/${c.id}`);
      await call('GET', '/api/courses/00000000-0000-0000-0000-000000000000', session, cookie);
      await call('GET', `/api/fractions?from=${encodeURIComponent(patient.mrn)}`, session, cookie);
      await call('GET', '/api/exports/holds.csv', session, cookie);
      await call('GET', '/api/exports/charges.xlsx', session, cookie);
      await call('GET', '/api/access-log', session, cookie);
      await call('GET', '/api/imports', session, cookie);
      await call('GET', '/api/remittances/lines?category=downcoded', session, cookie);
      await call('GET', '/api/remittances/summary', session, cookie);
      if (role === 'physician' && due[0]) {
        await call('POST', `/api/fractions/${due[0].fractionId}/sign`, session, cookie, {
          documents: due[0].documents,
        });
        await call('POST', `/api/fractions/${due[0].fractionId}/sign`, session, cookie, {
          documents: due[0].documents,
        });
      }
      const ids = fractions.items.slice(0, 5).map((f) => f.id);
      await call('POST', '/api/charges/release', session, cookie, { fractionIds: ids });
      await call('POST', '/api/charges/hold', session, cookie, { fractionIds: ids, reason: 'payer query' });
      await call('POST', '/api/charges/hold', session, cookie, { fractionIds: ids });
      await call('GET', '/api/claims/preview', session, cookie);
      const batch = await call('POST', '/api/claims/batches', session, cookie, { format: '837P' });
      const created = batch.status === 200 ? (JSON.parse(batch.text) as ClaimBatchResult) : null;
      if (created?.batch) await call('GET', `/api/claims/batches/${created.batch.id}/file`, session, cookie);
      await call('GET', '/api/claims/batches', session, cookie);
      // A claim's history, a corrected claim without CLP07 (refused: located), then with it, and a void.
      const sent = await call('GET', '/api/claims?limit=1', session, cookie);
      const claim =
        sent.status === 200 ? (JSON.parse(sent.text) as Page<{ claimNumber: string }>).items[0] : undefined;
      if (claim) {
        const at = `/api/claims/${encodeURIComponent(claim.claimNumber)}`;
        await call('GET', `${at}/history`, session, cookie);
        await call('POST', `${at}/versions`, session, cookie, { action: 'replace' });
        await call('POST', `${at}/versions`, session, cookie, {
          action: 'replace',
          payerClaimNumber: 'CCN-PHI-1',
        });
        await call('POST', `${at}/secondary`, session, cookie);
        await call('POST', `${at}/versions`, session, cookie, {
          action: 'void',
          payerClaimNumber: 'CCN-PHI-1',
        });
      }
      // Letters: drafts of every remittance line (those without a letter are refused with the reason), an edit, the files,
      // a template with an unknown placeholder, wrong ids.
      await call('GET', '/api/letters', session, cookie);
      await call('GET', '/api/letter-templates/appeal-downcode', session, cookie);
      if (role === 'biller') {
        const lines = await get<Page<RemitLineView>>('/api/remittances/lines?limit=40');
        let letters = 0;
        for (const line of lines.items) {
          const drafted = await call('POST', '/api/letters', session, cookie, { remitLineIds: [line.id] });
          const [letter] = drafted.status === 200 ? (JSON.parse(drafted.text) as DraftedLetters).letters : [];
          if (!letter) continue;
          await call('GET', `/api/letters/${letter!.id}`, session, cookie);
          await call('PUT', `/api/letters/${letter!.id}`, session, cookie, { body: '' });
          await call('GET', `/api/letters/${letter!.id}/file?format=pdf`, session, cookie);
          letters++;
        }
        expect(letters).toBeGreaterThanOrEqual(5);
        await call('POST', '/api/letters', session, cookie, { remitLineIds: lines.items.map((l) => l.id) });
        await call('PUT', '/api/letter-templates/peer-to-peer', session, cookie, { text: '{{patientMrn}}' });
        await call('GET', `/api/letters/${encodeURIComponent(patient.mrn)}`, session, cookie);
      }
      if (role === 'coder') {
        const { files } = await demoUploads({ patients: 3, days: 3, seed: 99 });
        const form = new FormData();
        for (const f of files.slice(0, 12)) form.append('files', new File([f.bytes], f.name));
        const broken = files.find((f) => f.name.endsWith('.dcm'))!;
        form.append('files', new File([broken.bytes.subarray(0, 700)], 'broken.dcm'));
        await call('POST', '/api/imports', session, cookie, form);
      }
      await call('POST', '/api/auth/logout', session, cookie);
    }
    expect(t.logLines().length).toBeGreaterThan(50);
  }, 120_000);

  it('finds no patient name, MRN or date of birth in any log line or error body', async () => {
    const { runOneJob } = await import('../../src/app/jobs/worker.js');
    await runOneJob(t.ctx, 'phi-test-worker');
    const patients = await t.ctx.db.selectFrom('patients').select(['mrn', 'name', 'birth_date']).execute();
    const needles = new Set<string>();
    for (const p of patients) {
      needles.add(p.mrn);
      if (p.birth_date) needles.add(p.birth_date);
      for (const part of (p.name ?? '').split(/[\s,^]+/)) if (part.length >= 4) needles.add(part);
    }
    expect(needles.size).toBeGreaterThan(patients.length * 2);
    const haystack = [...t.logLines(), ...errorBodies];
    const leaks = haystack.flatMap((line) =>
      [...needles].filter((n) => line.includes(n)).map((n) => ({ n, line })),
    );
    expect(leaks).toEqual([]);
  });
});
