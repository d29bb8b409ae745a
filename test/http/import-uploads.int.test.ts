import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOneJob } from '../../src/app/jobs/worker.js';
import { demoUploads } from '../../src/app/setup/demo-uploads.js';
import { MAX_UPLOAD_BYTES } from '../../src/app/upload/import-jobs.js';
import type { ImportJobView } from '../../src/app/views.js';
import { UPLOAD_CHUNK_BYTES } from '../../src/storage/repositories/upload-store.js';
import { ENGINES } from '../support/db-harness.js';
import { uploadRows } from '../support/import-practice.js';
import { type HttpHarness, openHttpHarness, type Session } from './http-harness.js';

const HOOK_TIMEOUT_MS = 180_000;

describe.each(ENGINES)(
  'POST /api/imports streams the files into the database on %s',
  { timeout: 120_000 },
  (engine) => {
    let h: HttpHarness;
    let coder: Session;
    beforeAll(async () => {
      h = await openHttpHarness(engine);
      coder = await h.session(h.a, 'coder');
    }, HOOK_TIMEOUT_MS);
    afterAll(async () => h?.close(), HOOK_TIMEOUT_MS);

    it('queues the upload with each file stored in chunks', async () => {
      const big = new Uint8Array(UPLOAD_CHUNK_BYTES + 100).map((_, i) => i % 7);
      const form = new FormData();
      form.append('files', new Blob([big]), 'scan.bin');
      form.append('files', new Blob(['{"facility": 1}']), 'clinic.json');
      const res = await h.request('POST', '/api/imports', { session: coder, form });
      expect(res.status).toBe(202);
      const job = (await res.json()) as ImportJobView;
      expect(job.status).toBe('queued');
      const files = await h.db.db
        .selectFrom('upload_files')
        .innerJoin('upload_chunks', 'upload_chunks.file_id', 'upload_files.id')
        .select(['name', 'size', (eb) => eb.fn.countAll<string>().as('chunks')])
        .where('job_id', '=', job.id)
        .groupBy(['upload_files.id', 'name', 'size'])
        .orderBy('upload_files.id')
        .execute();
      expect(files.map((f) => [f.name, Number(f.size), Number(f.chunks)])).toEqual([
        ['scan.bin', big.length, 2],
        ['clinic.json', 15, 1],
      ]);
    });

    it('a junk file next to an export: the job is partial, the junk listed with its reason, progress counts the 2 files', async () => {
      const { files } = await demoUploads({ patients: 2, days: 2, seed: 9 });
      const orders = files.find((f) => f.name.endsWith('orders-signatures.csv'))!;
      const form = new FormData();
      form.append('files', new File([orders.bytes], 'orders-signatures.csv'));
      form.append('files', new File(['a shopping list, not an export\n'], 'notes.txt'));
      const res = await h.request('POST', '/api/imports', { session: coder, form });
      expect(res.status).toBe(202);
      const { id } = (await res.json()) as ImportJobView;
      // The queue's jobs in turn (an earlier test's upload is queued before this one).
      while (await runOneJob(h.t.ctx, 'w-partial'));
      const job = (await (
        await h.request('GET', `/api/imports/${id}`, { session: coder })
      ).json()) as ImportJobView;
      expect([job.status, job.error]).toEqual([
        'partial',
        '1 of 2 files refused (not an export this app reads); the others were imported',
      ]);
      expect(job.files.map((f) => [f.name, f.status])).toEqual([
        ['orders-signatures.csv', 'imported'],
        ['notes.txt', 'skipped'],
      ]);
      expect(job.files[1]!.problems[0]!.message).toMatch(/not a recognised export format/);
      // The counter counts the upload's files, not the practice's own settings read with them (the
      // heartbeats are not awaited in order: the last one stored may be either file's).
      expect(job.progress).toMatchObject({ phase: 'read', total: 2 });
      expect([1, 2]).toContain(job.progress!.done);
    });

    it('refuses a body declared over the limit with 413 and a clear message, storing nothing', async () => {
      const before = await uploadRows(h.db.db);
      const form = new FormData();
      form.append('files', new Blob(['x']), 'a.csv');
      const res = await h.request('POST', '/api/imports', {
        session: coder,
        form,
        headers: { 'content-length': String(MAX_UPLOAD_BYTES * 2) },
      });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/too large/);
      expect(await uploadRows(h.db.db)).toEqual(before);
    });

    it('refuses a multipart body without files (400), storing nothing', async () => {
      const before = await uploadRows(h.db.db);
      const form = new FormData();
      form.append('note', 'no file');
      const res = await h.request('POST', '/api/imports', { session: coder, form });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe('no files uploaded');
      expect(await uploadRows(h.db.db)).toEqual(before);
    });
  },
);
