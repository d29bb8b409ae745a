import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type TestDatabase } from '../../../test/support/db-harness.js';
import { importPractice, uploadRows } from '../../../test/support/import-practice.js';
import type { TestContext } from '../../../test/support/test-context.js';
import { enqueueJob } from '../../storage/repositories/job-queue.js';
import {
  storedUploads,
  storeUploadFile,
  UPLOAD_CHUNK_BYTES,
  uploadBytes,
  uploadHead,
} from '../../storage/repositories/upload-store.js';
import type { Actor } from '../app-context.js';
import { AppError } from '../app-errors.js';
import { DEFAULT_UPLOAD_RETENTION_MS, dropOldUploads, runOneJob } from '../jobs/worker.js';
import { enqueueImport, enqueueUpload, getImport, type IncomingFile } from './import-jobs.js';

const HOOK_TIMEOUT_MS = 120_000;
const HOUR = 60 * 60 * 1000;

/** `bytes` bytes (a repeating pattern) in pieces of `piece`, generated as they are read. */
function* pattern(bytes: number, piece = 300_000): Generator<Uint8Array> {
  for (let at = 0; at < bytes; at += piece) {
    const out = new Uint8Array(Math.min(piece, bytes - at));
    for (let i = 0; i < out.length; i++) out[i] = (at + i) % 251;
    yield out;
  }
}

describe.each(ENGINES)('uploads stored in chunks on %s', { timeout: 120_000 }, (engine) => {
  let tdb: TestDatabase;
  let t: TestContext;
  let actor: Actor;
  let files: { name: string; bytes: Uint8Array }[];
  beforeAll(async () => {
    ({ tdb, t, actor, files } = await importPractice(engine, 'Uploads'));
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => tdb?.close(), HOOK_TIMEOUT_MS);

  const startUploading = () =>
    enqueueJob(t.ctx.db, {
      practiceId: actor.practiceId,
      kind: 'import',
      payload: {},
      createdBy: null,
      at: new Date(t.clock.now()).toISOString(),
      status: 'uploading',
    });
  const uploadsOf = async (jobId: string) => (await storedUploads(t.ctx.db, jobId)).length;

  it('keeps a file as chunks of at most 1 MiB with its size and SHA-256, and gives it back whole', async () => {
    const size = 2 * UPLOAD_CHUNK_BYTES + 12_345;
    const jobId = await startUploading();
    const stored = await storeUploadFile(
      t.ctx.db,
      jobId,
      'scan.bin',
      pattern(size),
      () => {},
      () => new Date(),
    );
    const expected = Buffer.concat([...pattern(size)]);
    expect(stored.size).toBe(size);
    expect(stored.sha256).toBe(createHash('sha256').update(expected).digest('hex'));
    const chunks = await t.ctx.db
      .selectFrom('upload_chunks')
      .select(['seq', (eb) => eb.fn<number>('octet_length', ['bytes']).as('n')])
      .where('file_id', '=', stored.id)
      .orderBy('seq')
      .execute();
    expect(chunks.map((c) => [c.seq, Number(c.n)])).toEqual([
      [0, UPLOAD_CHUNK_BYTES],
      [1, UPLOAD_CHUNK_BYTES],
      [2, 12_345],
    ]);
    expect(Buffer.from(await uploadBytes(t.ctx.db, stored)).equals(expected)).toBe(true);
    expect(Buffer.from(await uploadHead(t.ctx.db, stored.id, 8192)).equals(expected.subarray(0, 8192))).toBe(
      true,
    );
    await t.ctx.db.deleteFrom('jobs').where('id', '=', jobId).execute();
  });

  it('refuses an upload over the limit as it arrives (413) and stores nothing of it', async () => {
    const before = await uploadRows(t.ctx.db);
    const upload: IncomingFile[] = [
      { name: 'small.csv', data: pattern(500_000) },
      { name: 'big.bin', data: pattern(3 * UPLOAD_CHUNK_BYTES) },
    ];
    const error = await enqueueUpload(t.ctx, actor, upload, 2 * UPLOAD_CHUNK_BYTES).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('too_large');
    expect((error as AppError).message).toMatch(
      /^an upload holds at most 2097152 bytes of files.*nothing was stored/,
    );
    expect(await uploadRows(t.ctx.db)).toEqual(before);
  });

  it('stores nothing of an upload whose connection broke off', async () => {
    const before = await uploadRows(t.ctx.db);
    function* broken(): Generator<Uint8Array> {
      yield* pattern(UPLOAD_CHUNK_BYTES + 10);
      throw new Error('aborted');
    }
    await expect(enqueueUpload(t.ctx, actor, [{ name: 'cut.bin', data: broken() }])).rejects.toThrow(
      'aborted',
    );
    expect(await uploadRows(t.ctx.db)).toEqual(before);
  });

  it('keeps the bytes of an ended job for the retention period, then the worker removes them', async () => {
    const job = await enqueueImport(t.ctx, actor, files);
    expect(await runOneJob(t.ctx, 'w1')).toBe(true);
    expect((await getImport(t.ctx, actor, job.id)).status).toBe('done');
    expect(await uploadsOf(job.id)).toBe(files.length);
    t.clock.advance(DEFAULT_UPLOAD_RETENTION_MS - HOUR);
    await dropOldUploads(t.ctx, DEFAULT_UPLOAD_RETENTION_MS);
    expect(await uploadsOf(job.id)).toBe(files.length);
    t.clock.advance(2 * HOUR);
    await dropOldUploads(t.ctx, DEFAULT_UPLOAD_RETENTION_MS);
    expect(await uploadsOf(job.id)).toBe(0);
    expect((await getImport(t.ctx, actor, job.id)).status, 'the result stays').toBe('done');
  });

  it('with a retention of 0 drops the bytes with the result', async () => {
    // New bytes (a trailing space), so nothing is a duplicate; not DICOM, where a byte past the data set is damage.
    const again = files
      .filter((f) => !f.name.endsWith('.dcm'))
      .map((f) => ({ name: f.name, bytes: new Uint8Array([...f.bytes, 32]) }));
    const job = await enqueueImport(t.ctx, actor, again);
    expect(await runOneJob(t.ctx, 'w1', 60_000, 0)).toBe(true);
    expect((await getImport(t.ctx, actor, job.id)).status).toBe('done');
    expect(await uploadsOf(job.id)).toBe(0);
  });

  it('removes an upload that stopped arriving (a killed process), never one still arriving', async () => {
    const stalled = await startUploading();
    await storeUploadFile(
      t.ctx.db,
      stalled,
      'half.bin',
      pattern(1000),
      () => {},
      () => new Date(t.clock.now()),
    );
    t.clock.advance(HOUR);
    const arriving = await startUploading();
    await dropOldUploads(t.ctx, DEFAULT_UPLOAD_RETENTION_MS);
    const left = await t.ctx.db.selectFrom('jobs').select('id').where('status', '=', 'uploading').execute();
    expect(left.map((j) => j.id)).toEqual([arriving]);
    expect(await uploadsOf(stalled)).toBe(0);
    await t.ctx.db.deleteFrom('jobs').where('id', '=', arriving).execute();
  });
});
