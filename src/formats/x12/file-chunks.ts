import { open } from 'node:fs/promises';

/** Bytes read from the file at a time. */
const CHUNK_BYTES = 256 * 1024;

/**
 * A file's bytes in chunks, read into one buffer reused from chunk to chunk: each chunk is valid until
 * the next is asked for. For the X12 readers (`readRemittances`, `scanClaimKeys`), which copy the
 * little they keep (an unfinished segment's bytes) and decode the rest: no buffer per chunk and no
 * stream machinery, so reading a 500 MB remittance file twice allocates nothing per chunk. A file that
 * cannot be opened or read throws its error (with its `code`), as a file stream would.
 */
export async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}
