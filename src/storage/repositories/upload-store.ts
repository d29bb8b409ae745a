import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../database.js';

/**
 * Uploaded files kept in the database (any instance's worker can import them) in rows of at most
 * UPLOAD_CHUNK_BYTES (migration 0018): a file streams in and out one chunk at a time, so memory stays
 * bounded by the chunk, not the file or the batch.
 */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;
/** A job still `uploading` is marked alive after this many chunks (see `dropStaleUploads`). */
const TOUCH_EVERY_CHUNKS = 16;

export interface StoredUpload {
  id: string;
  name: string;
  size: number;
  sha256: string;
}

/**
 * Store one file of an `uploading` job as its bytes arrive, re-cut into chunks; `count` is told the size
 * of each piece first and may throw (a size limit) to stop before anything more is written.
 */
export async function storeUploadFile(
  db: Db,
  jobId: string,
  name: string,
  data: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  count: (bytes: number) => void,
  now: () => Date,
): Promise<StoredUpload> {
  const { id } = await db
    .insertInto('upload_files')
    .values({ job_id: jobId, name, size: 0, sha256: '' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const hash = createHash('sha256');
  let chunk = new Uint8Array(UPLOAD_CHUNK_BYTES);
  let filled = 0;
  let seq = 0;
  let size = 0;
  const flush = async () => {
    await db
      .insertInto('upload_chunks')
      .values({ file_id: id, seq, bytes: fromBase64(chunk.subarray(0, filled)) })
      .execute();
    if (++seq % TOUCH_EVERY_CHUNKS === 0)
      await db.updateTable('jobs').set({ updated_at: now() }).where('id', '=', jobId).execute();
    chunk = new Uint8Array(UPLOAD_CHUNK_BYTES);
    filled = 0;
  };
  for await (const piece of data) {
    count(piece.byteLength);
    hash.update(piece);
    size += piece.byteLength;
    for (let at = 0; at < piece.byteLength;) {
      const n = Math.min(piece.byteLength - at, UPLOAD_CHUNK_BYTES - filled);
      chunk.set(piece.subarray(at, at + n), filled);
      filled += n;
      at += n;
      if (filled === UPLOAD_CHUNK_BYTES) await flush();
    }
  }
  if (filled > 0 || seq === 0) await flush();
  const sha256 = hash.digest('hex');
  await db.updateTable('upload_files').set({ size, sha256 }).where('id', '=', id).execute();
  return { id, name, size, sha256 };
}

/** The files of a job, in upload order, without their bytes. */
export async function storedUploads(db: Db, jobId: string): Promise<StoredUpload[]> {
  const rows = await db
    .selectFrom('upload_files')
    .select(['id', 'name', 'size', 'sha256'])
    .where('job_id', '=', jobId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, size: Number(r.size), sha256: r.sha256 }));
}

/**
 * Chunks cross the driver as base64 text: PGlite serialises a bytea parameter byte by byte (a string per
 * byte, about 20 bytes of garbage per byte sent), which made a 64 MiB upload cost 300 MB of heap.
 */
const fromBase64 = (bytes: Uint8Array) =>
  sql<Uint8Array>`decode(${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}, 'base64')`;
const asBase64 = (expression: ReturnType<typeof sql>) => sql<string>`encode(${expression}, 'base64')`;
/** Node's base64 decoder skips the line breaks PostgreSQL's `encode` puts every 76 characters. */
const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

/** The first `length` bytes of a stored file (the format is told by them). */
export async function uploadHead(db: Db, fileId: string, length: number): Promise<Uint8Array> {
  const row = await db
    .selectFrom('upload_chunks')
    .select(asBase64(sql`substring(bytes from 1 for ${length})`).as('head'))
    .where('file_id', '=', fileId)
    .where('seq', '=', 0)
    .executeTakeFirst();
  return row ? bytesOf(row.head) : new Uint8Array(0);
}

/** A stored file's bytes, read one chunk at a time into one array of its size. */
export async function uploadBytes(db: Db, file: Pick<StoredUpload, 'id' | 'size'>): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  let filled = 0;
  for (let seq = 0; filled < file.size; seq++) {
    const row = await db
      .selectFrom('upload_chunks')
      .select(asBase64(sql.ref('bytes')).as('bytes'))
      .where('file_id', '=', file.id)
      .where('seq', '=', seq)
      .executeTakeFirst();
    const bytes = row ? bytesOf(row.bytes) : null;
    if (!bytes?.byteLength) throw new Error(`upload chunk ${seq} is missing`);
    out.set(bytes, filled);
    filled += bytes.byteLength;
  }
  return out;
}
