import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropOldUploads, runOneJob } from '../../src/app/jobs/worker.js';
import type { ImportJobView } from '../../src/app/views.js';
import { claimJob } from '../../src/storage/repositories/job-queue.js';
import { ENGINES } from '../support/db-harness.js';
import { HOOK_TIMEOUT_MS, type HttpHarness, openHttpHarness, type Session } from './http-harness.js';

const RETENTION_MS = 60 * 60 * 1000;

/**
 * An administrator cancels a queued or running job: it ends "cancelled", no worker ever claims it again,
 * and its stored upload goes when the upload retention runs out, like any ended job's. Biller and coder
 * may not cancel.
 */
describe.each(ENGINES)('cancelling a job on %s', { timeout: 60_000 }, (engine) => {
  let h: HttpHarness;
  let admin: Session;
  let coder: Session;

  beforeAll(async () => {
    h = await openHttpHarness(engine);
    admin = await h.session(h.a, 'admin');
    coder = await h.session(h.a, 'coder');
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => h?.close(), HOOK_TIMEOUT_MS);

  async function upload(): Promise<string> {
    const form = new FormData();
    form.append('files', new Blob(['{"facility": 1}']), 'clinic.json');
    const res = await h.request('POST', '/api/imports', { session: coder, form });
    expect(res.status).toBe(202);
    const queued = (await res.json()) as ImportJobView;
    // Before it runs, the job counts the files it was given, as a finished one does.
    expect([queued.status, queued.fileCount]).toEqual(['queued', 1]);
    return queued.id;
  }
  const cancel = (id: string, session: Session) =>
    h.request('POST', `/api/imports/${id}/cancel`, { session });
  const storedFiles = async (id: string) =>
    (await h.db.db.selectFrom('upload_files').select('id').where('job_id', '=', id).execute()).length;

  it('refuses biller and coder with 403, and another practice’s admin with 404', async () => {
    const id = await upload();
    expect((await cancel(id, coder)).status).toBe(403);
    expect((await cancel(id, await h.session(h.a, 'biller'))).status).toBe(403);
    expect((await cancel(id, await h.session(h.b, 'admin'))).status).toBe(404);
    // Cleared for the next tests: nothing else may be queued when they run the worker.
    expect((await cancel(id, admin)).status).toBe(200);
  });

  it('cancels a queued job: never run, its upload kept for the retention then removed', async () => {
    const id = await upload();
    const res = await cancel(id, admin);
    expect(res.status).toBe(200);
    const job = (await res.json()) as ImportJobView;
    expect(job).toMatchObject({ id, status: 'cancelled', fileCount: 1 });
    expect(job.error).toMatch(/cancelled by an administrator/);
    expect(job.error).not.toMatch(/retr/);
    expect(await runOneJob(h.t.ctx, 'worker-test', 60_000, RETENTION_MS)).toBe(false);
    expect(await storedFiles(id)).toBe(1);
    await dropOldUploads(h.t.ctx, RETENTION_MS);
    expect(await storedFiles(id)).toBe(1);
    h.t.clock.advance(RETENTION_MS + 1000);
    await dropOldUploads(h.t.ctx, RETENTION_MS);
    expect(await storedFiles(id)).toBe(0);
    expect((await cancel(id, admin)).status).toBe(409);
  });

  it('cancels a running job whose worker died: it is not claimed again when the lease runs out', async () => {
    const id = await upload();
    const at = new Date(h.t.ctx.now());
    expect((await claimJob(h.db.db, 'crashed', at, 10_000))?.id).toBe(id);
    expect((await cancel(id, admin)).status).toBe(200);
    h.t.clock.advance(20_000);
    expect(await claimJob(h.db.db, 'next', new Date(h.t.ctx.now()), 10_000)).toBeNull();
    const job = (await (
      await h.request('GET', `/api/imports/${id}`, { session: admin })
    ).json()) as ImportJobView;
    expect(job.status).toBe('cancelled');
  });
});
