/**
 * The upload body itself: every upload (the import's exports, CMS and contract-rate files) is a
 * `multipart/form-data` body (RFC 7578, delimiters per RFC 2046 5.1.1) read by `multipartFiles` before
 * any file reader sees a byte. Fed here as the HTTP layer feeds it, in pieces (delimiters fall across
 * piece boundaries), every file's bytes consumed. Its refusals are
 * ApiErrors (400 malformed, 413 too large) about the body: located at the body here.
 */
import { basename } from 'node:path';
import { ApiError } from '../../src/http/api-errors.js';
import { multipartFiles } from '../../src/http/multipart-files.js';
import type { FuzzReader, Outcome } from './readers.js';
import type { SeedFile } from './seeds.js';

const BOUNDARY = '----fuzzBoundary7MA4YWxkTrZu0gW';
/** The routes' limit is far above the 1 MiB inputs; under it here, the larger inputs reach the 413 path. */
const MAX_BYTES = 768 * 1024;
const MAX_SEED_FILE = 16 * 1024;

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A browser's form body: the files in field `files`, plus one plain field, as in the web upload. */
function formBody(files: readonly SeedFile[]): Uint8Array {
  const part = (disposition: string, bytes: Uint8Array) => [
    utf8(`--${BOUNDARY}\r\nContent-Disposition: form-data; ${disposition}\r\n`),
    utf8('Content-Type: application/octet-stream\r\n\r\n'),
    bytes,
    utf8('\r\n'),
  ];
  return Buffer.concat([
    ...part('name="note"', utf8('synthetic')),
    ...files.flatMap((f, i) =>
      part(
        i % 2
          ? `name="files"; filename*=UTF-8''${encodeURIComponent(basename(f.name))}`
          : `name="files"; filename="${basename(f.name)}"`,
        f.bytes,
      ),
    ),
    utf8(`--${BOUNDARY}--\r\n`),
  ]);
}

/** Small seed files of every sniffed format, three to a body. */
function seeds(files: readonly SeedFile[]): Uint8Array[] {
  const small = [...files]
    .filter((f) => f.bytes.length <= MAX_SEED_FILE)
    .sort((a, b) => a.name.localeCompare(b.name));
  const byFormat = new Map<string | null, SeedFile>();
  for (const f of small) if (!byFormat.has(f.format)) byFormat.set(f.format, f);
  const picked = [...byFormat.values()];
  const bodies: Uint8Array[] = [];
  for (let i = 0; i < picked.length; i += 3) bodies.push(formBody(picked.slice(i, i + 3)));
  return bodies;
}

/**
 * The body as the HTTP server hands it on: pulled a piece at a time (a socket read, 1–64 KiB here,
 * varying with the input) as the reader asks for it. A stream filled with every piece up front would
 * measure Node's stream queue (its shift is linear in the queue's length), not the parser.
 */
async function read(bytes: Uint8Array, source: string): Promise<Outcome> {
  const size = 1024 + ((bytes.length * 7919 + (bytes[0] ?? 0)) % (63 * 1024));
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + size));
      at += size;
    },
  });
  try {
    const type = `multipart/form-data; boundary=${BOUNDARY}`;
    for await (const file of multipartFiles(body, type, 'files', MAX_BYTES))
      for await (const piece of file.data) void piece;
    return { ok: true, problems: [], warnings: [] };
  } catch (e) {
    if (!(e instanceof ApiError) || (e.code !== 'invalid_input' && e.code !== 'too_large')) throw e;
    return { ok: false, problems: [{ location: `${source}:(body)`, message: e.message }], warnings: [] };
  }
}

export const MULTIPART_BODY: FuzzReader = { name: 'multipart-body', source: 'upload', seeds, read };
