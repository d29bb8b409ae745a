import { randomBytes } from 'node:crypto';
import type { IncomingFile } from '../../src/app/upload/import-jobs.js';
import { MAX_DOCUMENT_BYTES } from '../../src/app/input-files.js';
import { demoUploads } from '../../src/app/setup/demo-uploads.js';

const MiB = 1024 * 1024;

/**
 * An upload of `totalBytes` generated as it is sent (never held whole): a demo clinic's exports, then
 * large files in 1 MiB pieces — a record-and-verify CSV over the per-file limit (its first line is the
 * clinic's, the rest filler: refused by size before it is read) when the total leaves room for one, and
 * files that are no export (random bytes: skipped by their first bytes) up to the total.
 */
export async function largeUpload(
  totalBytes: number,
  clinic: { patients: number; days: number; seed: number },
) {
  const demo = await demoUploads(clinic);
  const small = demo.files.reduce((n, f) => n + f.bytes.byteLength, 0);
  const history = demo.files.find((f) => /history.*\.csv$/i.test(f.name)) ?? null;
  const big: { name: string; bytes: number; head: Uint8Array }[] = [];
  let left = totalBytes - small;
  const oversize = MAX_DOCUMENT_BYTES + 16 * MiB;
  if (history && left >= oversize + 64 * MiB) {
    // Its header and rows over the first 8 KB, so it is recognised, and then refused by its size.
    const [header, ...rows] = new TextDecoder().decode(history.bytes).split('\n').filter(Boolean);
    let text = `${header}\n`;
    for (let i = 0; text.length < 9000; i++) text += `${rows[i % rows.length]}\n`;
    const head = new TextEncoder().encode(text);
    big.push({ name: 'history-full.csv', bytes: oversize, head });
    left -= oversize;
  }
  for (let i = 1; left > 0; i++) {
    const bytes = Math.min(left, 64 * MiB);
    big.push({ name: `scan-${i}.bin`, bytes, head: new Uint8Array(0) });
    left -= bytes;
  }
  function* pieces(size: number, head: Uint8Array): Generator<Uint8Array> {
    if (head.byteLength) yield head;
    for (let sent = head.byteLength; sent < size;) {
      const n = Math.min(MiB, size - sent);
      yield new Uint8Array(randomBytes(n));
      sent += n;
    }
  }
  const files: IncomingFile[] = [
    ...demo.files.map((f) => ({ name: f.name, data: [f.bytes] })),
    ...big.map((f) => ({ name: f.name, data: { [Symbol.iterator]: () => pieces(f.bytes, f.head) } })),
  ];
  return { files, clinic: demo.clinic, now: demo.generated.clinic.options.now, smallBytes: small, big };
}
